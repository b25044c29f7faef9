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

/** A table of one header row and one body row of `cells`, as the model holds it. */
const rowTable = (cells: string[]): BlockElement => ({
  type: 'table',
  headerRows: 1,
  children: [
    { type: 'table-row', children: cells.map((_, c) => cell(`表头${'甲乙丙丁戊'[c]}`)) },
    { type: 'table-row', children: cells.map(cell) },
  ],
});
/** The row printed in bands (pages, or parts of a text column): each band holds the next part of every cell, in cell order, under a header copy. */
const banded = (header: string, parts: string[][]) => parts.map((band, b) => (b > 0 ? header : '') + band.join('')).join('');

it('reads a row split into many bands, every cell in parts between the parts of the others', () => {
  const long = '关于进一步加强城市体检营商环境监督员聘用专项整治行动打击非法集资砂石行业藜麦产业扶持资金补贴项目';
  const other = '格尔木市人民政府办公室现将有关事项通知如下请结合实际认真贯彻执行';
  const d = doc([rowTable(['一', long, other, '完毕']), p('下文。')]);
  const longParts = long.match(/.{1,8}/g)!;
  const otherParts = other.match(/.{1,6}/g)!;
  const bands = longParts.map((part, b) => [b === 0 ? '一' : '', part, otherParts[b] ?? '', b === 0 ? '完毕' : '']);
  expect(bands.length).toBeGreaterThan(4);
  const printed = `表头甲表头乙表头丙表头丁${banded('表头甲表头乙表头丙表头丁', bands)}下文。`;
  expect(compareUnitText(printed, [d])).toEqual([]);
  // A cell printed before the one it follows, in every band, is out of order.
  const swapped = bands.map(([a, b, c, e]) => [a, c, b, e]);
  expect(compareUnitText(`表头甲表头乙表头丙表头丁${banded('表头甲表头乙表头丙表头丁', swapped)}下文。`, [d]).join()).toContain('not found in order');
  // A band of a cell lost (its characters printed elsewhere, out of place) is found.
  const moved = bands.map((band, b) => (b === 2 ? [band[0], '', band[2], band[3]] : band));
  moved[moved.length - 1].push(longParts[2]);
  expect(compareUnitText(`表头甲表头乙表头丙表头丁${banded('表头甲表头乙表头丙表头丁', moved)}下文。`, [d]).join()).toContain('not found in order');
});

it('takes a cell part where the row goes on, not a longer chance match of its text further on', () => {
  // The first band holds 公室关于进 of the third cell; the text 公室关于进一步加 comes again later (another cell).
  const d = doc([rowTable(['一', '公室关于进一步加请结合实际', '周文良乡镇部']), p('公室关于进一步加强。')]);
  const printed = '表头甲表头乙表头丙一公室关于进周文良表头甲表头乙表头丙一步加请结合实际乡镇部公室关于进一步加强。';
  expect(compareUnitText(printed, [d])).toEqual([]);
});

it('does not take a cell whose letters are only scattered through other text', () => {
  const d = doc([rowTable(['一', '甲乙丙丁戊己']), p('子丑寅卯辰巳')]);
  expect(compareUnitText('表头甲表头乙一甲乙丙丁戊己子丑寅卯辰巳', [d])).toEqual([]);
  expect(compareUnitText('表头甲表头乙一甲子乙丑丙寅丁卯戊辰己巳', [d]).join()).toContain('row 2 cell 2 not found in order');
});

