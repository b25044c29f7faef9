/**
 * Merged cells and page cuts, on a DOM without layout (linkedom): a tall merged cell is opened up (its text
 * kept once, in its first row), and rows held together by a merged cell are not cut apart.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';

let doc: Document;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { document, window, Node: window.Node, HTMLElement: window.HTMLElement });
});

function rowsOf(html: string): HTMLTableRowElement[] {
  const div = doc.createElement('div');
  div.innerHTML = `<table><tbody>${html}</tbody></table>`;
  return Array.from(div.querySelectorAll('tr'));
}

const grid = (rows: HTMLTableRowElement[]) => rows.map((r) => Array.from(r.children).map((c) => `${c.textContent || '·'}${c.getAttribute('rowspan') ?? ''}`).join(' '));

it('opens a merged cell: its text stays in its first row, the rows below get empty cells at its columns', async () => {
  const { openMerge, MERGE_OPEN_CLASS, MERGE_REST_CLASS } = await import('./mergedCells');
  const { placeCells } = await import('./tableSlices');
  const rows = rowsOf('<tr><td>甲</td><td rowspan="3" class="gz-lc">长文本</td></tr><tr><td>乙</td></tr><tr><td>丙</td></tr><tr><td>丁</td><td>戊</td></tr>');
  const placed = placeCells(rows);
  openMerge(rows, placed, placed[1]);
  expect(grid(rows)).toEqual(['甲 长文本', '乙 ·', '丙 ·', '丁 戊']);
  // Every row now covers both columns; the text is printed once.
  expect(rows.map((r) => r.children.length)).toEqual([2, 2, 2, 2]);
  expect(rows.map((r) => r.textContent).join('').split('长文本').length - 1).toBe(1);
  // No rule between the parts: the first two carry "open", the last empty cell closes the merge.
  expect(rows.slice(0, 3).map((r) => r.children[1].classList.contains(MERGE_OPEN_CLASS))).toEqual([true, true, false]);
  expect(rows[2].children[1].classList.contains(MERGE_REST_CLASS)).toBe(true);
  expect(rows[1].children[1].classList.contains('gz-lc')).toBe(true);
});

it('puts the empty cells of an opened merge at its column, before the cells to its right', async () => {
  const { openMerge } = await import('./mergedCells');
  const { placeCells } = await import('./tableSlices');
  const rows = rowsOf('<tr><td>a</td><td rowspan="2" colspan="2">长</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>');
  const placed = placeCells(rows);
  openMerge(rows, placed, placed[1]);
  expect(grid(rows)).toEqual(['a 长 b', 'c · d']);
  expect(rows[1].children[1].getAttribute('colspan')).toBe('2');
});

it('does not cut rows held together by a merged cell, unless the group fills the page', async () => {
  const { joinedRows, sliceRows } = await import('./tableSlices');
  const rows = rowsOf('<tr><td>1</td><td>x</td></tr><tr><td rowspan="3">组</td><td>2</td></tr><tr><td>3</td></tr><tr><td>4</td></tr><tr><td>5</td><td>y</td></tr>');
  const joined = joinedRows(rows);
  expect(joined).toEqual([false, false, true, true, false]);
  // 100 px per row, 250 px per page: without the merge the cut is after row 2; with it, the group moves on whole.
  expect(sliceRows([100, 100, 100, 100, 100], 250, 350)).toEqual([[0, 1], [2, 4]]);
  expect(sliceRows([100, 100, 100, 100, 100], 250, 350, joined)).toEqual([[0, 0], [1, 3], [4, 4]]);
  // A group taller than a page is cut where it must.
  expect(sliceRows([100, 100, 100, 100, 100], 250, 250, joined)).toEqual([[0, 0], [1, 2], [3, 4]]);
});
