/**
 * Text in narrow columns, set upright, through the real print page and Chromium: a no-break run of
 * punctuation (「（一）」, 甲（乙）。) wider than a column one or two characters wide used to stick out of its
 * cell over the next one (only rotated tables broke such runs). The export's integrity check now refuses
 * any cell whose text sticks out of it (checkCellOverflow), so a clean export means every cell's text is
 * inside its cell; the PDF text must be the model's. Long Latin words, URLs and numbers wrap the same way,
 * in narrow cells and in the text columns.
 */
import { expect, it } from 'vitest';
import type { BlockElement, TableCellElement, TableElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('narrow');

const para = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });

function caseOf(index: number, blocks: BlockElement[]): FuzzCase {
  const base = fuzzCase(31, index, { scale: 0.2 });
  const title = { type: 'doc-title', children: [{ text: `窄栏表格测试（随机31-${index}）` }] } as BlockElement;
  return { ...base, assets: [], document: { ...base.document, content: { ...base.document.content, blocks: [title, ...blocks] } } };
}

/** An upright table whose first column is `narrow` parts of `narrow + 50` (the others share the rest). */
function narrowTable(narrow: number, texts: string[]): TableElement {
  const rows = texts.map((t, r) => ({ type: 'table-row' as const, children: [cell(t), cell(`第${r + 1}行说明文字`), cell('负责单位'), cell('完成时限'), cell('备注')] }));
  return { type: 'table', headerRows: 0, variant: 'data', colWidths: [narrow, 20, 10, 10, 10], rotate: 'never', children: rows };
}

const PUNCTUATED = ['（一）', '甲（乙）。', '「（二）」', '《法》，', '1.', '（3）'];
const LATIN = ['https://www.geermu.gov.cn/zwgk/2024/06/notice.html', '20240615000123456789', 'Verwaltungsvorschrift', 'ISO/IEC27001:2022'];

it('no-break punctuation in a column one character wide stays inside its cell', async () => {
  // 2 parts of 52: 16 pt, one 9 pt character beside the padding.
  expect(await exporter.problems([caseOf(1, [narrowTable(2, PUNCTUATED)])])).toEqual([]);
}, 300_000);

it('no-break punctuation, long numbers, words and URLs in a column two characters wide stay inside their cells', async () => {
  // 4 parts of 54: 31 pt.
  const c = caseOf(2, [narrowTable(4, [...PUNCTUATED, ...LATIN])]);
  expect(await exporter.problems([c])).toEqual([]);
  // The other cells' text taken out, each narrow cell's text reads whole (the rows read across).
  const text = exporter.pdfPages(c).join('').replace(/第\d+行说明文字|负责单位|完成时限|备注/g, '');
  for (const t of LATIN) expect(text).toContain(t);
}, 300_000);

it('long URLs, numbers and Latin words in the text columns break at the line end, inside the column', async () => {
  const long = `详见${LATIN.join('和')}。`;
  const c = caseOf(3, [para(long), para(`编号${'1234567890'.repeat(8)}，网址https://www.geermu.gov.cn/${'abcdefghij'.repeat(8)}.html。`)]);
  expect(await exporter.problems([c])).toEqual([]);
  // Every word of every page lies in the type area (420 pt wide, centred on the A4 page), gutter aside.
  const words = exporter.wordBoxes(c);
  expect(words.length).toBeGreaterThan(20);
  const left = Math.min(...words.map((w) => w.xMin));
  const right = Math.max(...words.map((w) => w.xMax));
  expect(right - left).toBeLessThanOrEqual(420 + 1);
  expect(words.some((w) => w.text.includes('abcdefghij'))).toBe(true);
  // A long word breaks where the line ends instead of going whole to the next line: the line before it is
  // not stretched: 详 and 见 (编 and 号) stay less than a character (10.5 pt) apart; justified around a
  // word moved whole to the next line they were 250 pt apart.
  const gap = (a: string, b: string) => words.find((w) => w.text.includes(b))!.xMin - words.find((w) => w.text.includes(a))!.xMax;
  expect(gap('详', '见')).toBeLessThan(10.5);
  expect(gap('编', '号')).toBeLessThan(10.5);
}, 300_000);

it('a raised run in an upright (vertical) cell stays in its column', async () => {
  // Fuzz case 31-137 (`--scale 0.5 --images`): a cell set upright, one character per line, in a rotated
  // table, with a <sup> run. vertical-align: super moved the run sideways in vertical-rl, 3 pt out of its
  // column into the next one, and the cell check refused the export. Such runs now stay on the line.
  expect(await exporter.problems([fuzzCase(31, 137, { scale: 0.5, images: true })])).toEqual([]);
}, 300_000);
