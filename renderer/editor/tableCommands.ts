/** Table commands: compute the new table with common/editor/table and swap it in as one undo step. */
import { Editor, Transforms } from 'slate';
import type { Align, TableElement } from '../../common/model';
import * as ops from '../../common/editor/table';
import { columnPercents, rotationFor } from '../../common/render/toHtml';
import { insertBlockAfter, tableSelection } from './commands';
import type { GazetteEditor } from './types';

function swapTable(editor: GazetteEditor, index: number, table: TableElement, focus?: { row: number; col: number }): void {
  const selection = editor.selection;
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at: [index] });
    Transforms.insertNodes(editor, table, { at: [index], select: false });
  });
  if (focus) {
    const [r, c] = ops.cellPath(table, Math.min(focus.row, table.children.length - 1), focus.col);
    Transforms.select(editor, Editor.start(editor, [index, r, c]));
  } else if (selection) {
    try {
      Transforms.select(editor, Editor.start(editor, [index, 0, 0]));
    } catch {}
  }
}

export type TableCommand =
  | 'row-above'
  | 'row-below'
  | 'col-left'
  | 'col-right'
  | 'remove-row'
  | 'remove-col'
  | 'merge-right'
  | 'merge-down'
  | 'merge-selection'
  | 'split'
  | 'header-more'
  | 'header-less'
  | 'remove-table'
  | `size-${TableSizeChoice}`
  | 'col-wider'
  | 'col-narrower'
  | 'col-auto'
  | `align-${Align}`;

/** The table's type size: automatic (六号 for very long tables), 小五 or 六号 (common/render/tableSize.ts). */
export type TableSizeChoice = 'auto' | 'normal' | 'compact';

/** The widths (percent) the table is set with now: its own, else the automatic ones the print page uses. */
function currentWidths(table: TableElement): number[] {
  const cols = ops.columnCount(table);
  return table.colWidths ?? columnPercents(table, rotationFor(table) === 'yes') ?? Array.from({ length: cols }, () => 100 / cols);
}

export function inTable(editor: GazetteEditor): boolean {
  return !!tableSelection(editor);
}

export function runTableCommand(editor: GazetteEditor, command: TableCommand): void {
  const sel = tableSelection(editor);
  if (!sel) return;
  const { index, table } = sel;
  const at = ops.cellPosition(table, sel.row, sel.cell);
  const to = ops.cellPosition(table, sel.focusRow, sel.focusCell);
  const cell = table.children[sel.row].children[sel.cell];
  const width = ops.columnCount(table);
  switch (command) {
    case 'row-above':
      return swapTable(editor, index, ops.insertRow(table, at.row), at);
    case 'row-below':
      return swapTable(editor, index, ops.insertRow(table, at.row + (cell.rowSpan ?? 1)), { row: at.row + (cell.rowSpan ?? 1), col: at.col });
    case 'col-left':
      return swapTable(editor, index, ops.insertColumn(table, at.col), at);
    case 'col-right':
      return swapTable(editor, index, ops.insertColumn(table, at.col + (cell.colSpan ?? 1)), { row: at.row, col: at.col + (cell.colSpan ?? 1) });
    case 'remove-row':
      if (table.children.length <= 1) return removeTable(editor, index);
      return swapTable(editor, index, ops.removeRow(table, at.row), { row: Math.max(0, at.row - 1), col: at.col });
    case 'remove-col':
      if (width <= 1) return removeTable(editor, index);
      return swapTable(editor, index, ops.removeColumn(table, at.col), { row: at.row, col: Math.max(0, at.col - 1) });
    case 'merge-right':
      if (at.col + (cell.colSpan ?? 1) >= width) return;
      return swapTable(editor, index, ops.mergeCells(table, at, { row: at.row, col: at.col + (cell.colSpan ?? 1) }), at);
    case 'merge-down':
      if (at.row + (cell.rowSpan ?? 1) >= table.children.length) return;
      return swapTable(editor, index, ops.mergeCells(table, at, { row: at.row + (cell.rowSpan ?? 1), col: at.col }), at);
    case 'merge-selection':
      return swapTable(editor, index, ops.mergeCells(table, at, to), { row: Math.min(at.row, to.row), col: Math.min(at.col, to.col) });
    case 'split':
      return swapTable(editor, index, ops.splitCell(table, at), at);
    case 'header-more':
      return swapTable(editor, index, { ...table, headerRows: Math.min(table.children.length, table.headerRows + 1) }, at);
    case 'header-less':
      return swapTable(editor, index, { ...table, headerRows: Math.max(0, table.headerRows - 1) }, at);
    case 'remove-table':
      return removeTable(editor, index);
    case 'col-wider':
    case 'col-narrower':
      return swapTable(editor, index, ops.resizeColumn(table, at.col, (command === 'col-wider' ? 1 : -1) * ops.COLUMN_STEP_PERCENT, currentWidths(table)), at);
    case 'col-auto': {
      const { colWidths: _widths, ...rest } = table;
      return swapTable(editor, index, rest, at);
    }
    case 'size-auto': {
      const { size: _size, ...rest } = table;
      return swapTable(editor, index, rest, at);
    }
    case 'size-normal':
    case 'size-compact':
      return swapTable(editor, index, { ...table, size: command === 'size-normal' ? 'normal' : 'compact' }, at);
    case 'align-left':
    case 'align-center':
    case 'align-right':
    case 'align-justify': {
      const align = command.slice('align-'.length) as Align;
      return swapTable(editor, index, ops.setCellAlign(table, at, align), at);
    }
  }
}

function removeTable(editor: GazetteEditor, index: number): void {
  Transforms.removeNodes(editor, { at: [index] });
  if (editor.children.length === 0) Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0] });
}

export function insertTable(editor: GazetteEditor, rows = 3, cols = 3): void {
  insertBlockAfter(editor, ops.newTable(rows, cols, 1));
}
