/**
 * A document's last line alone at the top of its last page (a widow at the end of a flow). The blocks are
 * the cee corpus 纪要 (p6_gyblhjwrxsajygwtzthjy.txt, as the importer reads it): its closing paragraph, the
 * source URL, takes two lines, and the first of them fell on the foot of the right column of a full page;
 * the next page held only `qing-142752.html` (journal.css asks for widows: 2). The same with a two-line
 * Chinese closing paragraph in its place. Moved whole to the last page, the two lines were then balanced
 * one per column: the last line alone at the top of the right column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('widows');

function ceeCase(index: number, lastParagraph?: string): FuzzCase {
  const blocks = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/widows/cee-p6.json'), 'utf8')) as BlockElement[];
  if (lastParagraph) blocks[blocks.length - 1] = { type: 'paragraph', children: [{ text: lastParagraph }] } as BlockElement;
  const base = fuzzCase(2026, index, { scale: 0.2 });
  return { ...base, assets: [], document: { ...base.document, kind: 'other', content: { ...base.document.content, blocks } } };
}

/** The A4 page's middle (297.6 pt) parts the two text columns. */
const column = (x: number) => (x < 297.6 ? 'left' : 'right');

/** Body lines (between the running head and the folio) of the PDF, one entry per line and column. */
function bodyLines(c: FuzzCase) {
  return exporter.wordBoxes(c).filter((w) => w.yMin > 75 && w.yMin < 770);
}

it('keeps the two lines of a closing URL together on the last page', async () => {
  const c = ceeCase(1);
  expect(await exporter.problems([c])).toEqual([]);
  const lines = bodyLines(c);
  const first = lines.find((w) => w.text.includes('court.gov.cn'));
  const last = lines.find((w) => w.text.includes('142752.html'));
  expect(first && last).toBeTruthy();
  expect(first!.page).toBe(last!.page);
  // One under the other (balanced columns set them side by side: the last line alone atop the right column).
  expect(column(last!.xMin)).toBe(column(first!.xMin));
  expect(last!.yMin).toBeGreaterThan(first!.yMin);
  const lastPage = Math.max(...lines.map((w) => w.page));
  expect(lines.filter((w) => w.page === lastPage).length).toBeGreaterThan(1);
}, 300_000);

it('keeps a two-line Chinese closing paragraph whole', async () => {
  const closing = '本纪要自印发之日起施行，执行中遇到的问题请及时报告。';
  const c = ceeCase(2, closing);
  expect(await exporter.problems([c])).toEqual([]);
  const lines = bodyLines(c);
  const lastPage = Math.max(...lines.map((w) => w.page));
  const onLast = lines.filter((w) => w.page === lastPage);
  // The closing paragraph's last line is not alone: the page holds at least one more line of the text.
  expect(onLast.some((w) => closing.endsWith(w.text))).toBe(true);
  expect(onLast.length).toBeGreaterThan(1);
  // In one column, one line under the other.
  expect(new Set(onLast.map((w) => column(w.xMin))).size).toBe(1);
}, 300_000);
