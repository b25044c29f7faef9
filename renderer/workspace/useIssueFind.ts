/**
 * Issue-wide 查找替换 for the workspace. The open document is changed through its editor (so Ctrl+Z
 * undoes a replacement there, and the edit is saved like typing); other documents get the pure replacement
 * and go through the same autosave. Each replacement first keeps the document's content before it, so
 * the panel can undo it per document.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { Editor, Transforms, type BaseRange } from 'slate';
import { findInIssue, replaceInContent, type TextHit } from '../../common/editor/findReplace';
import type { DocumentContent, IssueTree } from '../../common/model';
import type { EditorHandle } from '../editor/GazetteEditor';
import { setBlocks } from '../editor/commands';
import { replaceAll as replaceAllInEditor } from '../editor/find';
import { t } from '../i18n';
import { showToast } from '../ui';
import type { FindActions } from './FindPanel';
import { findDocument } from './issueTree';

export const hitRange = (hit: TextHit, query: string): BaseRange => ({ anchor: { path: hit.path, offset: hit.offset }, focus: { path: hit.path, offset: hit.offset + query.length } });

export function useIssueFind(opts: {
  tree: IssueTree | null;
  latest: RefObject<Map<string, DocumentContent>>;
  currentId: string | undefined;
  editorHandle: RefObject<EditorHandle | null>;
  /** Put a document's new content in the tree and save it (the autosave path). */
  saveContent: (documentId: string, content: DocumentContent) => void;
  /** Open a document and select a range in it. */
  show: (documentId: string, range: BaseRange) => void;
}) {
  const [query, setQuery] = useState('');
  /** Bumped after a replacement: the list of hits is read again. */
  const [, setTick] = useState(0);
  const [undoable, setUndoable] = useState<ReadonlySet<string>>(new Set());
  const before = useRef(new Map<string, DocumentContent[]>());
  const o = useRef(opts);
  o.current = opts;

  const contentOf = useCallback((id: string) => {
    const { tree, latest } = o.current;
    return latest.current.get(id) ?? (tree ? findDocument(tree, id)?.content : undefined);
  }, []);

  const remember = (id: string) => {
    const content = contentOf(id);
    if (!content) return;
    before.current.set(id, [...(before.current.get(id) ?? []), content]);
    setUndoable(new Set(before.current.keys()));
  };

  /** Replace in one document (one hit or all); returns how many were replaced. */
  const replaceIn = (id: string, q: string, replacement: string, only?: TextHit): number => {
    const editor = id === o.current.currentId ? o.current.editorHandle.current?.editor : undefined;
    if (editor) {
      if (only) {
        const range = hitRange(only, q);
        if (!Editor.hasPath(editor, only.path) || Editor.string(editor, range) !== q) return 0;
        remember(id);
        Transforms.insertText(editor, replacement, { at: range });
        return 1;
      }
      remember(id);
      return replaceAllInEditor(editor, q, replacement);
    }
    const content = contentOf(id);
    if (!content) return 0;
    const result = replaceInContent(content, q, replacement, only);
    if (!result.count) return 0;
    remember(id);
    o.current.saveContent(id, result.content);
    return result.count;
  };

  const actions: FindActions = {
    find: (q) => (opts.tree ? findInIssue(opts.tree, q, (id) => opts.latest.current.get(id)) : []),
    open: (documentId, hit, q) => o.current.show(documentId, hitRange(hit, q)),
    replaceOne: (documentId, hit, q, replacement) => {
      replaceIn(documentId, q, replacement, hit);
      setTick((n) => n + 1);
    },
    replaceAll: (q, replacement) => {
      const { tree } = o.current;
      if (!tree) return;
      let hits = 0;
      let docs = 0;
      for (const doc of findInIssue(tree, q, (id) => o.current.latest.current.get(id))) {
        const n = replaceIn(doc.documentId, q, replacement);
        hits += n;
        if (n) docs++;
      }
      setTick((n) => n + 1);
      showToast(t.issueFind.replaced(hits, docs));
    },
    undoable,
    undo: (documentId) => {
      const stack = before.current.get(documentId);
      const content = stack?.pop();
      if (!stack || !content) return;
      if (!stack.length) before.current.delete(documentId);
      setUndoable(new Set(before.current.keys()));
      // The open document is put back through its editor (saved like typing, its Ctrl+Z history kept).
      const editor = documentId === o.current.currentId ? o.current.editorHandle.current?.editor : undefined;
      if (editor) setBlocks(editor, content.blocks);
      else o.current.saveContent(documentId, content);
      showToast(t.issueFind.undone(actions.titleOf(documentId)));
    },
    titleOf: (documentId) => {
      const doc = o.current.tree ? findDocument(o.current.tree, documentId) : undefined;
      return doc?.tocTitleOverride || doc?.title || t.workspace.untitled;
    },
  };

  return { query, setQuery, actions };
}
