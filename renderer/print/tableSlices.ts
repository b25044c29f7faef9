/**
 * Cutting a table's body rows into page-sized slices, keeping row and column spans valid: a cell whose
 * rowspan crosses a cut is shortened, and the next slice gets a copy of it (marked `gz-repeat`, so the
 * integrity check does not count its text twice) with the remaining span, at the same grid column.
 */
import { REPEAT_CLASS } from './tableHeaders';

interface Placed {
  cell: HTMLTableCellElement;
  row: number;
  col: number;
}

/** A span attribute as a number >= 1 (attributes, so this also works on DOMs without table APIs). */
export function span(cell: Element, name: 'rowspan' | 'colspan'): number {
  return Math.max(Number(cell.getAttribute(name)) || 1, 1);
}

function setRowSpan(cell: Element, n: number): void {
  if (n > 1) cell.setAttribute('rowspan', String(n));
  else cell.removeAttribute('rowspan');
}

/** Grid position of every cell (row index, first column), honouring row and column spans. */
export function placeCells(rows: HTMLTableRowElement[]): Placed[] {
  const taken: boolean[][] = [];
  const placed: Placed[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH') as HTMLTableCellElement[]) {
      while (taken[r]?.[col]) col++;
      placed.push({ cell, row: r, col });
      const rs = span(cell, 'rowspan');
      const cs = span(cell, 'colspan');
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (taken[r + i] ??= [])[col + j] = true;
      col += cs;
    }
  });
  return placed;
}

/**
 * Greedy cut of row heights into slices: the first slice has `first` free, later ones `rest`. A row marked
 * in `joined` (held to the row above by a merged cell) is not cut from it: the cut moves up to where its
 * group starts, unless the group began the slice (a group taller than a page is cut where it must).
 */
export function sliceRows(heights: number[], first: number, rest: number, joined: boolean[] = []): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  let start = 0;
  let used = 0;
  let limit = first;
  for (let i = 0; i < heights.length; i++) {
    if (i > start && used + heights[i] > limit) {
      let cut = i;
      while (cut > start && joined[cut]) cut--;
      if (cut === start) cut = i;
      slices.push([start, cut - 1]);
      start = cut;
      used = heights.slice(cut, i).reduce((s, h) => s + h, 0);
      limit = rest;
    }
    used += heights[i];
  }
  if (heights.length) slices.push([start, heights.length - 1]);
  return slices;
}

/**
 * For each row, whether a merged cell from a row above reaches it and must not be cut there: a cut repeats
 * the merged cell in the rows after it, and `tooBig(cell, row)` says whether that copy would not fit in
 * its rows from `row` on (then the page would be taller than measured). Without `tooBig`, no cut at all.
 */
export function joinedRows(rows: HTMLTableRowElement[], tooBig: (cell: HTMLTableCellElement, row: number) => boolean = () => true): boolean[] {
  const joined = rows.map(() => false);
  for (const p of placeCells(rows)) {
    for (let r = p.row + 1; r < Math.min(rows.length, p.row + span(p.cell, 'rowspan')); r++) if (!joined[r] && tooBig(p.cell, r)) joined[r] = true;
  }
  return joined;
}

/** Build the body rows of each slice (clones), with spans fixed at the cuts. */
export function slicedBodies(rows: HTMLTableRowElement[], slices: Array<[number, number]>): HTMLTableSectionElement[] {
  const placed = placeCells(rows);
  return slices.map(([a, b]) => {
    const tbody = document.createElement('tbody');
    const clones = rows.slice(a, b + 1).map((row) => {
      const copy = row.cloneNode(false) as HTMLTableRowElement;
      return copy;
    });
    // Cells in their own rows, spans cut at the slice end.
    const perRow: Array<Array<{ col: number; el: HTMLTableCellElement }>> = clones.map(() => []);
    for (const p of placed) {
      const end = p.row + span(p.cell, 'rowspan') - 1;
      if (p.row >= a && p.row <= b) {
        const el = p.cell.cloneNode(true) as HTMLTableCellElement;
        if (end > b) setRowSpan(el, b - p.row + 1);
        perRow[p.row - a].push({ col: p.col, el });
      } else if (p.row < a && end >= a) {
        // Continued from an earlier slice.
        const el = p.cell.cloneNode(true) as HTMLTableCellElement;
        el.classList.add(REPEAT_CLASS);
        el.removeAttribute('id');
        setRowSpan(el, Math.min(end, b) - a + 1);
        perRow[0].push({ col: p.col, el });
      }
    }
    perRow.forEach((cells, i) => {
      cells.sort((x, y) => x.col - y.col).forEach((c) => clones[i].appendChild(c.el));
      tbody.appendChild(clones[i]);
    });
    return tbody;
  });
}
