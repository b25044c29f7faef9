/**
 * Tab and Shift+Tab as in Word. The browser's own Tab moved the focus out of the editor (to the 预览 tab),
 * so what was typed next went nowhere. In a table Tab goes to the next cell and, in the last cell, adds a
 * row (Shift+Tab goes back); in a heading it moves a level down (Shift+Tab up), as Word demotes a list
 * item, and the numbers follow; anywhere else it does nothing.
 */
import { Editor, Range, Transforms } from 'slate';
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
  if (top?.type === 'heading' && Range.isCollapsed(selection)) {
    const level = Math.min(4, Math.max(1, top.level + (back ? -1 : 1))) as HeadingLevel;
    if (level !== top.level) setBlockType(editor, 'heading', { level });
  }
}
