/**
 * Keep Slate's selection and the caret the person sees in step, however slow the machine.
 *
 * The caret race (issue #11: Home, Enter, ↑ and typing; the text landed on the line below) came from two
 * clocks. Slate applies an edit to its model at once, but React draws it later (a scheduler task, which a
 * busy main thread delays while keys keep arriving); and a native caret key moves the caret in the DOM at
 * once, but Slate learns of it later (a `selectionchange` task, throttled, sometimes not fired at all).
 * A caret key pressed before the last edit was drawn moved the caret in the old DOM and the draw then put
 * it back; characters typed before Slate read a native move went to the old point. Waiting for the draw
 * and replaying keys afterwards only narrows the window.
 *
 * So nothing waits any more, and every key is handled whole, in the order it came:
 * - Before any key or input is handled, the DOM shows the model: an edit not drawn yet is drawn now
 *   (`flushSync`), a selection Slate moved is put in the DOM. When Slate changed nothing since the last
 *   draw, the DOM is the newer one (a click) and is read into Slate.
 * - ↑ ↓ Home End (with Shift, Ctrl+Home/End) are not left to the browser: the caret is moved in the DOM
 *   with `Selection.modify` (what the browser would do) and read back into Slate in the same keydown, so
 *   Slate never waits for `selectionchange`. ← → are already model moves in Slate.
 * - An input without a keydown (a paste, an IME's commit) whose DOM had to be drawn first goes where
 *   Slate's caret is, not to the target range the browser noted in the old DOM; a composition starts
 *   from a drawn DOM too.
 * While composing nothing is drawn or moved by us.
 */
import { flushSync } from 'react-dom';
import { Editor, Element as SlateElement, Range, Transforms } from 'slate';
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

/** Content changed and React has not rendered it yet: the DOM still shows the document before the change. */
export function renderPending(editor: GazetteEditor): boolean {
  return IS_NODE_MAP_DIRTY.get(editor) === true && !renderedTreeIsCurrent(editor);
}

/**
 * Which side holds the newer selection. Slate marks its DOM map dirty on every operation (a selection
 * change included) until React renders again:
 * - not dirty: Slate changed nothing since the DOM was drawn, so a different DOM selection is newer
 *   (a click, a drag) → read the DOM;
 * - dirty, blocks as drawn: only Slate's selection moved (← →, a toolbar command) → put it in the DOM;
 * - dirty, blocks changed: draw first, then the DOM shows the model.
 */
export type SelectionSource = 'read-dom' | 'show-model' | 'render-first';

export function selectionSource(dirty: boolean, treeCurrent: boolean): SelectionSource {
  if (!dirty) return 'read-dom';
  return treeCurrent ? 'show-model' : 'render-first';
}

function editorSelection(editor: GazetteEditor): Selection | null {
  const root = ReactEditor.toDOMNode(editor, editor);
  const dom = root.ownerDocument.getSelection();
  if (!dom || !dom.anchorNode || !dom.focusNode || root.ownerDocument.activeElement !== root) return null;
  if (!ReactEditor.hasEditableTarget(editor, dom.anchorNode) || !ReactEditor.hasEditableTarget(editor, dom.focusNode)) return null;
  return dom;
}

/** Slate's selection becomes the DOM selection (the DOM must show the current blocks). */
function readDomSelection(editor: GazetteEditor): void {
  try {
    const dom = editorSelection(editor);
    if (!dom) return;
    const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
    if (range && (!editor.selection || !Range.equals(range, editor.selection))) Transforms.select(editor, range);
  } catch {
    // A DOM point Slate cannot map (inside a non-editable label): leave Slate's selection as it is.
  }
}

/** The DOM selection becomes Slate's (the DOM must show the current blocks). True when it was moved. */
function showSelectionInDom(editor: GazetteEditor): boolean {
  const selection = editor.selection;
  if (!selection) return false;
  try {
    const dom = editorSelection(editor);
    if (!dom) return false;
    const shown = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
    if (shown && Range.equals(shown, selection)) return false;
    const range = ReactEditor.toDOMRange(editor, selection);
    if (Range.isBackward(selection)) dom.setBaseAndExtent(range.endContainer, range.endOffset, range.startContainer, range.startOffset);
    else dom.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    return true;
  } catch {
    // A point not drawn (should not happen once rendered): Slate's own layout effect sets it after the next render.
    return false;
  }
}

/** Draw now what Slate changed and React has not drawn yet (Editable re-renders on the editor's onChange). */
function renderNow(editor: GazetteEditor): void {
  flushSync(() => editor.onChange());
}

/**
 * How the sync went: `failed` when the DOM and Slate could not be brought together (the render did not
 * happen), so the caller must not trust the DOM; `redrawn` when the DOM was drawn or its selection moved
 * here, so what the browser noted from the DOM before (an input's target range) is stale; `as-is` else.
 */
export type SyncResult = 'failed' | 'as-is' | 'redrawn';

/** Make the DOM and Slate agree before a key or an input is handled (see the header). */
export function syncBeforeInput(editor: GazetteEditor): SyncResult {
  if (ReactEditor.isComposing(editor)) return 'failed';
  const source = selectionSource(IS_NODE_MAP_DIRTY.get(editor) === true, renderedTreeIsCurrent(editor));
  if (source === 'render-first') {
    // A change made inside onChange (the headings' renumbering) asks for one more render.
    for (let i = 0; i < 3 && renderPending(editor); i++) renderNow(editor);
    if (renderPending(editor)) return 'failed';
    // Slate's layout effect has put its selection in the DOM (or taken a click it had seen).
    showSelectionInDom(editor);
    return 'redrawn';
  }
  if (source === 'read-dom') {
    readDomSelection(editor);
    return 'as-is';
  }
  return showSelectionInDom(editor) ? 'redrawn' : 'as-is';
}

