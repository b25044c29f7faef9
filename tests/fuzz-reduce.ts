/**
 * Shrink a failing fuzz case to a small document that still fails the same way: `npx tsx
 * tests/fuzz-reduce.ts --seed N --case K [--scale S] [--images] [--match TEXT] [--out file.json]`. Blocks are dropped,
 * then table rows (spans kept valid), then cell and paragraph text halved, as long as the export still
 * reports a finding (with --match, a finding whose message contains TEXT: the reduction keeps to one fault). Writes the reduced document's blocks as JSON (for a regression test).
 */
import { writeFileSync } from 'node:fs';
import type { BlockElement, TableElement, TableRowElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChromiumEngine } from '../main/export/chromium';
import { exportAndCheck } from './fuzz-export';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const seed = Number(arg('seed'));
const index = Number(arg('case'));
const match = arg('match');
const out = arg('out') ?? `/tmp/fuzz-${seed}-${index}.json`;
const base = fuzzCase(seed, index, { scale: Number(arg('scale') ?? 1), images: process.argv.includes('--images') });

const engine = await ChromiumEngine.launch();
const dir = mkdtempSync(path.join(tmpdir(), 'gazette-reduce-'));
const runCheck = (cases: FuzzCase[]) => exportAndCheck(cases, engine, dir, {});
let checks = 0;
async function fails(blocks: BlockElement[]): Promise<string | null> {
  checks++;
  // Images dropped from the blocks take their assets with them (else the check counts a missing image).
  const assets = base.assets.filter((a) => blocks.some((b) => b.type === 'image' && b.assetId === a.id));
  const c: FuzzCase = { ...base, assets, document: { ...base.document, content: { ...base.document.content, blocks } } };
  const found = (await runCheck([c])).filter((f) => !match || f.problem.includes(match));
  return found.length ? found.map((f) => f.problem).join(' | ').slice(0, 300) : null;
}

/** Remove body row `r` of a table, keeping every grid slot covered once. */
function withoutRow(table: TableElement, r: number): TableElement {
  const rows: TableRowElement[] = table.children.map((row) => ({ ...row, children: row.children.map((c) => ({ ...c })) }));
  // Grid columns of every cell.
  const taken: boolean[][] = [];
  const at: Array<Array<{ col: number }>> = rows.map(() => []);
  rows.forEach((row, ri) => {
    let col = 0;
    row.children.forEach((cell) => {
      while (taken[ri]?.[col]) col++;
      at[ri].push({ col });
      for (let i = 0; i < (cell.rowSpan ?? 1); i++) for (let j = 0; j < (cell.colSpan ?? 1); j++) (taken[ri + i] ??= [])[col + j] = true;
      col += cell.colSpan ?? 1;
    });
  });
  rows.forEach((row, ri) => {
    if (ri >= r) return;
    for (const cell of row.children) if (ri + (cell.rowSpan ?? 1) - 1 >= r) cell.rowSpan = (cell.rowSpan ?? 1) - 1;
  });
  // Cells of row r spanning down move to row r+1 at their column.
  const moving = rows[r].children.map((cell, k) => ({ cell, col: at[r][k].col })).filter((m) => (m.cell.rowSpan ?? 1) > 1);
  if (moving.length && rows[r + 1]) {
    const next = rows[r + 1].children.map((cell, k) => ({ cell, col: at[r + 1][k].col }));
    for (const m of moving) next.push({ cell: { ...m.cell, rowSpan: (m.cell.rowSpan ?? 1) - 1 }, col: m.col });
    next.sort((a, b) => a.col - b.col);
    rows[r + 1].children = next.map((n) => n.cell);
  }
  rows.splice(r, 1);
  for (const row of rows) for (const cell of row.children) if (cell.rowSpan === 1) delete cell.rowSpan;
  return { ...table, headerRows: Math.min(table.headerRows, r < table.headerRows ? table.headerRows - 1 : table.headerRows), children: rows };
}

function halveText<T extends { children: Array<{ text?: string }> }>(el: T): T {
  return { ...el, children: el.children.map((l) => (l.text && l.text.length > 1 ? { ...l, text: l.text.slice(0, Math.ceil(l.text.length / 2)) } : l)) };
}

let blocks = base.document.content.blocks;
const first = await fails(blocks);
if (!first) {
  console.log('the case passes: nothing to reduce');
  await engine.close();
  process.exit(0);
}
console.log(`fails: ${first}`);
// Drop blocks (not the title, which names the case).
for (let i = blocks.length - 1; i >= 1; i--) {
  const trial = blocks.filter((_, k) => k !== i);
  if (await fails(trial)) blocks = trial;
}
console.log(`${blocks.length} blocks left after ${checks} checks`);
// Drop table rows, bottom first, then in halves of what is left.
for (let b = 0; b < blocks.length; b++) {
  if (blocks[b].type !== 'table') continue;
  for (let r = (blocks[b] as TableElement).children.length - 1; r >= 0; r--) {
    const table = blocks[b] as TableElement;
    if (table.children.length <= 1) break;
    const trial = blocks.slice();
    trial[b] = withoutRow(table, r);
    if (await fails(trial)) blocks = trial;
  }
  console.log(`table ${b}: ${(blocks[b] as TableElement).children.length} rows after ${checks} checks`);
  // Shorten cells.
  const table = blocks[b] as TableElement;
  for (let r = 0; r < table.children.length; r++) {
    for (let c = 0; c < table.children[r].children.length; c++) {
      for (let k = 0; k < 6; k++) {
        const t = blocks[b] as TableElement;
        const trial = blocks.slice();
        const rows = t.children.map((row, ri) => (ri !== r ? row : { ...row, children: row.children.map((cell, ci) => (ci !== c ? cell : { ...cell, children: cell.children.map(halveText) })) }));
        trial[b] = { ...t, children: rows };
        if (JSON.stringify(trial[b]) === JSON.stringify(t) || !(await fails(trial))) break;
        blocks = trial;
      }
    }
  }
}
const last = await fails(blocks);
console.log(`reduced after ${checks} checks: ${last}`);
writeFileSync(out, JSON.stringify(blocks, null, 1));
console.log(`written ${out}`);
await engine.close();
