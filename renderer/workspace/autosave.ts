/**
 * Autosave: each document's latest content is saved within ~0.6 s of the last change, one save in
 * flight at a time (a newer edit made meanwhile is saved right after). The state shown to the user is
 * 保存中 while anything is unsaved, 已保存 only once the store confirmed the latest content.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentContent } from '../../common/model';
import { api, callOnUnload } from '../api';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed'; reason: string };

export const AUTOSAVE_DELAY_MS = 600;

export function useAutosave(onSaved?: (documentId: string, content: DocumentContent) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef(new Map<string, DocumentContent>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const failed = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      if (pending.current.size) return run();
      return;
    }
    if (!pending.current.size) return;
    const batch = [...pending.current.entries()];
    pending.current.clear();
    inFlight.current = (async () => {
      try {
        for (const [documentId, content] of batch) {
          await api.saveDocument(documentId, content);
          onSavedRef.current?.(documentId, content);
        }
        failed.current = false;
        if (!pending.current.size) setState({ kind: 'saved', at: Date.now() });
      } catch (e) {
        // Keep what failed so the next change or retry saves it again; nothing confirmed is dropped.
        for (const [id, content] of batch) if (!pending.current.has(id)) pending.current.set(id, content);
        failed.current = true;
        setState({ kind: 'failed', reason: (e as Error).message || '未知原因' });
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
    // Edits made while saving are saved next; after a failure wait for the next change instead of looping.
    if (pending.current.size && !failed.current) return run();
  }, []);

  const schedule = useCallback(
    (documentId: string, content: DocumentContent) => {
      pending.current.set(documentId, content);
      // Same object while already saving: no re-render of the workspace per keystroke.
      setState((s) => (s.kind === 'saving' ? s : { kind: 'saving' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void run(), AUTOSAVE_DELAY_MS);
    },
    [run],
  );

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    await run();
  }, [run]);

  useEffect(() => {
    const beforeUnload = () => {
      for (const [documentId, content] of pending.current) callOnUnload('documents.save', { documentId, content });
      pending.current.clear();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      beforeUnload();
    };
  }, []);

  return { state, schedule, flush, hasPending: () => pending.current.size > 0 || !!inFlight.current };
}
