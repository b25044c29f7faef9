import { useEffect, useState } from 'react';
import { contentPlainText, type DocumentContent } from '../../common/model';
import { api, type RevisionSummary } from '../api';
import { t } from '../i18n';
import { showToast } from '../ui';

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

/** Revisions of the current document: preview one, restore it (the current content stays in history). */
export function HistoryPanel(props: { documentId: string; refreshKey: number; onRestore: (content: DocumentContent) => void }) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [preview, setPreview] = useState<{ id: number; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listRevisions(props.documentId)
      .then((r) => live && setRevisions(r))
      .catch(() => live && setRevisions([]));
    return () => {
      live = false;
    };
  }, [props.documentId, props.refreshKey]);

  // A revision that cannot be read or restored (deleted meanwhile, library read-only) is said in a toast.
  const showRevision = async (id: number) => {
    try {
      const rev = await api.getRevision(id);
      setPreview({ id, text: contentPlainText(rev.content) });
    } catch (e) {
      showToast(t.common.error((e as Error).message), 'error');
    }
  };
  const restoreRevision = async (id: number) => {
    if (!confirm(t.history.confirmRestore)) return;
    try {
      const doc = await api.restoreRevision(id);
      props.onRestore(doc.content);
    } catch (e) {
      showToast(t.common.error((e as Error).message), 'error');
    }
  };

  return (
    <div className="history-panel" data-testid="history-panel">
      {revisions === null ? <div className="muted">{t.common.loading}</div> : revisions.length === 0 ? <div className="muted">{t.history.empty}</div> : null}
      <ul>
        {revisions?.map((r) => (
          <li key={r.id} className={preview?.id === r.id ? 'current' : ''}>
            <div className="rev-time">{time(r.createdAt)}</div>
            <div className="rev-meta">
              {r.title || t.workspace.untitled} · {r.chars} 字
            </div>
            <div className="rev-actions">
              <button
                type="button"
                className="link"
                onClick={() => void showRevision(r.id)}
              >
                {t.history.preview}
              </button>
              <button
                type="button"
                className="link"
                onClick={() => void restoreRevision(r.id)}
              >
                {t.history.restore}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {preview ? (
        <div className="rev-preview">
          <div className="rev-preview-head">
            <span>{t.history.preview}</span>
            <button type="button" className="icon-btn" onClick={() => setPreview(null)}>
              ×
            </button>
          </div>
          <pre>{preview.text}</pre>
        </div>
      ) : null}
    </div>
  );
}
