/**
 * A table printed over several pages sometimes reaches the importer as two tables: the second part comes
 * after a blank line, without the header row and often with an extra label column before 序号
 * (全省副中心城市建设 | 11 | …). Such a part is recognised by its numbering, which goes on from the table
 * just above it, and gets that table's header rows (an empty cell over the extra columns), so the print
 * repeats a header wherever the part continues on another page. The header is copied only when the whole
 * part has that table's shape: its 序号 column holds nothing but numbers going on from there (or 合计/小计), so
 * rows of some other table are never set under a header that is not theirs. Pure.
 */
import { plainText, squeezeWhitespace, type TableCellElement, type TableElement, type TableRowElement } from '../model';

const SEQUENCE = /^(\d+)\*?$/;

const cellText = (cell: TableCellElement) => squeezeWhitespace(plainText(cell));

/** Column positions of a row's cells, counting column spans. */
function columnsOf(row: TableRowElement): Array<{ cell: TableCellElement; column: number }> {
  let column = 0;
  return row.children.map((cell) => {
    const at = { cell, column };
    column += cell.colSpan ?? 1;
    return at;
  });
}

/** Grid column of every cell, counting column spans and the row spans of cells above. */
function gridOf(rows: TableRowElement[]): Array<Array<{ cell: TableCellElement; column: number }>> {
  const covered: number[] = []; // covered[c] = rows still covered by a row span from above
  return rows.map((row) => {
    let column = 0;
    const out = row.children.map((cell) => {
      while ((covered[column] ?? 0) > 0) column++;
      const at = { cell, column };
      for (let c = column; c < column + (cell.colSpan ?? 1); c++) covered[c] = (cell.rowSpan ?? 1);
      column += cell.colSpan ?? 1;
      return at;
    });
    for (let c = 0; c < covered.length; c++) if (covered[c] > 0) covered[c]--;
    return out;
  });
}

const TOTAL = /合\s*计|小\s*计|总\s*计/;

/** True when the 序号 column (at `column`) of every row holds only numbers rising from `after` + 1, blanks or totals. */
function numberingGoesOn(rows: TableRowElement[], column: number, after: number): boolean {
  let expected = after;
  for (const row of gridOf(rows)) {
    const at = row.find((c) => c.column === column);
    const text = at ? cellText(at.cell) : '';
    if (text === '' || TOTAL.test(text)) continue;
    const m = SEQUENCE.exec(text);
    if (!m || Number(m[1]) <= expected) return false;
    expected = Number(m[1]);
  }
  return true;
}

const rowWidth = (row: TableRowElement) => row.children.reduce((n, c) => n + (c.colSpan ?? 1), 0);

/** The last number of the 序号 column of `table` and that column's position, if it has one. */
function lastSequence(table: TableElement): { column: number; value: number } | null {
  if (table.headerRows === 0) return null;
  const header = table.children[table.headerRows - 1];
  const column = columnsOf(header).find((c) => cellText(c.cell) === '序号')?.column;
  if (column === undefined) return null;
  let value: number | null = null;
  for (const row of table.children.slice(table.headerRows)) {
    const first = row.children.find((c) => SEQUENCE.test(cellText(c)));
    if (first) value = Number(SEQUENCE.exec(cellText(first))![1]);
  }
  return value === null ? null : { column, value };
}

/**
 * `next` with the header rows of `previous` when `next` has none and its first row's number continues the
 * 序号 of `previous` (10 -> 11) in the same column or further right by extra leading columns; else null.
 */
export function inheritContinuedHeader(previous: TableElement, next: TableElement): TableElement | null {
  if (next.headerRows > 0 || next.children.length === 0) return null;
  const sequence = lastSequence(previous);
  if (!sequence) return null;
  const first = next.children[0];
  const numbered = columnsOf(first).find((c) => SEQUENCE.test(cellText(c.cell)));
  if (!numbered || Number(SEQUENCE.exec(cellText(numbered.cell))![1]) !== sequence.value + 1) return null;
  const extra = numbered.column - sequence.column;
  const headerRows = previous.children.slice(0, previous.headerRows);
  if (extra < 0 || headerRows.some((row) => rowWidth(row) + extra !== rowWidth(first))) return null;
  if (!numberingGoesOn(next.children, numbered.column, sequence.value)) return null;
  const copy = structuredClone(headerRows);
  if (extra > 0) {
    const blank: TableCellElement = { type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '' }] }] };
    if (extra > 1) blank.colSpan = extra;
    if (copy.length > 1) blank.rowSpan = copy.length;
    copy[0].children.unshift(blank);
  }
  return { ...next, headerRows: copy.length, children: [...copy, ...next.children] };
}
