/** Export progress: a bar naming the stage (排版 n/N 页, 生成 PDF), then the file and a way to its folder. */
import { useEffect, useState } from 'react';
import { api, onEvent } from '../api';
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

export function ExportDialog(props: { issueId: string; kind: 'pdf' | 'docx'; onClose: () => void }) {
  const [progress, setProgress] = useState<ExportProgress>({ stage: props.kind === 'pdf' ? 'layout' : 'docx' });
  const [result, setResult] = useState<{ path: string } | null>(null);
  // Never overwrite silently: say when this export replaced the file of an earlier one.
  const [previous] = useState(() => lastExportPath(props.issueId, props.kind));
  const [error, setError] = useState('');

  useEffect(() => {
    const off = onEvent((event) => {
      if (event.channel !== 'export.progress') return;
      const p = event.payload as ExportProgress & { issueId?: string };
      if (!p.issueId || p.issueId === props.issueId) setProgress(p);
    });
    const run = props.kind === 'pdf' ? api.exportPdf(props.issueId) : api.exportDocx(props.issueId);
    run
      .then((r) => {
        rememberExportPath(props.issueId, props.kind, r.path);
        setResult(r);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      off();
    };
  }, [props.issueId, props.kind]);

  const label =
    progress.stage === 'layout'
      ? t.export.layout(progress.done ?? 0, progress.total ?? 0)
      : progress.stage === 'pdf'
        ? t.export.pdf
        : progress.stage === 'docx'
          ? t.export.docx
          : '';
  const fraction = result ? 1 : progress.stage === 'layout' && progress.total ? (0.85 * (progress.done ?? 0)) / progress.total : progress.stage === 'layout' ? 0.05 : 0.9;

  return (
    <div className="modal-backdrop">
      <div className="modal small" role="dialog" data-testid="export-dialog">
        <h2>{props.kind === 'pdf' ? t.workspace.exportPdf : t.workspace.exportDocx}</h2>
        {error ? (
          <p className="error-text">{t.export.failed(error)}</p>
        ) : result ? (
          <>
            <p data-testid="export-result" data-path={result.path}>{t.export.done(result.path)}</p>
            {previous === result.path ? (
              <p className="warn-text" data-testid="export-replaced">{t.export.replaced}</p>
            ) : previous ? (
              <p className="muted" data-testid="export-kept">{t.export.kept(previous)}</p>
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
          {result && window.gazette ? (
            <button type="button" className="btn" onClick={() => void api.revealFile(result.path)}>{t.export.openFolder}</button>
          ) : null}
          <button type="button" className="btn" onClick={props.onClose}>{t.export.close}</button>
        </div>
      </div>
    </div>
  );
}
