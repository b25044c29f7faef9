/**
 * The year's work from the library screen: choose a year, then make its 年度总目录 (PDF + DOCX) or its
 * 合订本 (one PDF), with progress by issue and page and a cancel button. Files go to `exports/` beside the
 * library (the renderer never names a path).
 */
import { useEffect, useMemo, useState } from 'react';
import { api, onEvent, type IssueSummary } from '../api';
import { t } from '../i18n';

interface VolumeProgress {
  stage: 'layout' | 'print' | 'reuse' | 'index' | 'bind' | 'done';
  issue?: number;
  issues: number;
  label?: string;
  pages?: number;
  totalPages?: number;
}

type Running = 'index' | 'volume' | null;

export function progressText(p: VolumeProgress | null): string {
  if (!p) return t.volume.starting;
  const issue = p.issue ? `[${p.issue}/${p.issues}] ${p.label ?? ''} ` : '';
  switch (p.stage) {
    case 'layout':
      return `${issue}${t.volume.layout(p.pages ?? 0)}`;
    case 'print':
      return `${issue}${t.volume.print}`;
    case 'reuse':
      return `${issue}${t.volume.reuse}`;
    case 'index':
      return t.volume.index;
    case 'bind':
      return t.volume.bind(p.totalPages ?? 0);
    case 'done':
      return '';
  }
}

export function VolumeDialog(props: { issues: IssueSummary[]; onClose: () => void }) {
  const years = useMemo(() => [...new Set(props.issues.map((i) => i.year))].sort((a, b) => b - a), [props.issues]);
  const [year, setYear] = useState(years[0] ?? new Date().getFullYear());
  const [byIssuer, setByIssuer] = useState(false);
  const [running, setRunning] = useState<Running>(null);
  const [progress, setProgress] = useState<VolumeProgress | null>(null);
  const [result, setResult] = useState('');
  const [error, setError] = useState('');

  useEffect(
    () =>
      onEvent((event) => {
        if (event.channel === 'volume.progress') setProgress(event.payload as VolumeProgress);
      }),
    [],
  );

  const start = async (kind: 'index' | 'volume') => {
    setRunning(kind);
    setProgress(null);
    setResult('');
    setError('');
    try {
      if (kind === 'index') {
        const r = await api.yearIndex(year, byIssuer);
        setResult(t.volume.indexDone(r.entries, r.issues, `${r.pdf}\n${r.docx}`));
      } else {
        const r = await api.bindVolume(year, byIssuer);
        setResult(t.volume.volumeDone(r.pages, r.issues, r.reused, r.path));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(null);
    }
  };

  const count = props.issues.filter((i) => i.year === year).length;
  const fraction = progress?.issues ? ((progress.issue ?? progress.issues) - (progress.stage === 'done' ? 0 : 0.5)) / progress.issues : 0.02;

  return (
    <div className="modal-backdrop">
      <div className="modal small" role="dialog" data-testid="volume-dialog">
        <h2>{t.volume.title}</h2>
        <p>
          <label>
            {t.volume.year}{' '}
            <select value={year} disabled={running !== null} onChange={(e) => setYear(Number(e.target.value))} data-testid="volume-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="muted">{t.volume.issues(count)}</span>
        </p>
        <p>
          <label>
            <input type="checkbox" checked={byIssuer} disabled={running !== null} onChange={(e) => setByIssuer(e.target.checked)} /> {t.volume.byIssuer}
          </label>
        </p>
        <p className="muted">{t.volume.outputs}</p>
        {running ? (
          <>
            <div className="progress">
              <div className="progress-bar" style={{ width: `${Math.round(Math.min(1, Math.max(0.02, fraction)) * 100)}%` }} />
            </div>
            <p className="muted" data-testid="volume-stage">{progressText(progress)}</p>
          </>
        ) : null}
        {result ? <p data-testid="volume-result" style={{ whiteSpace: 'pre-wrap' }}>{result}</p> : null}
        {error ? <p className="error-text">{t.volume.failed(error)}</p> : null}
        <div className="modal-actions">
          {running ? (
            <button type="button" className="btn" onClick={() => void api.cancelVolume()}>{t.common.cancel}</button>
          ) : (
            <>
              <button type="button" className="btn" disabled={count === 0} onClick={() => void start('index')} data-testid="volume-make-index">{t.volume.makeIndex}</button>
              <button type="button" className="btn primary" disabled={count === 0} onClick={() => void start('volume')} data-testid="volume-make-volume">{t.volume.makeVolume}</button>
              <button type="button" className="btn" onClick={props.onClose}>{t.common.close}</button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
