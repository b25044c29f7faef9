import { describe, expect, it } from 'vitest';
import { normalizeContent, plainText, type TableElement } from '../model';
import { halfWidthPositions, normalizeContentPunctuation, normalizeHalfWidthPunctuation, normalizeImportedPunctuation, normalizeLeaves } from './punctuation';

const fix = (text: string) => normalizeHalfWidthPunctuation(text).text;

describe('half-width punctuation between Chinese characters', () => {
  it('makes , ; : full-width between Chinese characters', () => {
    expect(fix('坚持问题导向,各部门开展联合执法;打击重点:依法严厉打击')).toBe('坚持问题导向，各部门开展联合执法；打击重点：依法严厉打击');
    expect(normalizeHalfWidthPunctuation('甲,乙;丙').changed).toBe(2);
  });
  it('converts parentheses as a pair around Chinese text', () => {
    expect(fix('格尔木农垦(集团)有限公司')).toBe('格尔木农垦（集团）有限公司');
    expect(fix('(2024年8月9日)。一是依法')).toBe('（2024年8月9日）。一是依法');
    expect(fix('(明确完成时限),进行集中')).toBe('（明确完成时限），进行集中');
  });
  it('leaves numbers, Latin text and unclear cases alone', () => {
    expect(fix('共1,000元，10:30开会')).toBe('共1,000元，10:30开会');
    expect(fix('见表(1)和(a)')).toBe('见表(1)和(a)');
    expect(fix('Hello, world: (test)')).toBe('Hello, world: (test)');
    // Before a space or at the end: not obviously Chinese on both sides.
    expect(fix('填报单位: 盖章')).toBe('填报单位: 盖章');
    expect(halfWidthPositions('电话：(0979) 8411326')).toEqual([]);
  });
  it('drops the spaces typed after a comma or semicolon it makes full-width', () => {
    expect(fix('含设施面积情况, 查找市辖区; 2025年达到')).toBe('含设施面积情况，查找市辖区；2025年达到');
    expect(normalizeHalfWidthPunctuation('数据,  含').changed).toBe(1);
    expect(halfWidthPositions('数据, 含')).toEqual([2]);
    expect(fix('Hello, 世界')).toBe('Hello, 世界');
    const { leaves } = normalizeLeaves([{ text: '数据,', bold: true }, { text: ' 含' }]);
    expect(leaves).toEqual([{ text: '数据，', bold: true }, { text: '含' }]);
  });
  it('sees both neighbours across run boundaries and keeps the runs', () => {
    const { leaves, changed } = normalizeLeaves([{ text: '一、总体要求', bold: true }, { text: ',如下' }]);
    expect(changed).toBe(1);
    expect(leaves).toEqual([{ text: '一、总体要求', bold: true }, { text: '，如下' }]);
  });
  it('normalises paragraphs and table cells of a document and warns once', () => {
    const table: TableElement = {
      type: 'table',
      headerRows: 0,
      children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '补贴面积(亩)' }] }] }] }],
    };
    const content = normalizeContent({ blocks: [{ type: 'paragraph', children: [{ text: '各乡镇,各部门:' }] }, table] });
    const { content: out, changed } = normalizeContentPunctuation(content);
    expect(changed).toBe(3);
    expect(plainText(out.blocks[0])).toBe('各乡镇，各部门:');
    expect(plainText(out.blocks[1])).toBe('补贴面积（亩）');
    const warnings: Array<{ code: string; message: string; text?: string }> = [];
    normalizeImportedPunctuation(content, warnings, '关于…的通知');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('halfwidth-punctuation');
    expect(warnings[0].message).toContain('3 处');
    // It quotes the first block changed, so that the import report can locate it.
    expect(warnings[0]).toMatchObject({ text: '各乡镇，各部门:' });
    // Content without such marks is returned as it is, without a warning.
    expect(normalizeImportedPunctuation(out, warnings)).toBe(out);
    expect(warnings).toHaveLength(1);
  });
});
