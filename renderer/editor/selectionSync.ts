/**
 * Keep Slate's selection in step with the caret the person sees.
 *
 * Chromium does not always fire `selectionchange` after a native caret move (↑ into an empty block just
 * after Enter, on a busy machine), so Slate's selection can still point at the block below. Slate then
 * reads the next `beforeinput`'s target range as "input aimed somewhere else than the user's selection"
 * (as with autocorrect): it inserts the character where the caret is and puts the selection back on the
 * stale point, so the first character stays and every following one lands on the line below.
 * Reading the DOM selection before Slate handles any input removes the stale point at its root.
 */
import { Range, Transforms } from 'slate';
import { IS_NODE_MAP_DIRTY } from 'slate-dom';
import { ReactEditor } from 'slate-react';
import type { GazetteEditor } from './types';

export function syncSelectionFromDom(editor: GazetteEditor): void {
  if (ReactEditor.isComposing(editor) || IS_NODE_MAP_DIRTY.get(editor)) return;
  try {
    const root = ReactEditor.toDOMNode(editor, editor);
    const dom = root.ownerDocument.getSelection();
    if (!dom || !dom.anchorNode || !dom.focusNode || root.ownerDocument.activeElement !== root) return;
    if (!ReactEditor.hasEditableTarget(editor, dom.anchorNode) || !ReactEditor.hasEditableTarget(editor, dom.focusNode)) return;
    const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
    if (range && (!editor.selection || !Range.equals(range, editor.selection))) Transforms.select(editor, range);
  } catch {
    // A DOM point Slate cannot map (inside a non-editable label): leave Slate's selection as it is.
  }
}
