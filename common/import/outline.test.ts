import { describe, expect, it } from 'vitest';
import { importDocumentFromText } from './fromText';
import { isOutlineHeading } from './patterns';

const texts = (text: string) => importDocumentFromText(text).content.blocks.map((b) => b.children.map((c) => ('text' in c ? c.text : '')).join(''));

describe("a 预案's own 目录 and decimal headings", () => {
  it('keeps each entry of the 目录 a paragraph of its own, a long entry too', () => {
    const got = texts(
      [
        '国家粮食应急预案',
        '目\u3000\u3000录',
        '1\u3000总则',
        '\u3000\u30001.1\u3000编制目的及依据',
        '2\u3000组织机构和职责',
        '\u3000\u30002.2\u3000地方粮食应急机构及其职责',
        '3\u3000预警监测',
        '\u3000\u30003.1\u3000市场监测',
        '4\u3000应急响应',
        '\u3000\u30004.2\u3000国家级（Ⅰ级）应急响应',
        '1\u3000总则',
        '1.1\u3000编制目的及依据',
        '为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮食市场异常波动，制定本预案。',
      ].join('\n'),
    );
    expect(got).toContain('2.2\u3000地方粮食应急机构及其职责');
    expect(got).toContain('3\u3000预警监测');
    expect(got).toContain('4.2\u3000国家级（Ⅰ级）应急响应');
    expect(got.filter((t) => t === '1\u3000总则')).toHaveLength(2);
    expect(got).toContain('为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮食市场异常波动，制定本预案。');
  });

  it('reads a number, space and a short phrase as a heading line, not a sentence or a year', () => {
    expect(isOutlineHeading('4.2\u3000国家级（Ⅰ级）应急响应')).toBe(true);
    expect(isOutlineHeading('\u3000\u30001.2.1 等级划分')).toBe(true);
    expect(isOutlineHeading('1.2.1\u3000国家级（Ⅰ级）：两个以上省出现粮食应急状态。')).toBe(false);
    expect(isOutlineHeading('2024 年工作要点')).toBe(false);
    expect(isOutlineHeading('10 个乡镇，已完成。')).toBe(false);
  });
});
