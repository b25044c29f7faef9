/**
 * Putting the caret somewhere in the open document from outside the editor (a check's finding, the import
 * report, a search hit), including in a document that is still opening.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { Editor, Transforms, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import type { EditorHandle } from '../editor/GazetteEditor';

/** Where to go once `documentId` is open: a block's start, or a range (selected). */
export interface CaretTarget {
  documentId: string;
  /** Resolved when the document is open (its content may change until then). */
  resolve(): { blockIndex: number } | { range: BaseRange } | null;
}

export function useCaretPlacement(editorHandle: RefObject<EditorHandle | null>, currentId: string | undefined, editorKey: number) {
  const pending = useRef<CaretTarget | null>(null);

  /** Put the caret at the start of a block of the open document (or select a range) and scroll it into view. */
  const place = useCallback(
    (where: { blockIndex: number } | { range: BaseRange }, smooth = false): boolean => {
      const editor = editorHandle.current?.editor;
      if (!editor) return false;
      let blockIndex: number;
      if ('range' in where) {
        blockIndex = where.range.anchor.path[0];
        if (!Editor.hasPath(editor, where.range.anchor.path) || !Editor.hasPath(editor, where.range.focus.path)) return false;
        Transforms.select(editor, where.range);
      } else {
        blockIndex = where.blockIndex;
        if (blockIndex < 0 || blockIndex >= editor.children.length) return false;
        Transforms.select(editor, Editor.start(editor, [blockIndex]));
      }
      ReactEditor.focus(editor);
      const scroll = () => {
        try {
          const target = 'range' in where ? ReactEditor.toDOMRange(editor, where.range).startContainer.parentElement : ReactEditor.toDOMNode(editor, editor.children[blockIndex]);
          target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
        } catch {}
      };
      scroll();
      // A document just opened grows when its fonts arrive (the text moves down): scroll again then.
      void document.fonts.ready.then(() => requestAnimationFrame(scroll));
      return true;
    },
    [editorHandle],
  );

  // Once the pending target's document has opened (and its editor mounted), go there.
  useEffect(() => {
    const target = pending.current;
    if (!target || target.documentId !== currentId) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const where = target.resolve();
      if (!where || place(where) || ++tries > 20) {
        if (pending.current === target) pending.current = null;
      } else timer = window.setTimeout(attempt, 100);
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [currentId, editorKey, place]);

  /** Go to `target` now if its document is open, else once `open()` has opened it. */
  const goTo = useCallback(
    (target: CaretTarget, open: () => void, smooth = false) => {
      if (target.documentId === currentId) {
        const where = target.resolve();
        if (where) place(where, smooth);
        pending.current = null;
      } else {
        pending.current = target;
        open();
      }
    },
    [currentId, place],
  );

  return { place, goTo };
}
