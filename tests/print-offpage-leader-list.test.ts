/**
 * A leader list (成员 list, `gz-tablewrap--leader-list`, set in a text column, not across both) whose page
 * ends inside it: fuzz case 2026-129 (`--scale 0.5 --images`), reduced with `npx tsx tests/fuzz-reduce.ts
 * --seed 2026 --case 129 --scale 0.5 --images --match outside` (tests/fixtures/offpage/leader-list-129.json).
 *
 * The list is a 3-column table with merged cells and automatic column widths. Paged.js 0.4.3 measured the page
 * with the rows after it still in the table, found the overflow after a row that fitted at the foot of the
 * second column, then took the later rows out: the table's widths (taken from all its rows) changed, the rows
 * grew, and that last row was set in an extra column far to the right of the page (x ≈ 1900 px). The next
 * page started with the row after it, so no text was lost or repeated; only the off-page check (checkOffPage
 * in renderer/print/integrity.ts) saw it: “… on page 3 of 4 was laid out outside the page and would not
 * print”. The split-column-tables stage (renderer/print/columnTables.ts) now fixes the widths all the rows
 * give before pagination, so a page holding some rows only keeps them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('offpage');

/** The reduced case: case 2026-129's document (title, id) with the fixture's blocks. */
function reducedCase(): FuzzCase {
  const blocks = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/offpage/leader-list-129.json'), 'utf8')) as BlockElement[];
  const base = fuzzCase(2026, 129, { scale: 0.5, images: true });
  return { ...base, assets: [], document: { ...base.document, content: { ...base.document.content, blocks } } };
}

it('a leader list whose page ends inside it prints every row on a page (no row beside the page)', async () => {
  expect(await exporter.problems([reducedCase()])).toEqual([]);
}, 600_000);
