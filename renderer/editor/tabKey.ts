/**
 * Tab and Shift+Tab as in Word. The browser's own Tab moved the focus out of the editor (to the 预览 tab),
 * so what was typed next went nowhere. In a table Tab goes to the next cell and, in the last cell, adds a
 * row (Shift+Tab goes back); in a heading with the caret at its start (or just after its number) or the
 * whole heading selected it moves a level down (Shift+Tab up), as Word demotes an outline-numbered heading,
 * and the numbers follow; anywhere else (in a heading's words too, as in Word) it does what it does in body
 * text: nothing.
 */
import { Editor, Range, Transforms } from 'slate';
import { atHeadingStart } from '../../common/editor/numbering';
import type { BlockElement, HeadingLevel } from '../../common/model';
import { setBlockType } from './commands';
import { runTableCommand } from './tableCommands';
import type { GazetteEditor } from './types';

/** Act on Tab (Shift+Tab when `back`); the caller always keeps the browser's Tab from running. */
export function pressTab(editor: GazetteEditor, back: boolean): void {
  const selection = editor.selection;
  if (!selection) return;
  const path = selection.anchor.path;
  const top = editor.children[path[0]] as BlockElement;
  if (top?.type === 'table') {
    if (!Range.isCollapsed(selection) || path.length < 4) return;
    const cell = path.slice(0, 3);
    const point = back ? Editor.before(editor, Editor.start(editor, cell)) : Editor.after(editor, Editor.end(editor, cell));
    if (point && point.path[0] === path[0]) return Transforms.select(editor, point);
    if (back) return;
    // Tab in the last cell: a new row, the caret in its first cell.
    runTableCommand(editor, 'row-below');
    const table = editor.children[path[0]] as BlockElement;
    if (table.type === 'table') Transforms.select(editor, Editor.start(editor, [path[0], table.children.length - 1, 0]));
    return;
  }
  if (top?.type === 'heading' && atHeadingSelection(editor, selection, path[0])) {
    const level = Math.min(4, Math.max(1, top.level + (back ? -1 : 1))) as HeadingLevel;
    if (level !== top.level) setBlockType(editor, 'heading', { level });
  }
}

/**
 * The caret at the start of heading `index`'s words, or a selection from there to the heading's end (a
 * triple click's selection that hangs to the start of the next line counts: it is unhung first).
 */
function atHeadingSelection(editor: GazetteEditor, selection: Range, index: number): boolean {
  const [start, end] = Range.edges(Editor.unhangRange(editor, selection));
  if (start.path[0] !== index || end.path[0] !== index) return false;
  const block = [index];
  const before = Editor.string(editor, { anchor: Editor.start(editor, block), focus: start });
  if (!atHeadingStart(Editor.string(editor, block), before)) return false;
  return Range.isCollapsed(selection) || Editor.string(editor, { anchor: end, focus: Editor.end(editor, block) }) === '';
}
