import { describe, expect, it } from 'vitest';
import { CHRONICLE_START, docNumberOf, endsLeadSentence, endsSentence, isBracketed, isDocNumber, isLabelLine, kindFromTitle, startsNewElement } from './patterns';

describe('文号', () => {
  it('recognises a 文号 alone on a line, in its common spellings, and normalises it', () => {
    for (const t of ['格政办发〔2024〕62号', '格政人〔2024〕11号', '格政办发[2024]62号', '格政办发（2024）第062号', ' 格政办〔2024〕9号 ']) {
      expect(isDocNumber(t)).toBe(true);
    }
    expect(docNumberOf('格政办发[2024]第062号')).toBe('格政办发〔2024〕62号');
    expect(isDocNumber('（青财监字〔2021〕402号）要求')).toBe(false);
    expect(isDocNumber('格政办〔2024〕9号……………（3）')).toBe(false);
  });
});

describe('line ends and starts', () => {
  it('knows sentence-final punctuation', () => {
    expect(endsSentence('实现管理有')).toBe(false);
    expect(endsSentence('格尔木农垦（集团）')).toBe(false);
    expect(endsSentence('各相关单位：')).toBe(true);
    expect(endsSentence('抓好贯彻落实。')).toBe(true);
    expect(endsSentence('他说：“好。”')).toBe(true);
    expect(endsSentence('纳入到有毒物质的范围。[2]')).toBe(true);
    expect(endsSentence('详见参考文献[2]')).toBe(false);
  });
  it('treats numbered and labelled lines as new elements, not a bracketed word', () => {
    expect(startsNewElement('（二）补贴作物。')).toBe(true);
    expect(startsNewElement('(1) 申报')).toBe(true);
    expect(startsNewElement('第三条 条件')).toBe(true);
    expect(startsNewElement('7月17日至19日，省政协')).toBe(true);
    expect(startsNewElement('免去：')).toBe(true);
    expect(startsNewElement('（社区）、住房四个维度')).toBe(false);
    expect(startsNewElement('2024年专项城市体检报告》。')).toBe(false);
  });
  it('recognises 大事记 entry starts', () => {
    expect(CHRONICLE_START.test('同日，温州市')).toBe(true);
    expect(CHRONICLE_START.test('7月1日，市委')).toBe(true);
    expect(CHRONICLE_START.test('7月份大事记')).toBe(false);
  });
  it('recognises a line wholly in brackets', () => {
    expect(isBracketed('(20____年10月1日至20____年9月30日)')).toBe(true);
    expect(isBracketed('（一）加强领导。')).toBe(false);
  });
});

describe('kindFromTitle', () => {
  it('maps titles to document kinds', () => {
    expect(kindFromTitle('7月份大事记', '')).toBe('chronicle');
    expect(kindFromTitle('格尔木市人民政府关于李润等同志职务任免的通知', '格政人〔2024〕11号')).toBe('personnel');
    expect(kindFromTitle('格尔木市人民政府办公室关于印发…方案的通知', '格政办发〔2024〕62号')).toBe('notice');
    expect(kindFromTitle('会议纪要摘编', '')).toBe('other');
  });
});

describe('the close of a lead sentence', () => {
  it('is 通知如下： and its kin, never a form label', () => {
    for (const t of ['通知如下：', '现将有关事项通知如下：', '批复如下:']) expect([endsLeadSentence(t), isLabelLine(t), startsNewElement(t)], t).toEqual([true, false, false]);
    for (const t of ['免去：', '填报人：', '一、具体安排如下：']) expect(endsLeadSentence(t), t).toBe(false);
    expect(isLabelLine('免去：')).toBe(true);
  });
});
