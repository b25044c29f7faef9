/**
 * Merged cells too tall to move whole. A cell spanning rows keeps its rows together (splitRow does not cut
 * it) and is repeated in full on the next page when the rows are cut between pages (tableSlices), which
 * is right for a short label (风险线索) but not for a long text: its rows could not be split, so the group
 * overflowed the page (clipped on rotated pages, "Layout repeated" in Paged.js), and its copy printed the
 * text twice. Such a cell is opened up: its text stays in its first row (a plain cell that splitRow can
 * cut at a page end), and the rows below get empty cells at its columns, drawn without the rules between
 * them, so on paper it still reads as one merged cell whose text is printed once.
 */
import { placeCells, span } from './tableSlices';

/** A cell under an opened merged cell (empty; no rule above it). */
export const MERGE_REST_CLASS = 'gz-merge-rest';
/** A cell with a merge continuation below it (no rule below it). */
export const MERGE_OPEN_CLASS = 'gz-merge-open';

/**
 * Open every merged cell of `rows` (one table body's rows, in the measuring box) whose text is taller than
 * `maxText` px and whose rows are taller than `maxGroup` px together. Returns the cells opened.
 */
export function openTallMerges(rows: HTMLTableRowElement[], maxText: number, maxGroup: number, textHeight: (cell: HTMLTableCellElement) => number): number {
  let opened = 0;
  for (let pass = 0; pass < 50; pass++) {
    const placed = placeCells(rows);
    const tall = placed.find((p) => {
      const rs = span(p.cell, 'rowspan');
      if (rs < 2 || p.row + rs > rows.length) return false;
      const group = rows.slice(p.row, p.row + rs).reduce((s, r) => s + r.getBoundingClientRect().height, 0);
      return group > maxGroup && textHeight(p.cell) > maxText;
    });
    if (!tall) return opened;
    openMerge(rows, placed, tall);
    opened++;
  }
  return opened;
}

/** Give a merged cell a row of its own: empty cells below it at its columns. */
export function openMerge(rows: HTMLTableRowElement[], placed: ReturnType<typeof placeCells>, target: ReturnType<typeof placeCells>[number]): void {
  const rs = span(target.cell, 'rowspan');
  const cs = span(target.cell, 'colspan');
  target.cell.removeAttribute('rowspan');
  target.cell.classList.add(MERGE_OPEN_CLASS);
  for (let r = target.row + 1; r < target.row + rs; r++) {
    const rest = rows[r].ownerDocument.createElement(target.cell.tagName.toLowerCase()) as HTMLTableCellElement;
    rest.className = `${Array.from(target.cell.classList).filter((c) => c.startsWith('gz-lc')).join(' ')} ${MERGE_REST_CLASS}`.trim();
    if (r < target.row + rs - 1) rest.classList.add(MERGE_OPEN_CLASS);
    if (cs > 1) rest.setAttribute('colspan', String(cs));
    // Before the first cell of that row placed right of the merged cell's columns.
    const after = placed.find((p) => p.row === r && p.col > target.col);
    rows[r].insertBefore(rest, after ? after.cell : null);
  }
}
