/**
 * Tables: explicit grid and cell widths in dxa (WPS and LibreOffice need them), header rows repeated
 * (tblHeader), rows kept whole (cantSplit) unless taller than a quarter page (the PDF splits tall rows at the
 * page end; a kept third-of-a-page row left that much white in Word and LibreOffice), and merges written as explicit
 * vMerge restart/continue cells and gridSpan, from the model's HTML-like rowSpan/colSpan.
 */
import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Align, TableCellElement, TableElement } from '../../model';
import { plainText } from '../../model';
import { runsFor } from './runs';
import { STYLE, type FaceNames } from './styles';
import { tableSizeFor } from '../tableSize';
import { leaderLabelEm, leaderListWithoutRowSpans } from '../typeset';

/** Where each model cell sits in the grid, and which grid slots are covered by a merge from above. */
export interface PlacedCell {
  cell: TableCellElement;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableGrid {
  columns: number;
  /** Per row: the cells starting in it, and the continuation slots of vertical merges. */
  rows: Array<Array<{ kind: 'cell'; placed: PlacedCell } | { kind: 'continue'; origin: PlacedCell; col: number }>>;
}

/** Lay the model's cells on a grid the way HTML does: a cell takes the first free slot in its row. */
export function placeTableCells(table: TableElement): TableGrid {
  const occupied: Array<Array<PlacedCell | undefined>> = table.children.map(() => []);
  const placedRows: PlacedCell[][] = table.children.map(() => []);
  let columns = 0;
  table.children.forEach((row, r) => {
    let col = 0;
    for (const cell of row.children) {
      while (occupied[r][col]) col++;
      const rowSpan = Math.min(cell.rowSpan ?? 1, table.children.length - r);
      const colSpan = cell.colSpan ?? 1;
      const placed: PlacedCell = { cell, row: r, col, rowSpan, colSpan };
      placedRows[r].push(placed);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr][col + dc] = placed;
      col += colSpan;
      columns = Math.max(columns, col);
    }
    columns = Math.max(columns, occupied[r].length);
  });
  const rows: TableGrid['rows'] = table.children.map((_, r) => {
    const out: TableGrid['rows'][number] = [];
    let col = 0;
    while (col < columns) {
      const placed = occupied[r][col];
      if (!placed) {
        col++;
        continue;
      }
      if (placed.row === r) out.push({ kind: 'cell', placed });
      else out.push({ kind: 'continue', origin: placed, col });
      col += placed.colSpan;
    }
    return out;
  });
  return { columns, rows };
}

const CHAR = 180; // one 9 pt character in twips
const PADDING = 120; // 3 pt left + right cell padding

/** Text lengths of each paragraph of each single-column cell, by grid slot, for the height estimate. */
function cellTexts(grid: TableGrid): Array<Array<{ col: number; span: number; paragraphs: number[] }>> {
  return grid.rows.map((row) =>
    row.flatMap((slot) =>
      slot.kind === 'cell' && slot.placed.rowSpan === 1
        ? [{ col: slot.placed.col, span: slot.placed.colSpan, paragraphs: slot.placed.cell.children.map((p) => plainText(p).length) }]
        : [],
    ),
  );
}

/** Estimated table height in lines for given column widths: each row is as tall as its tallest cell. */
function tableLines(cells: ReturnType<typeof cellTexts>, widths: number[]): number {
  let lines = 0;
  for (const row of cells) {
    let tallest = 1;
    for (const cell of row) {
      let width = 0;
      for (let c = cell.col; c < cell.col + cell.span; c++) width += widths[c];
      const perLine = Math.max(1, Math.floor((width - PADDING) / CHAR));
      let cellLines = 0;
      for (const length of cell.paragraphs) cellLines += Math.max(1, Math.ceil(length / perLine));
      if (cellLines > tallest) tallest = cellLines;
    }
    lines += tallest;
  }
  return lines;
}

/**
 * Column widths in twips summing to `total`: the model's relative widths when it has them; otherwise start
 * from shares that grow with each column's text and move one character of width at a time to the column
 * that shortens the table most (the job CSS auto layout does for the PDF), keeping every column at least
 * two characters wide.
 */
export function columnWidthsTwips(table: TableElement, grid: TableGrid, total: number): number[] {
  const n = grid.columns;
  const scale = (weights: number[]) => {
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    const widths = weights.map((w) => Math.floor((w / sum) * total));
    widths[widths.indexOf(Math.max(...widths))] += total - widths.reduce((a, b) => a + b, 0);
    return widths;
  };
  if (table.colWidths && table.colWidths.length === n) return scale(table.colWidths);
  const cells = cellTexts(grid);
  const totalText = new Array<number>(n).fill(0);
  const minimum = new Array<number>(n).fill(2 * CHAR + PADDING);
  for (const row of grid.rows) {
    for (const slot of row) {
      if (slot.kind !== 'cell' || slot.placed.colSpan !== 1) continue;
      const text = plainText(slot.placed.cell);
      totalText[slot.placed.col] += text.length;
      // Latin words and numbers do not break: keep room for the longest.
      const word = Math.max(0, ...(text.match(/[\x21-\x7e]+/g) ?? []).map((w) => Math.ceil(w.length / 2)));
      minimum[slot.placed.col] = Math.max(minimum[slot.placed.col], Math.min(word, 8) * CHAR + PADDING);
    }
  }
  let widths = scale(totalText.map((t) => 2 + Math.sqrt(t)));
  widths = widths.map((w, c) => Math.max(w, minimum[c]));
  widths = scale(widths);
  // Rows are sampled on very large tables so the search stays fast.
  const sample = cells.length > 400 ? cells.filter((_, i) => i % Math.ceil(cells.length / 400) === 0) : cells;
  let best = tableLines(sample, widths);
  for (let step = 0; step < 120; step++) {
    let move: { from: number; to: number; lines: number } | undefined;
    for (let to = 0; to < n; to++) {
      for (let from = 0; from < n; from++) {
        if (from === to || widths[from] - CHAR < minimum[from]) continue;
        widths[from] -= CHAR;
        widths[to] += CHAR;
        const lines = tableLines(sample, widths);
        widths[from] += CHAR;
        widths[to] -= CHAR;
        if (lines < (move?.lines ?? best)) move = { from, to, lines };
      }
    }
    if (!move) break;
    widths[move.from] -= CHAR;
    widths[move.to] += CHAR;
    best = move.lines;
  }
  return widths;
}

