import { describe, expect, it } from 'vitest';
import { wordAcross } from './tocBreaks';

describe('TOC title breaks', () => {
  const title = '格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知';
  it('finds the word a line break cuts', () => {
    const at = title.indexOf('作');
    expect(wordAcross(title, at)).toEqual([at - 1, at + 1]); // 工/作 -> 工作 moves whole
    const seal = '关于印发新开办企业首套印章免费刻制实施方案的通知';
    expect(wordAcross(seal, seal.indexOf('章'))).toEqual([seal.indexOf('印章'), seal.indexOf('印章') + 2]);
  });
  it('leaves breaks between words, or next to digits and punctuation, alone', () => {
    expect(wordAcross(title, title.indexOf('工作'))).toBeNull();
    expect(wordAcross(title, title.indexOf('年'))).toBeNull();
    expect(wordAcross('关于“亮剑”专项', 5)).toBeNull();
  });
});
