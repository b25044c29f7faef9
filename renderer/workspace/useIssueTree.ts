/**
 * The workspace's issue tree: loaded from the store, reloaded when the library changes, with the edits
 * not yet written back (`latest`, per document) kept over what the store returns.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentContent, IssueTree } from '../../common/model';
import { api, onEvent } from '../api';
import { findDocument, withContent } from './issueTree';
import { layoutAhead } from './Preview';
import { sharedPreviewFrame } from './printFrame';

export function useIssueTree(issueId: string, documentId: string | undefined) {
  const [tree, setTree] = useState<IssueTree | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(new Map<string, DocumentContent>());
  const firstLoad = useRef(true);
  const firstDocumentId = useRef(documentId);

  const reload = useCallback(async () => {
    try {
      const fresh = await api.getTree(issueId);
      // The first preview starts laying out in its own process while the editor renders.
      if (firstLoad.current) layoutAhead(fresh, firstDocumentId.current);
      firstLoad.current = false;
      // Keep edits not yet written back into the tree.
      let merged = fresh;
      for (const [id, content] of latest.current) if (findDocument(fresh, id)) merged = withContent(merged, id, content);
      setTree(merged);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [issueId]);

  useEffect(() => {
    // Boot the preview's print frame while the tree loads (it is already up when we come from the library).
    sharedPreviewFrame();
    void reload();
  }, [reload]);

  useEffect(() => onEvent((e) => e.channel === 'library.changed' && void reload()), [reload]);

  /** One document's content into the tree now (and into `latest`, so a reload keeps it). */
  const setContent = useCallback((id: string, content: DocumentContent) => {
    latest.current.set(id, content);
    setTree((tr) => (tr ? withContent(tr, id, content) : tr));
  }, []);

  return { tree, setTree, error, latest, reload, setContent };
}