it('lets merged cells repeated on every page of a cut table through whole, and still finds a cell printed twice', () => {
  const c = (text: string, rowSpan?: number) => ({ ...cell(text), ...(rowSpan ? { rowSpan } : {}) });
  // Merged cells: 甲乙 spans rows 2–5, 甲乙丙 rows 2–3, 丙丁 rows 4–5; the table is cut after rows 3 and 4.
  const merged: BlockElement = {
    type: 'table',
    headerRows: 1,
    children: [
      { type: 'table-row', children: [c('序'), c('名'), c('注')] },
      { type: 'table-row', children: [c('甲乙', 4), c('甲乙丙', 2), c('子')] },
      { type: 'table-row', children: [c('丑')] },
      { type: 'table-row', children: [c('寅'), c('丙丁', 2)] },
      { type: 'table-row', children: [c('卯')] },
    ],
  };
  const d = doc([merged, p('完。')]);
  // Each later page repeats the header and the merged cells its rows are in (tableSlices gz-repeat).
  expect(compareUnitText('序名注甲乙甲乙丙子丑序名注甲乙寅丙丁序名注甲乙卯丙丁完。', [d])).toEqual([]);
  // A plain cell printed twice is still extra text.
  expect(compareUnitText('序名注甲乙甲乙丙子丑序名注甲乙寅丙丁序名注甲乙卯丙丁寅完。', [d]).join()).toContain('extra characters: 寅×1');
});

it('reads a cell split where the row goes on, though its whole text comes again in later text', () => {
  const d = doc([rowTable(['甲', '关于进一步加强做好', '子丑寅']), p('关于进一步加强做好全工作。')]);
  expect(compareUnitText('表头甲表头乙表头丙甲关于进一子丑表头甲表头乙表头丙步加强做好寅关于进一步加强做好全工作。', [d])).toEqual([]);
});

it('gives back to the next cell the letters a split cell’s first part took from it by chance', () => {
  // Fuzz 2026-139 (--images): a cell cut after 于 goes on with 进 on the next page, and the next cell begins
  // with 进: its first part was read as …于进, and the next cell was looked for after its first letter.
  const d = doc([rowTable(['一', '环境监督员于进业扶持资金', '进一步加强做', '（一']), p('下文。')]);
  const header = '表头甲表头乙表头丙表头丁';
  const bands = [['一', '环境监督员于', '进一步加强做', '（一'], ['', '进业扶持资金', '', '']];
  expect(compareUnitText(`${header}${banded(header, bands)}下文。`, [d])).toEqual([]);
  // Still strict: the next cell printed before the split one is out of order …
  const swapped = [['一', '进一步加强做', '环境监督员于', '（一'], bands[1]];
  expect(compareUnitText(`${header}${banded(header, swapped)}下文。`, [d]).join()).toContain('not found in order');
  // … and the letter given back is not printed twice: the split cell's own 进 lost is missing.
  const lost = [bands[0], ['', '业扶持资金', '', '']];
  expect(compareUnitText(`${header}${banded(header, lost)}下文。`, [d]).join()).toContain('missing characters: 进×1');
});

it('gives back nothing after a cell printed whole', () => {
  // The same letters, the first cell not split: the next cell's 进 printed once only is lost, and found.
  const d = doc([rowTable(['一', '环境监督员于进', '进一步加强做']), p('下文。')]);
  const problems = compareUnitText('表头甲表头乙表头丙一环境监督员于进一步加强做下文。', [d]).join();
  expect(problems).toContain('missing characters: 进×1');
  expect(problems).toContain('row 2 cell 3 not found in order');
});

it('gives back a whole next cell of one letter that a split cell’s first part took', () => {
  // Fuzz 2026-161 (--images): a cell cut after 企 goes on with 业 on the next page; the next cells are 业 and 取得实效.
  const d = doc([rowTable(['贴项目新开办企业首套印章', '业', '取得实效城市']), p('下文。')]);
  const header = '表头甲表头乙表头丙';
  const bands = [['贴项目新开办企', '业', '取得实效城市'], ['业首套印章', '', '']];
  expect(compareUnitText(`${header}${banded(header, bands)}下文。`, [d])).toEqual([]);
  // The one-letter cell lost: missing, though the split cell's first part reads on into the next cell.
  const lost = [['贴项目新开办企', '', '取得实效城市'], bands[1]];
  expect(compareUnitText(`${header}${banded(header, lost)}下文。`, [d]).join()).toContain('missing characters: 业×1');
});