/** For the context menu: the browser has put the caret where the right-click was, so the DOM is newer. */
export function syncSelectionFromDom(editor: GazetteEditor): void {
  if (ReactEditor.isComposing(editor) || renderPending(editor)) return;
  readDomSelection(editor);
}

type Move = [direction: 'forward' | 'backward', granularity: 'line' | 'lineboundary' | 'documentboundary'];

/** The browser's own movement for a caret key, or undefined for keys we leave to Slate or the browser. */
export function caretMoveFor(key: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): Move | undefined {
  if (key.altKey || key.metaKey) return undefined;
  if (key.ctrlKey) return key.key === 'Home' ? ['backward', 'documentboundary'] : key.key === 'End' ? ['forward', 'documentboundary'] : undefined;
  switch (key.key) {
    case 'ArrowUp':
      return ['backward', 'line'];
    case 'ArrowDown':
      return ['forward', 'line'];
    case 'Home':
      return ['backward', 'lineboundary'];
    case 'End':
      return ['forward', 'lineboundary'];
    default:
      return undefined;
  }
}

/** Keep the caret in view after a move we made (the browser does so only for its own key moves). */
function revealCaret(dom: Selection): void {
  if (!dom.rangeCount) return;
  const range = dom.getRangeAt(0);
  let rect = range.getBoundingClientRect();
  const focus = dom.focusNode instanceof Element ? dom.focusNode : dom.focusNode?.parentElement;
  if (!rect.height && focus) rect = focus.getBoundingClientRect(); // a caret in an empty block has no box
  for (let box = focus?.parentElement; box; box = box.parentElement) {
    if (box.scrollHeight <= box.clientHeight || !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) continue;
    const view = box.getBoundingClientRect();
    if (rect.top < view.top) box.scrollTop -= view.top - rect.top;
    else if (rect.bottom > view.bottom) box.scrollTop += rect.bottom - view.bottom;
    return;
  }
}

/**
 * Chrome's ↑ does not leave a block that follows a soft line break at the end of the block before;
 * Slate handles that ↑ itself (a model move, so it does not wait for selectionchange either).
 */
function afterTrailingNewline(editor: GazetteEditor): boolean {
  const focus = editor.selection?.focus;
  if (!focus) return false;
  const block = Editor.above(editor, { at: focus, match: (n) => SlateElement.isElement(n) && Editor.isBlock(editor, n) });
  const before = block && Editor.before(editor, Editor.start(editor, block[1]));
  return !!before && Editor.leaf(editor, before)[0].text.endsWith('\n');
}

/**
 * Every keydown in the editor goes here first. The DOM is made to show the model, and a caret key is
 * carried out at once in both (see the header). Returns true when the key was handled.
 */
export function handleKeyInOrder(editor: GazetteEditor, event: React.KeyboardEvent): boolean {
  if (event.nativeEvent.isComposing) return false;
  const synced = syncBeforeInput(editor) !== 'failed';
  const move = caretMoveFor(event);
  if (!move || !synced || (event.key === 'ArrowUp' && afterTrailingNewline(editor))) return false;
  const dom = editorSelection(editor);
  if (!dom || dom.rangeCount === 0) return false;
  event.preventDefault();
  if (move[1] === 'documentboundary') {
    // Chromium's document boundary stops at a table; the model knows where the document ends.
    const point = move[0] === 'backward' ? Editor.start(editor, []) : Editor.end(editor, []);
    Transforms.select(editor, event.shiftKey && editor.selection ? { anchor: editor.selection.anchor, focus: point } : point);
    renderNow(editor); // draw the caret there now, so it can be scrolled into view
  } else {
    dom.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
    readDomSelection(editor);
  }
  // Tables off screen are laid out with an estimated height (content-visibility): once they are drawn
  // near the caret the page shifts, so look again over the next frames.
  let frames = 0;
  const reveal = () => {
    revealCaret(dom);
    if (++frames < 8) requestAnimationFrame(reveal);
  };
  reveal();
  return true;
}

/**
 * An input without a keydown of its own (paste, drop, an IME's commit, text from another program) also
 * starts from an agreed state. The browser took the input's target range from the DOM before the event:
 * when the DOM had to be drawn or its caret moved here, that range is the old caret (a word typed right
 * after a paste not yet drawn went in before the pasted text), so the input goes where Slate's caret is.
 */
export function handleBeforeInput(editor: GazetteEditor, event: InputEvent): void {
  if (event.isComposing || event.inputType.includes('Composition')) return;
  if (syncBeforeInput(editor) !== 'redrawn') return;
  // Slate reads the target range to place the input: without one it uses its own selection.
  Object.defineProperty(event, 'getTargetRanges', { configurable: true, value: () => [] });
  if (event.inputType === 'insertText' && event.data) {
    // Not left to the browser's own insertion (Slate lets it type a plain letter), which goes to the DOM caret.
    event.preventDefault();
    Editor.insertText(editor, event.data);
  }
}

/** An IME composition starts where Slate's caret is: draw what is pending before the IME takes the DOM. */
export function handleCompositionStart(editor: GazetteEditor): void {
  syncBeforeInput(editor);
}
