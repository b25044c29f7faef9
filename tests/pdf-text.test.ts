/**
 * The PDF text comparison used by the export tests catches lost, repeated and reordered text, and
 * allows what print legitimately repeats (a table's header rows on every page).
 */
import { expect, it } from 'vitest';
import type { BlockElement, GazetteDocument } from '../common/model';
import { badCharacters, compareUnitText, pageBody } from './pdf-text';

const doc = (blocks: BlockElement[]): GazetteDocument => ({
  id: 'd', sectionId: 's', kind: 'notice', title: '关于测试的通知', docNumber: '', position: 0, updatedAt: '', content: { schemaVersion: 1, blocks },
});
const p = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string) => ({ type: 'table-cell' as const, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
const table: BlockElement = { type: 'table', headerRows: 1, children: [{ type: 'table-row', children: [cell('序号'), cell('名称')] }, { type: 'table-row', children: [cell('1'), cell('格尔木')] }] };

it('accepts the printed text and a repeated table header', () => {
  const d = doc([p('第一段甲乙。'), table, p('第二段。')]);
  expect(compareUnitText('第一段甲乙。序号名称1格尔木第二段。', [d])).toEqual([]);
  expect(compareUnitText('第一段甲乙。序号名称1格序号名称尔木第二段。', [d])).toEqual([]);
});

it('reads a long cell split over many pages in order, the header repeated on each page between its parts', () => {
  const long = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
  const d = doc([{ type: 'table', headerRows: 1, children: [{ type: 'table-row', children: [cell('序号'), cell('名称')] }, { type: 'table-row', children: [cell('1'), cell(long)] }] }, p('完。')]);
  const parts = long.match(/.{4}/g)!;
  expect(compareUnitText(`序号名称1${parts.join('序号名称')}完。`, [d])).toEqual([]);
  // Still in order only: a part out of place is found.
  expect(compareUnitText(`序号名称1${[parts[1], parts[0], ...parts.slice(2)].join('序号名称')}完。`, [d]).join()).toContain('not found in order');
});

it('keeps the own header of each of two tables that share a header text, and drops the copies', () => {
  const row = (a: string, b: string) => ({ type: 'table-row' as const, children: [cell(a), cell(b)] });
  const first: BlockElement = { type: 'table', headerRows: 1, children: [row('序号', '名称'), row('1', '格尔木'), row('2', '德令哈')] };
  const second: BlockElement = { type: 'table', headerRows: 1, children: [row('序号', '名称'), row('3', '西宁')] };
  const d = doc([first, second]);
  // The first table continues on a new page under its header; the second prints its own header.
  expect(compareUnitText('序号名称1格尔木序号名称2德令哈序号名称3西宁', [d])).toEqual([]);
  // The second table's rows before its header are out of order, and found.
  expect(compareUnitText('序号名称1格尔木3西宁序号名称2德令哈序号名称', [d]).join()).toContain('not found in order');
});

it('reports lost, repeated and reordered text', () => {
  const d = doc([p('第一段甲乙。'), p('第二段。')]);
  expect(compareUnitText('第一段甲乙。第二', [d]).join()).toContain('missing characters: 段×1 。×1');
  expect(compareUnitText('第一段甲乙。第一段甲乙。第二段。', [d]).join()).toContain('extra characters');
  expect(compareUnitText('第二段。第一段甲乙。', [d]).join()).toContain('not found in order');
});

it('strips the running head and folio and flags radicals and control characters', () => {
  expect(pageBody('正文\n市政府办公室文件\n— 3 —', 3, ['格尔木市人民政府政务公开信息　2024年第6期', '市政府办公室文件'])).toBe('正文');
  expect(badCharacters('格尔\u2f4a市\u0001')).toEqual(['U+2F4A in “格尔⽊市\u0001”', 'U+0001 in “格尔⽊市\u0001”']);
});

it('reads vertical presentation forms of a vertical cell as the punctuation the model holds', () => {
  const d = doc([p('（一）“亮剑”')]);
  expect(compareUnitText('︵一︶﹃亮剑﹄', [d])).toEqual([]);
});
