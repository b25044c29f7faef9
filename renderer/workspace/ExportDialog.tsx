/**
 * Export progress: a bar naming the stage (排版 n/N 页, 生成 PDF), then the file: in Electron where the user
 * saved it (chosen in main's save dialog) with a way to its folder; in the browser a download link (the file
 * is in exports/ beside the library, under a name that never replaces an earlier export).
 */
import { useEffect, useState } from 'react';
import { api, isDesktop, onEvent } from '../api';
import { downloadLink, type DownloadLink } from '../download';
import { t } from '../i18n';

export interface ExportProgress {
  stage: 'layout' | 'pdf' | 'docx' | 'done';
  done?: number;
  total?: number;
}

const storageKey = (issueId: string, kind: string) => `gazette:last-export:${issueId}:${kind}`;
function lastExportPath(issueId: string, kind: string): string | null {
  try {
    return localStorage.getItem(storageKey(issueId, kind));
  } catch {
    return null;
  }
}
function rememberExportPath(issueId: string, kind: string, path: string): void {
  try {
    localStorage.setItem(storageKey(issueId, kind), path);
  } catch {}
}

/** `documentId` (DOCX only): export that document alone. */
export function ExportDialog(props: { issueId: string; kind: 'pdf' | 'docx' | 'web'; documentId?: string; onClose: () => void }) {
  // Where an export of the same thing went last time (one document's DOCX is remembered apart from the issue's).
  const rememberAs = props.documentId ? `${props.issueId}/${props.documentId}` : props.issueId;
  const [progress, setProgress] = useState<ExportProgress>({ stage: props.kind === 'pdf' ? 'layout' : props.kind === 'web' ? 'pdf' : 'docx' });
  const [result, setResult] = useState<{ path: string; exportId: string; fileName: string; warnings: string[] } | null>(null);
  // The web edition is a folder in exports/ (or where the host put it): its path and document count.
  const [published, setPublished] = useState<{ path: string; documents: number } | null>(null);
  const [link, setLink] = useState<DownloadLink | null>(null);
  // Never overwrite silently: say where the earlier export of this kind went (kept), or that it was replaced.
  const [previous] = useState(() => lastExportPath(rememberAs, props.kind));
  const [error, setError] = useState('');
  const onClose = props.onClose;

  useEffect(() => {
    const off = onEvent((event) => {
      if (event.channel !== 'export.progress') return;
      const p = event.payload as ExportProgress & { issueId?: string };
      if (!p.issueId || p.issueId === props.issueId) setProgress(p);
    });
    if (props.kind === 'web') {
      api.publishWeb(props.issueId).then(setPublished).catch((e: Error) => setError(e.message));
      return () => off();
    }
    const run = props.kind === 'pdf' ? api.exportPdf(props.issueId) : api.exportDocx(props.issueId, props.documentId);
    run
      .then((r) => {
        // The save dialog was closed: nothing written, nothing to show.
        if (r.canceled) return onClose();
        rememberExportPath(rememberAs, props.kind, r.path);
        setResult(r);
        if (!isDesktop()) return downloadLink(r.exportId).then(setLink);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      off();
    };
  }, [props.issueId, props.kind, props.documentId, rememberAs, onClose]);

  useEffect(() => () => (link ? URL.revokeObjectURL(link.href) : undefined), [link]);

  const label =
    progress.stage === 'layout'
      ? t.export.layout(progress.done ?? 0, progress.total ?? 0)
      : progress.stage === 'pdf'
        ? props.kind === 'web'
          ? t.export.web
          : t.export.pdf
        : progress.stage === 'docx'
          ? t.export.docx
          : '';
  const fraction = result || published ? 1 : progress.stage === 'layout' && progress.total ? (0.85 * (progress.done ?? 0)) / progress.total : progress.stage === 'layout' ? 0.05 : 0.9;

  return (
    <div className="modal-backdrop">
      <div className="modal small" role="dialog" data-testid="export-dialog">
        <h2>{props.kind === 'pdf' ? t.workspace.exportPdf : props.kind === 'web' ? t.workspace.publishWeb : t.workspace.exportDocx}</h2>
        {error ? (
          <p className="error-text">{t.export.failed(error)}</p>
        ) : published ? (
          <p data-testid="export-result" data-path={published.path}>
            {t.export.published(published.path, published.documents)}
          </p>
        ) : result ? (
          <>
            <p data-testid="export-result" data-path={result.path} data-export-id={result.exportId}>
              {t.export.done(isDesktop() ? result.path : result.fileName)}
            </p>
            {previous === result.path ? (
              <p className="warn-text" data-testid="export-replaced">{t.export.replaced}</p>
            ) : previous ? (
              <p className="muted" data-testid="export-kept">{t.export.kept(previous)}</p>
            ) : null}
            {result.warnings.map((w) => (
              <p key={w} className="warning-text" data-testid="export-warning">{w}</p>
            ))}
            {link ? (
              <p>
                <a className="btn" data-testid="export-download" href={link.href} download={link.fileName}>
                  {t.export.download(link.fileName)}
                </a>
              </p>
            ) : null}
          </>
        ) : (
          <>
            <div className="progress">
              <div className="progress-bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
            </div>
            <p className="muted" data-testid="export-stage">{label}</p>
          </>
        )}
        <div className="modal-actions">
          {result && isDesktop() ? (
            <button type="button" className="btn" onClick={() => void api.revealFile(result.exportId)}>{t.export.openFolder}</button>
          ) : null}
          <button type="button" className="btn" onClick={props.onClose}>{t.export.close}</button>
        </div>
      </div>
    </div>
  );
}
