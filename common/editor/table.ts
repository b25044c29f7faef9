/**
 * Table editing on the model (insert/remove rows and columns, merge/split cells) through a full grid:
 * spans are expanded to a rectangle of slots, the operation works on slots, and the grid is folded back.
 * Pure; the editor replaces the table node with the result (one undo step).
 */
import type { Align, ParagraphElement, TableCellElement, TableElement, TableRowElement } from '../model';

interface Slot {
  /** The cell that owns this slot. */
  cell: TableCellElement;
  /** True for the owner's top-left slot. */
  origin: boolean;
}

type Grid = Slot[][];

const emptyParagraph = (): ParagraphElement => ({ type: 'paragraph', indent: false, children: [{ text: '' }] });
export const emptyCell = (): TableCellElement => ({ type: 'table-cell', children: [emptyParagraph()] });

/** Expand spans to slots. Ragged rows are padded with empty cells so every row has the same width. */
export function toGrid(table: TableElement): Grid {
  const grid: Grid = [];
  table.children.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.children) {
      while (grid[r][c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs && r + dr < table.children.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0 };
      }
      c += cs;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= { cell: emptyCell(), origin: true };
  return grid;
}

/** Fold slots back into rows; spans are recomputed from the slots each cell owns. */
function fromGrid(table: TableElement, grid: Grid, rowsMeta: Array<Partial<TableRowElement>>): TableElement {
  const extent = new Map<TableCellElement, { r0: number; c0: number; r1: number; c1: number }>();
  grid.forEach((row, r) =>
    row.forEach((slot, c) => {
      const e = extent.get(slot.cell);
      if (!e) extent.set(slot.cell, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      }
    }),
  );
  const placed = new Set<TableCellElement>();
  const rows: TableRowElement[] = grid.map((row, r) => {
    const cells: TableCellElement[] = [];
    row.forEach((slot, c) => {
      const e = extent.get(slot.cell)!;
      if (placed.has(slot.cell) || e.r0 !== r || e.c0 !== c) return;
      placed.add(slot.cell);
      const { rowSpan: _r, colSpan: _c, ...rest } = slot.cell;
      const cell: TableCellElement = { ...rest };
      if (e.r1 - e.r0 > 0) cell.rowSpan = e.r1 - e.r0 + 1;
      if (e.c1 - e.c0 > 0) cell.colSpan = e.c1 - e.c0 + 1;
      cells.push(cell);
    });
    const meta = rowsMeta[r] ?? {};
    const out: TableRowElement = { type: 'table-row', children: cells.length ? cells : [emptyCell()] };
    if (meta.minHeight) out.minHeight = meta.minHeight;
    return out;
  });
  const result: TableElement = { ...table, children: rows };
  result.headerRows = Math.min(table.headerRows, rows.length);
  if (table.colWidths && table.colWidths.length !== (grid[0]?.length ?? 0)) delete result.colWidths;
  return result;
}

const rowMeta = (table: TableElement) => table.children.map((r) => ({ minHeight: r.minHeight }));

/** Grid position (row, column) of the cell at [rowIndex, cellIndex] of the table's children. */
export function cellPosition(table: TableElement, rowIndex: number, cellIndex: number): { row: number; col: number } {
  const target = table.children[rowIndex]?.children[cellIndex];
  const grid = toGrid(table);
  for (let c = 0; c < (grid[rowIndex]?.length ?? 0); c++) if (grid[rowIndex][c].cell === target) return { row: rowIndex, col: c };
  return { row: rowIndex, col: 0 };
}

/** Child path [rowIndex, cellIndex] of the cell owning grid slot (row, col). */
export function cellPath(table: TableElement, row: number, col: number): [number, number] {
  const grid = toGrid(table);
  const cell = grid[row]?.[col]?.cell;
  for (let r = 0; r < table.children.length; r++) {
    const i = table.children[r].children.indexOf(cell!);
    if (i >= 0) return [r, i];
  }
  return [0, 0];
}

export function insertRow(table: TableElement, at: number): TableElement {
  const grid = toGrid(table);
  const width = grid[0].length;
  const newRow: Slot[] = [];
  for (let c = 0; c < width; c++) {
    const above = grid[at - 1]?.[c];
    const below = grid[at]?.[c];
    // Inside a vertical span: the span grows over the new row.
    newRow[c] = above && below && above.cell === below.cell ? { cell: above.cell, origin: false } : { cell: emptyCell(), origin: true };
  }
  grid.splice(at, 0, newRow);
  const meta = rowMeta(table);
  meta.splice(at, 0, { minHeight: undefined });
  const result = fromGrid(table, grid, meta);
  if (at < table.headerRows) result.headerRows = table.headerRows + 1;
  return result;
}

export function removeRow(table: TableElement, at: number): TableElement {
  const grid = toGrid(table);
  if (grid.length <= 1) return table;
  grid.splice(at, 1);
  const meta = rowMeta(table);
  meta.splice(at, 1);
  const result = fromGrid(table, grid, meta);
  if (at < table.headerRows) result.headerRows = table.headerRows - 1;
  return result;
}

export function insertColumn(table: TableElement, at: number): TableElement {
  const grid = toGrid(table);
  for (const row of grid) {
    const left = row[at - 1];
    const right = row[at];
    row.splice(at, 0, left && right && left.cell === right.cell ? { cell: left.cell, origin: false } : { cell: emptyCell(), origin: true });
  }
  const result = fromGrid(table, grid, rowMeta(table));
  if (table.colWidths && table.colWidths.length + 1 === grid[0].length) {
    const widths = [...table.colWidths];
    widths.splice(at, 0, widths[Math.max(0, at - 1)] ?? 1);
    result.colWidths = widths;
  }
  return result;
}

