/**
 * Two costs per keystroke that grew with the document's size, cut here:
 *
 * - React, before every commit while a contentEditable has the focus, walks the whole editable's DOM to
 *   note the selection as text offsets (getSelectionInformation), so that it could put it back if the commit
 *   moved the focus. In 城市体检 (3,400 DOM nodes) that walk was about a tenth of a keystroke's script time.
 *   Slate keeps and restores the selection itself, so the editor root answers React's `contentEditable`
 *   question with "inherit" (the property only: the attribute, which the browser edits by, stays "true").
 * - Slate's default scroll-into-view measures every scrolling ancestor on each selection change; the caret
 *   is nearly always in view while typing, so one rectangle against the editor's scroll box decides.
 */
import { Range, type BaseEditor } from 'slate';

export function hideFromReactSelectionWalk(root: HTMLElement): void {
  const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
  if (!native?.set || Object.getOwnPropertyDescriptor(root, 'contentEditable')) return;
  Object.defineProperty(root, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => native.set!.call(root, value),
  });
}

/** Scroll the editor's scroll box just enough to show the caret (the selection's focus end). */
export function scrollCaretIntoView(editor: Pick<BaseEditor, 'selection'>, domRange: globalThis.Range): void {
  const scroller = domRange.startContainer.parentElement?.closest('.editor-scroll');
  if (!scroller) return;
  const caret = domRange.cloneRange();
  caret.collapse(!!editor.selection && Range.isBackward(editor.selection));
  let rect = caret.getBoundingClientRect();
  // Chromium gives an empty rectangle at some valid places (an empty line): use the text's element then.
  if (rect.width === 0 && rect.height === 0 && rect.x === 0 && rect.y === 0) rect = caret.startContainer.parentElement?.getBoundingClientRect() ?? rect;
  const view = scroller.getBoundingClientRect();
  const margin = 24;
  if (rect.top < view.top) scroller.scrollTop -= view.top - rect.top + margin;
  else if (rect.bottom > view.bottom) scroller.scrollTop += rect.bottom - view.bottom + margin;
}
