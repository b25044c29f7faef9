import { describe, expect, it } from 'vitest';
import { normalizeContent, plainText } from '../model';
import { fixPunctuationAcrossIssue, halfWidthFindingsAcrossIssue, lintDocument } from './index';

const doc = (id: string, ...texts: string[]) => ({ id, content: normalizeContent({ blocks: texts.map((text) => ({ type: 'paragraph', children: [{ text }] })) }) });

describe('half-width punctuation across an issue', () => {
  const docs = [doc('a', '各部门,请于10:30前报送(书面材料)', '没有问题。'), doc('b', '全部正确。'), doc('c', '打击重点:依法严厉打击;')];

  it('lists the documents concerned', () => {
    expect(halfWidthFindingsAcrossIssue(docs)).toEqual([
      { documentId: 'a', blocks: 1 },
      { documentId: 'c', blocks: 1 },
    ]);
  });

  it('fixes every document in one go, keeping numbers, and leaves nothing for the check', () => {
    const fixes = fixPunctuationAcrossIssue(docs);
    expect(fixes.map((f) => f.documentId)).toEqual(['a', 'c']);
    expect(plainText(fixes[0].content.blocks[0])).toBe('各部门，请于10:30前报送（书面材料）');
    expect(plainText(fixes[1].content.blocks[0])).toBe('打击重点：依法严厉打击；');
    for (const f of fixes) expect(lintDocument({ content: f.content }).filter((x) => x.code === 'halfwidth-punctuation')).toEqual([]);
  });

  it('repairs a mark at a boundary between runs, where the per-block fix is not offered', () => {
    const content = normalizeContent({ blocks: [{ type: 'paragraph', children: [{ text: '工作要求(', bold: true }, { text: '试行)如下' }] }] });
    const [fix] = fixPunctuationAcrossIssue([{ id: 'd', content }]);
    expect(plainText(fix.content.blocks[0])).toBe('工作要求（试行）如下');
    expect((fix.content.blocks[0] as { children: Array<{ bold?: boolean }> }).children[0].bold).toBe(true);
  });
});

describe('the one-click fix of half-width punctuation', () => {
  it('drops the spaces typed after a comma or semicolon between Chinese words, in tables too', () => {
    const content = normalizeContent({
      blocks: [
        { type: 'paragraph', children: [{ text: '查找数据, 含名称; 2025年完成' }] },
        { type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '调查数据, 查找城市' }] }] }] }] },
      ],
    });
    const [fix] = fixPunctuationAcrossIssue([{ id: 'e', content }]);
    expect(plainText(fix.content.blocks[0])).toBe('查找数据，含名称；2025年完成');
    expect(plainText(fix.content.blocks[1])).toBe('调查数据，查找城市');
  });
});