export function removeColumn(table: TableElement, at: number): TableElement {
  const grid = toGrid(table);
  if (grid[0].length <= 1) return table;
  for (const row of grid) row.splice(at, 1);
  const result = fromGrid(table, grid, rowMeta(table));
  if (table.colWidths && table.colWidths.length - 1 === grid[0].length) result.colWidths = table.colWidths.filter((_, i) => i !== at);
  return result;
}

const hasText = (p: ParagraphElement) => p.children.some((l) => l.text !== '');

/** Merge the rectangle spanned by two slots (grown to whole spans); the top-left cell keeps all text. */
export function mergeCells(table: TableElement, a: { row: number; col: number }, b: { row: number; col: number }): TableElement {
  const grid = toGrid(table);
  let r0 = Math.min(a.row, b.row);
  let r1 = Math.max(a.row, b.row);
  let c0 = Math.min(a.col, b.col);
  let c1 = Math.max(a.col, b.col);
  // Grow until no span crosses the rectangle's edge.
  for (let grown = true; grown; ) {
    grown = false;
    for (let r = 0; r < grid.length; r++)
      for (let c = 0; c < grid[r].length; c++) {
        const inside = r >= r0 && r <= r1 && c >= c0 && c <= c1;
        if (!inside) continue;
        const cell = grid[r][c].cell;
        grid.forEach((row, rr) =>
          row.forEach((slot, cc) => {
            if (slot.cell !== cell) return;
            if (rr < r0 || rr > r1 || cc < c0 || cc > c1) grown = true;
            r0 = Math.min(r0, rr);
            r1 = Math.max(r1, rr);
            c0 = Math.min(c0, cc);
            c1 = Math.max(c1, cc);
          }),
        );
      }
  }
  const target = grid[r0][c0].cell;
  const seen = new Set<TableCellElement>([target]);
  const paragraphs = target.children.filter(hasText);
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const cell = grid[r][c].cell;
      if (!seen.has(cell)) {
        seen.add(cell);
        paragraphs.push(...cell.children.filter(hasText));
      }
    }
  const merged: TableCellElement = { ...target, children: paragraphs.length ? paragraphs : [emptyParagraph()] };
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) grid[r][c] = { cell: merged, origin: r === r0 && c === c0 };
  return fromGrid(table, grid, rowMeta(table));
}

/** Undo a merge: the cell keeps its text in its top-left slot; the other slots get empty cells. */
export function splitCell(table: TableElement, at: { row: number; col: number }): TableElement {
  const grid = toGrid(table);
  const cell = grid[at.row]?.[at.col]?.cell;
  if (!cell || ((cell.rowSpan ?? 1) === 1 && (cell.colSpan ?? 1) === 1)) return table;
  let first = true;
  const single: TableCellElement = { ...cell };
  delete single.rowSpan;
  delete single.colSpan;
  for (const row of grid)
    for (let c = 0; c < row.length; c++)
      if (row[c].cell === cell) {
        row[c] = first ? { cell: single, origin: true } : { cell: { ...emptyCell(), ...(cell.align ? { align: cell.align } : {}) }, origin: true };
        first = false;
      }
  return fromGrid(table, grid, rowMeta(table));
}

export function setCellAlign(table: TableElement, at: { row: number; col: number }, align: Align): TableElement {
  const grid = toGrid(table);
  const cell = grid[at.row]?.[at.col]?.cell;
  if (!cell) return table;
  const updated = { ...cell, align };
  for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c].cell === cell) row[c] = { ...row[c], cell: updated };
  return fromGrid(table, grid, rowMeta(table));
}

export function newTable(rows: number, cols: number, headerRows = 1): TableElement {
  return {
    type: 'table',
    headerRows,
    children: Array.from({ length: rows }, () => ({ type: 'table-row' as const, children: Array.from({ length: cols }, emptyCell) })),
  };
}

export function columnCount(table: TableElement): number {
  return toGrid(table)[0]?.length ?? 0;
}

/** A column never gets narrower than this share of the table (percent). */
export const MIN_COLUMN_PERCENT = 3;

/** One click of 列加宽 / 列变窄 moves this share of the table's width (percent). */
export const COLUMN_STEP_PERCENT = 5;

/**
 * Widen (delta > 0) or narrow (delta < 0) one column by `delta` percent of the table width, taking the width
 * from or giving it to the other columns in proportion. `current` is the widths the table is set with now
 * (the model's colWidths, or the automatic ones), so the first manual change starts from what the editor
 * sees. Widths come back in percent.
 */
export function resizeColumn(table: TableElement, col: number, delta: number, current: number[]): TableElement {
  const cols = columnCount(table);
  if (current.length !== cols || col < 0 || col >= cols) return table;
  const total = current.reduce((a, b) => a + b, 0);
  const widths = current.map((w) => (w / total) * 100);
  const target = Math.min(Math.max(widths[col] + delta, MIN_COLUMN_PERCENT), 100 - MIN_COLUMN_PERCENT * (cols - 1));
  const others = 100 - widths[col];
  const scale = others > 0 ? (100 - target) / others : 0;
  const next = widths.map((w, i) => (i === col ? target : Math.max(w * scale, MIN_COLUMN_PERCENT)));
  const sum = next.reduce((a, b) => a + b, 0);
  return { ...table, colWidths: next.map((w) => Math.round((w / sum) * 10000) / 100) };
}
