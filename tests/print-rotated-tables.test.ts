/**
 * Wide tables set on rotated (landscape) pages, from reduced fuzz cases (tests/fixtures/rotated-tables/,
 * `npx tsx tests/fuzz-reduce.ts`): each is exported through the real print page and Chromium, and the PDF
 * text (pdf.js) must be the model's text; the print page's integrity checks (text lost, a rotated page too
 * large for its page) fail the export otherwise.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { plainText, type BlockElement, type TableCellElement, type TableElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('rotated');

const fixture = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/rotated-tables', `${name}.json`), 'utf8')) as BlockElement[];
const para = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });

/** A document of the given blocks (the title and id of a fuzz case, so its findings are named alike). */
function caseOf(index: number, blocks: BlockElement[]): FuzzCase {
  const base = fuzzCase(99, index, { scale: 0.2 });
  const title = blocks[0]?.type === 'doc-title' ? [] : [{ type: 'doc-title', children: [{ text: `旋转表格测试（随机99-${index}）` }] } as BlockElement];
  return { ...base, assets: [], document: { ...base.document, content: { ...base.document.content, blocks: [...title, ...blocks] } } };
}

/** Export one case (its PDF kept); the findings of the text check, as strings. */
const exportCase = (c: FuzzCase) => exporter.problems([c]);
const pdfPages = (c: FuzzCase) => exporter.pdfPages(c);

it('a leader list with automatic column widths keeps them on every rotated page, and no page is cut off', async () => {
  // Reduced fuzz 7-44: measured with the widths all its rows give, set page by page with the widths of
  // each page's rows alone, a page came out 19–23 pt taller than the page.
  expect(await exportCase(caseOf(1, fixture('leader-list-auto-widths')))).toEqual([]);
}, 300_000);

it('a rotated table of header rows only still prints its text', async () => {
  // Reduced fuzz 7-40: no body row, so no rotated page, and the header's text was lost before layout.
  expect(await exportCase(caseOf(2, fixture('header-rows-only')))).toEqual([]);
}, 300_000);

it('a rotated leader list in a two-column region gets pages of its own and the text after it stays', async () => {
  // Fuzz 7-40: a 14-column leader list (set in the text columns, rotated for its width) was laid out
  // under the text before it, and Paged.js dropped it and everything after it in its flow.
  const list = fixture('leader-list-auto-widths').find((b) => b.type === 'table') as TableElement;
  // Model column widths: fixed layout, so only the region is at stake here.
  const columns = list.children[0].children.reduce((n, c) => n + (c.colSpan ?? 1), 0);
  const table: TableElement = { ...list, colWidths: Array.from({ length: columns }, () => 1) };
  const c = caseOf(3, [table, para('表后正文第一段落标记。'.repeat(30)), para('表后正文第二段落标记。'.repeat(30))]);
  expect(await exportCase(c)).toEqual([]);
  const pages = pdfPages(c);
  const first = pages.findIndex((p) => p.includes('旋转表格测试'));
  const after = pages.findIndex((p) => p.includes('表后正文第一段落标记'));
  // The title, the rotated pages, then the text after them on a page of its own.
  expect(after).toBeGreaterThan(first + 1);
  expect(pages[after - 1]).not.toContain('表后正文');
  expect(pages[first]).not.toContain('表后正文');
}, 300_000);

it('a two-character name in a column narrower than three characters stays on its rotated page', async () => {
  // Fuzz 7-73 (scale 0.5): a name list with model column widths, names spread to three characters in a
  // column of 1/42 of the page ran 17 pt off the rotated page.
  const names = ['王义', '李润', '袁萍', '马媛', '张光', '罗芳', '史泰'];
  const widths = [1, 4, 1, 5, 2, 2, 5, 3, 4, 5, 3, 4, 1, 1];
  const rows = Array.from({ length: 6 }, (_, r) => ({ type: 'table-row' as const, children: widths.map((_, k) => cell(names[(r + k) % names.length])) }));
  const table: TableElement = { type: 'table', headerRows: 0, variant: 'name-list', colWidths: widths, rotate: 'always', children: rows };
  expect(await exportCase(caseOf(4, [table]))).toEqual([]);
}, 300_000);

it('a row taller than many landscape pages, its text in the narrowest column, is split so that no page is cut off', async () => {
  // Reduced fuzz 99-190 (scale 0.5, images): one row whose last cell holds 554 characters in a column of
  // 1/41 of the rotated width (one character a line), split over 13 rotated pages. Its no-break runs
  // (「（一）」, a character held to its marks) were wider than the column and stuck 8 pt out of the
  // last page, which clips them: the export failed.
  const blocks = fixture('tall-row-narrow-column');
  const c = caseOf(5, blocks);
  expect(await exportCase(c)).toEqual([]);
  // The long cell's text is whole in the PDF, in order, across its pages.
  const row = (blocks[1] as TableElement).children[0];
  const text = plainText(row.children[row.children.length - 1]).replace(/\s+/g, '');
  expect(text.length).toBeGreaterThan(500);
  // Running heads and folios (the sample issue's) removed from each page.
  const furniture = /格尔木市人民政府政务公开信息|市政府办公室文件|—\d+—|2024年第6期/g;
  const pages = pdfPages(c).map((p) => p.replace(furniture, ''));
  expect(pages.join('')).toContain(text);
  // One character a line: the row takes many rotated pages.
  expect(pages.filter((p) => p.length > 0 && text.includes(p.slice(-8))).length).toBeGreaterThanOrEqual(10);
}, 300_000);