/** A table is wide (set on a landscape section) when it has more than 8 columns or is marked so. */
export function isWideTable(table: TableElement): boolean {
  if (table.rotate === 'never') return false;
  if (table.rotate === 'always') return true;
  return placeTableCells(table).columns > 8;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Rough row height in twips from the text it holds: 9 pt characters on a 12 pt pitch. */
function estimateRowHeight(slots: TableGrid['rows'][number], widths: number[]): number {
  let lines = 1;
  for (const slot of slots) {
    if (slot.kind !== 'cell') continue;
    const width = widths.slice(slot.placed.col, slot.placed.col + slot.placed.colSpan).reduce((a, b) => a + b, 0) - 120;
    const perLine = Math.max(1, Math.floor(width / 180));
    const cellLines = slot.placed.cell.children
      .map((p) => Math.max(1, Math.ceil(plainText(p).length / perLine)))
      .reduce((a, b) => a + b, 0);
    lines = Math.max(lines, cellLines);
  }
  return lines * 240 + 80;
}

function cellParagraphs(cell: TableCellElement, header: boolean, faces: FaceNames, style: string): Paragraph[] {
  return cell.children.map((p) => {
    const align = cell.align ?? p.align ?? (header ? 'center' : undefined);
    return new Paragraph({
      style,
      alignment: align ? ALIGN[align] : undefined,
      children: runsFor(p.children, faces, header ? { face: 'hei' } : {}),
    });
  });
}

function emptyParagraph(style: string): Paragraph {
  return new Paragraph({ style, children: [] });
}

/**
 * Name and leader lists print without rules in body type (仿宋 五号, journal.css .gz-table--name-list),
 * flush left; a leader list's columns: label 4 em or its longest label, name 4 em, the post the rest (§6).
 */
const isList = (table: TableElement) => table.variant === 'name-list' || table.variant === 'leader-list';

export function tableToDocx(source: TableElement, typeWidth: number, pageHeight: number, faces: FaceNames, compact = false): Table {
  const table = source.variant === 'leader-list' ? leaderListWithoutRowSpans(source) : source;
  const list = isList(table);
  const grid = placeTableCells(table);
  const em = 210;
  const widths =
    table.variant === 'leader-list' && grid.columns === 3
      ? [leaderLabelEm(table) * em, 4 * em, typeWidth - (leaderLabelEm(table) + 4) * em]
      : columnWidthsTwips(table, grid, typeWidth);
  // The same size as the PDF's (twips to pt: / 20); `compact` when the print layout fitted the table.
  const style = list ? STYLE.plain : compact || tableSizeFor(table, typeWidth / 20, pageHeight / 20) === 'compact' ? STYLE.tableTextCompact : STYLE.tableText;
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows = grid.rows.map((slots, r) => {
    const header = r < table.headerRows;
    const model = table.children[r];
    const cells = slots.map((slot) => {
      if (slot.kind === 'continue') {
        return new TableCell({
          children: [emptyParagraph(style)],
          verticalMerge: VerticalMergeType.CONTINUE,
          columnSpan: slot.origin.colSpan > 1 ? slot.origin.colSpan : undefined,
          width: { size: spanWidth(slot.col, slot.origin.colSpan), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
        });
      }
      const { cell, col, colSpan, rowSpan } = slot.placed;
      return new TableCell({
        children: cellParagraphs(cell, header, faces, style),
        verticalMerge: rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
        columnSpan: colSpan > 1 ? colSpan : undefined,
        width: { size: spanWidth(col, colSpan), type: WidthType.DXA },
        verticalAlign:
          cell.valign === 'top' || list ? VerticalAlignTable.TOP : cell.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
        textDirection: cell.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
      });
    });
    const minHeight = model.minHeight ?? (table.variant === 'form' && plainText(model).trim() === '' ? 35 : undefined);
    return new TableRow({
      children: cells,
      tableHeader: header ? true : undefined,
      cantSplit: estimateRowHeight(slots, widths) < pageHeight / 4 ? true : undefined,
      height: minHeight ? { value: Math.round(minHeight * 20), rule: HeightRule.ATLEAST } : undefined,
    });
  });
  return new Table({
    rows,
    style: STYLE.tableGrid,
    width: { size: typeWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Written on the table too: not every reader takes cell margins from the table style.
    margins: list ? { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA } : { top: 40, bottom: 40, left: 60, right: 60, marginUnitType: WidthType.DXA },
    alignment: list ? AlignmentType.LEFT : AlignmentType.CENTER,
    borders: list
      ? TableBorders.NONE
      : {
          top: { style: 'single', size: 6, color: 'auto' },
          bottom: { style: 'single', size: 6, color: 'auto' },
          left: { style: 'single', size: 6, color: 'auto' },
          right: { style: 'single', size: 6, color: 'auto' },
        },
  });
}
