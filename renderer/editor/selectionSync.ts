/**
 * Keep Slate's selection in step with the caret the person sees.
 *
 * Chromium does not always fire `selectionchange` after a native caret move (↑ into an empty block just
 * after Enter, on a busy machine), so Slate's selection can still point at the block below. Slate then
 * reads the next `beforeinput`'s target range as "input aimed somewhere else than the user's selection"
 * (as with autocorrect): it inserts the character where the caret is and puts the selection back on the
 * stale point, so the first character stays and every following one lands on the line below.
 * Reading the DOM selection before Slate handles any input removes the stale point at its root.
 *
 * Slate marks its DOM map "dirty" after every operation, a selection change included, until React has
 * rendered again; while it is, Slate itself neither reads the DOM selection nor the input's target range.
 * So End, Home, Enter typed quickly handled Enter at the end of the line (End had been read, Home not yet:
 * the map was dirty from End's selection): the new line went below, ↑ then went to the start of the
 * line, and the text typed landed there. When no content changed since the last render (only the
 * selection did), the map is still right and the DOM selection can be read.
 */
import { Range, Transforms } from 'slate';
import { IS_NODE_MAP_DIRTY, NODE_TO_ELEMENT, NODE_TO_INDEX } from 'slate-dom';
import { ReactEditor } from 'slate-react';
import type { GazetteEditor } from './types';

/**
 * The blocks are those last rendered: any content change replaces its top-level block (Slate's nodes are
 * immutable) or moves the blocks after it, and a block not yet rendered has no DOM element or index.
 */
export function renderedTreeIsCurrent(editor: GazetteEditor): boolean {
  return editor.children.every((block, i) => NODE_TO_INDEX.get(block) === i && NODE_TO_ELEMENT.has(block));
}

export function syncSelectionFromDom(editor: GazetteEditor): void {
  if (ReactEditor.isComposing(editor)) return;
  if (IS_NODE_MAP_DIRTY.get(editor) && !renderedTreeIsCurrent(editor)) return;
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

/** Content changed and React has not rendered it yet: the DOM still shows the document before the change. */
export function renderPending(editor: GazetteEditor): boolean {
  return IS_NODE_MAP_DIRTY.get(editor) === true && !renderedTreeIsCurrent(editor);
}

type Move = [alter: 'move' | 'extend', direction: 'forward' | 'backward', granularity: 'character' | 'line' | 'lineboundary'];

const CARET_KEYS: Record<string, [Move[1], Move[2]]> = {
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
  ArrowLeft: ['backward', 'character'],
  ArrowRight: ['forward', 'character'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
};

const queued = new WeakMap<GazetteEditor, Promise<void>>();

function rendered(editor: GazetteEditor): Promise<void> {
  return new Promise((resolve) => {
    const check = (frames: number) => (!renderPending(editor) || frames > 30 ? resolve() : requestAnimationFrame(() => check(frames + 1)));
    check(0);
  });
}

/**
 * A caret key pressed while the last edit is not rendered yet (Enter, then ↑ at once on a busy machine)
 * would move the caret in the old DOM, and the render then puts Slate's caret back: the ↑ was lost and
 * the next characters went to the line below. Such a key waits for the render and then moves the caret
 * as the browser would (Selection.modify). Returns true when it took the key.
 */
export function deferCaretKey(editor: GazetteEditor, event: React.KeyboardEvent): boolean {
  const move = CARET_KEYS[event.key];
  if (!move || event.ctrlKey || event.metaKey || event.altKey || !renderPending(editor)) return false;
  event.preventDefault();
  const alter = event.shiftKey ? 'extend' : 'move';
  const previous = queued.get(editor) ?? Promise.resolve();
  queued.set(
    editor,
    previous.then(() => rendered(editor)).then(() => ReactEditor.toDOMNode(editor, editor).ownerDocument.getSelection()?.modify(alter, move[0], move[1])),
  );
  return true;
}
