import { describe, expect, it } from 'vitest';
import { normalizeTable, plainText, type TableElement } from '../model';
import { COLUMN_STEP_PERCENT, MIN_COLUMN_PERCENT, insertColumn, insertRow, mergeCells, newTable, removeColumn, removeRow, resizeColumn, splitCell, toGrid } from './table';

function table(rows: string[][], headerRows = 1): TableElement {
  return normalizeTable({
    headerRows,
    children: rows.map((cells) => ({ type: 'table-row', children: cells.map((text) => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] })) })),
  });
}
const texts = (t: TableElement) => t.children.map((r) => r.children.map((c) => plainText(c)));

describe('table editing', () => {
  it('merges a 2x2 block into one cell keeping every text, and splits it back', () => {
    const t = table([['a', 'b', 'c'], ['d', 'e', 'f']]);
    const merged = mergeCells(t, { row: 0, col: 0 }, { row: 1, col: 1 });
    expect(merged.children[0].children[0]).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect(texts(merged)).toEqual([['a\nb\nd\ne', 'c'], ['f']]);
    expect(toGrid(merged).every((row) => row.length === 3)).toBe(true);
    const split = splitCell(merged, { row: 1, col: 1 });
    expect(texts(split)).toEqual([['a\nb\nd\ne', '', 'c'], ['', '', 'f']]);
    expect(split.children[0].children[0].rowSpan).toBeUndefined();
  });

  it('grows a merge to whole spans', () => {
    const t = mergeCells(table([['a', 'b', 'c'], ['d', 'e', 'f']]), { row: 0, col: 1 }, { row: 1, col: 1 });
    const again = mergeCells(t, { row: 0, col: 0 }, { row: 0, col: 1 });
    expect(again.children[0].children[0]).toMatchObject({ rowSpan: 2, colSpan: 2 });
  });

  it('inserts and removes rows and columns across spans', () => {
    const t = mergeCells(table([['a', 'b'], ['c', 'd'], ['e', 'f']]), { row: 0, col: 0 }, { row: 1, col: 0 });
    const withRow = insertRow(t, 1);
    expect(withRow.children).toHaveLength(4);
    expect(withRow.children[0].children[0].rowSpan).toBe(3);
    const withoutRow = removeRow(withRow, 0);
    expect(texts(withoutRow)[0][0]).toBe('a\nc');
    expect(withoutRow.children[0].children[0].rowSpan).toBe(2);
    const withCol = insertColumn(table([['a', 'b']]), 1);
    expect(texts(withCol)).toEqual([['a', '', 'b']]);
    expect(texts(removeColumn(withCol, 0))).toEqual([['', 'b']]);
  });

  it('keeps header rows counted when rows are inserted above', () => {
    expect(insertRow(newTable(3, 2, 1), 0).headerRows).toBe(2);
    expect(removeRow(newTable(3, 2, 2), 0).headerRows).toBe(1);
  });
});

describe('column widths', () => {
  it('widens one column from the widths the table is set with, the others giving way in proportion', () => {
    const t = table([['序号', '名称', '说明']]);
    const wider = resizeColumn(t, 1, COLUMN_STEP_PERCENT, [10, 30, 60]);
    expect(wider.colWidths![1]).toBeCloseTo(30 + COLUMN_STEP_PERCENT, 1);
    expect(wider.colWidths![2] / wider.colWidths![0]).toBeCloseTo(6, 1);
    expect(wider.colWidths!.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    expect(texts(wider)).toEqual(texts(t));
  });

  it('never makes a column narrower than the minimum, and ignores a bad column', () => {
    const t = table([['a', 'b']]);
    let narrow = t;
    for (let i = 0; i < 30; i++) narrow = resizeColumn(narrow, 0, -COLUMN_STEP_PERCENT, narrow.colWidths ?? [50, 50]);
    expect(narrow.colWidths![0]).toBeGreaterThanOrEqual(MIN_COLUMN_PERCENT - 0.01);
    expect(resizeColumn(t, 5, 2, [50, 50])).toBe(t);
  });
});
