/**
 * Word's table borders for Backspace, Delete and typing over a selection. Slate merges the block at a
 * deletion's end into the block at its start, whatever holds them: Backspace at the start of the line after
 * a table pulled that line into the last cell, Backspace at the start of a cell moved the cell's text out
 * and dropped the cell (the row lost a column), and typing over a selection from a paragraph into a table
 * deleted the cells it touched. Here a deletion never merges across a cell's or a table's border: it
 * empties the text it covers, removes the blocks it covers whole, and keeps every row and cell.
 */
import { Editor, Element, Node, Point, Range, Text, Transforms, type Location, type Path } from 'slate';
import type { BlockElement } from '../../common/model';
import type { GazetteEditor } from './types';

/** The path of the table cell holding `point`, or null outside tables. */
function cellOf(editor: GazetteEditor, point: Point): Path | null {
  const top = editor.children[point.path[0]] as BlockElement | undefined;
  return top?.type === 'table' && point.path.length >= 4 ? point.path.slice(0, 3) : null;
}

/** A range whose ends are not in the same cell while one of them is in a table. */
export function crossesTableBorder(editor: GazetteEditor, range: Range): boolean {
  if (Range.isCollapsed(range)) return false;
  const [start, end] = Range.edges(range);
  const a = cellOf(editor, start);
  const b = cellOf(editor, end);
  if (!a && !b) return false;
  return !a || !b || a.join() !== b.join();
}

function covers(editor: GazetteEditor, start: Point, end: Point, at: Path): boolean {
  return Point.compare(start, Editor.start(editor, at)) <= 0 && Point.compare(end, Editor.end(editor, at)) >= 0;
}

/** Delete what `range` covers without merging blocks: the caret ends where the range started. */
export function deleteAcrossTables(editor: GazetteEditor, range: Range): void {
  const [start, end] = Range.edges(range);
  const first = start.path[0];
  const last = end.path[0];
  const caret = Editor.pointRef(editor, start);
  Editor.withoutNormalizing(editor, () => {
    const textBlocks = Array.from(
      Editor.nodes(editor, { at: range, match: (n, p) => p.length > 0 && Element.isElement(n) && n.children.every((c) => Text.isText(c)) }),
    ).reverse();
    for (const [, path] of textBlocks) {
      const part = Range.intersection(range, Editor.range(editor, path));
      if (part && Range.isExpanded(part)) Transforms.delete(editor, { at: part });
    }
    // Blocks between the ends go whole, and so does a table at an end that the range covers whole.
    for (let i = last; i >= first; i--) {
      const block = editor.children[i] as BlockElement;
      const inside = i > first && i < last;
      if (inside || (block.type === 'table' && covers(editor, start, end, [i]))) Transforms.removeNodes(editor, { at: [i] });
    }
    if (editor.children.length === 0) Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0] });
  });
  const point = caret.unref();
  const index = Math.min(first, editor.children.length - 1);
  Transforms.select(editor, point && Node.has(editor, point.path) ? point : Editor.start(editor, [index]));
}

export function withTableBounds(editor: GazetteEditor): GazetteEditor {
  const { delete: deleteDefault, deleteBackward, deleteForward } = editor;

  editor.delete = (options) => {
    const at: Location | null | undefined = options?.at ?? editor.selection;
    if (at && Range.isRange(at) && crossesTableBorder(editor, at) && !options?.unit) return deleteAcrossTables(editor, at);
    deleteDefault(options);
  };

  editor.deleteBackward = (unit) => {
    const selection = editor.selection;
    if (!selection || !Range.isCollapsed(selection)) return deleteBackward(unit);
    const point = selection.anchor;
    const cell = cellOf(editor, point);
    // At the start of a cell: nothing to join with (Word does nothing either).
    if (cell) return Editor.isStart(editor, point, cell) ? undefined : deleteBackward(unit);
    const index = point.path[0];
    const before = editor.children[index - 1] as BlockElement | undefined;
    if (before?.type !== 'table' || !Editor.isStart(editor, point, [index])) return deleteBackward(unit);
    // After a table: an empty line goes, a line with text stays; the caret moves into the table's end.
    if (Node.string(editor.children[index]) === '' && (editor.children[index] as BlockElement).type === 'paragraph') Transforms.removeNodes(editor, { at: [index] });
    Transforms.select(editor, Editor.end(editor, [index - 1]));
  };

  editor.deleteForward = (unit) => {
    const selection = editor.selection;
    if (!selection || !Range.isCollapsed(selection)) return deleteForward(unit);
    const point = selection.anchor;
    const cell = cellOf(editor, point);
    if (cell) return Editor.isEnd(editor, point, cell) ? undefined : deleteForward(unit);
    const index = point.path[0];
    const after = editor.children[index + 1] as BlockElement | undefined;
    if (after?.type !== 'table' || !Editor.isEnd(editor, point, [index])) return deleteForward(unit);
    // Before a table: an empty line goes (the caret to the table's start), a line with text is kept whole.
    if (Node.string(editor.children[index]) === '') {
      Transforms.removeNodes(editor, { at: [index] });
      Transforms.select(editor, Editor.start(editor, [index]));
    }
  };

  return editor;
}
