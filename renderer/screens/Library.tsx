import { useEffect, useMemo, useRef, useState } from 'react';
import { api, isDesktop, onMenuCommand, type IssueSummary, type SearchHit } from '../api';
import { downloadNow } from '../download';
import { navigate } from '../App';
import { t } from '../i18n';
import { useToast } from '../ui';
import { readFileBase64 } from '../files';
import { sharedPreviewFrame } from '../workspace/printFrame';
import { RestoreButton } from './LibraryHealth';
import { VolumeDialog } from './VolumeDialog';
import { NewIssueDialog, type NewIssueMode } from './NewIssueDialog';

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A snippet with «hits» marked becomes text with <mark> elements (no HTML injection). */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(/(«[^»]*»)/);
  return (
    <>
      {parts.map((part, i) => (part.startsWith('«') && part.endsWith('»') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}

export function LibraryScreen() {
  const [issues, setIssues] = useState<IssueSummary[] | null>(null);
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [confirming, setConfirming] = useState<IssueSummary | null>(null);
  const [volumeOpen, setVolumeOpen] = useState(false);
  const [creating, setCreating] = useState<NewIssueMode | null>(null);
  const packageInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  const reload = () =>
    api
      .listIssues()
      .then(setIssues)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void reload();
  }, []);
  // Boot the preview's print frame (its own process) now, so opening an issue finds it ready.
  useEffect(() => void sharedPreviewFrame(), []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      api.search(q).then(setHits).catch((e: Error) => setError(e.message));
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const latest = useMemo(() => issues?.[0], [issues]);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'new-issue') setCreating({ kind: 'next', source: latest });
      }),
    [latest],
  );

  const act = async (fn: () => Promise<unknown>, message?: string) => {
    try {
      await fn();
      if (message) toast(message);
      await reload();
    } catch (e) {
      toast(t.common.error((e as Error).message), 'error');
    }
  };

  /** Electron: main's open dialog picks the package (a closed dialog imports nothing). */
  const importPicked = () =>
    act(async () => {
      if (!(await api.pickPackage()).canceled) toast(t.library.imported);
    });

  /** Electron: saved where the user chose; browser: written to exports/ and downloaded. */
  const exportPackage = async (issueId: string) => {
    const saved = await api.exportPackage(issueId);
    if (saved.canceled) return;
    toast(isDesktop() ? t.library.packageSaved(saved.path) : t.library.packageDownloaded(await downloadNow(saved.exportId)));
  };

  return (
    <div className="library">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark">政</span>
          <span className="brand-name">{t.appName}</span>
        </div>
        <div className="search-box">
          <input type="search" data-testid="library-search" placeholder={t.library.searchPlaceholder} value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="header-actions">
          <button type="button" className="btn primary" title={t.library.newFromPreviousHint} data-testid="new-issue" onClick={() => setCreating({ kind: 'next', source: latest })}>
            ＋ {t.library.newFromPrevious}
          </button>
          <button type="button" className="btn" onClick={() => textInput.current?.click()}>
            {t.library.importText}
          </button>
          <button
            type="button"
            className="btn"
            // Electron: main's open dialog picks the file; the browser uploads the file the user chose.
            onClick={() => (isDesktop() ? void importPicked() : packageInput.current?.click())}
          >
            {t.library.importPackage}
          </button>
          <RestoreButton />
          <button type="button" className="btn" disabled={!issues?.length} onClick={() => setVolumeOpen(true)} data-testid="open-volume">
            {t.volume.open}
          </button>
          <input
            ref={packageInput}
            type="file"
            accept=".gazette"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void act(async () => api.importPackage(await readFileBase64(file)), t.library.imported);
            }}
          />
          <input
            ref={textInput}
            type="file"
            accept=".txt,text/plain"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void act(async () => api.importText(await file.text()), t.library.imported);
            }}
          />
        </div>
      </header>

      <main className="library-main">
        {error ? <div className="banner error">{t.common.error(error)}</div> : null}
        {hits ? (
          <section className="search-results" data-testid="search-results">
            <h2>{hits.length ? t.library.searchResults(hits.length) : t.library.searchEmpty}</h2>
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.issueId}-${hit.documentId}`} onClick={() => navigate({ screen: 'issue', issueId: hit.issueId, documentId: hit.documentId })}>
                  <div className="hit-title">
                    <span className="hit-issue">{hit.year && hit.number ? t.issueName(hit.year, hit.number) : ''}</span>
                    <Highlighted snippet={hit.title} />
                  </div>
                  <div className="hit-snippet">
                    <Highlighted snippet={hit.snippet} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="issue-list">
          <h2>{t.library.title}</h2>
          {issues === null ? (
            <div className="muted">{t.common.loading}</div>
          ) : issues.length === 0 ? (
            <div className="empty">{t.library.empty}</div>
          ) : (
            <table className="grid" data-testid="issue-table">
              <thead>
                <tr>
                  <th>{t.library.colIssue}</th>
                  <th className="num">{t.library.colYear}</th>
                  <th className="num">{t.library.colNumber}</th>
                  <th className="num">{t.library.colCumulative}</th>
                  <th>{t.library.colStatus}</th>
                  <th className="num">{t.library.colDocuments}</th>
                  <th className="num">{t.library.colPages}</th>
                  <th>{t.library.colUpdated}</th>
                  <th>{t.library.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((issue) => (
                  <tr key={issue.id} onDoubleClick={() => navigateTo(issue.id)}>
                    <td>
                      <a
                        href={`#/issue/${issue.id}`}
                        className="issue-link"
                        onClick={(e) => {
                          e.preventDefault();
                          navigateTo(issue.id);
                        }}
                      >
                        {t.issueName(issue.year, issue.number)}
                      </a>
                    </td>
                    <td className="num">{issue.year}</td>
                    <td className="num">{issue.number}</td>
                    <td className="num">{issue.cumulativeNumber}</td>
                    <td>
                      <span className={`status status-${issue.status}`}>{t.status[issue.status] ?? issue.status}</span>
                    </td>
                    <td className="num">{issue.documentCount ?? '—'}</td>
                    <td className="num">{issue.pageCount ?? '—'}</td>
                    <td className="muted">{formatTime(issue.updatedAt)}</td>
                    <td className="row-actions">
                      <button type="button" className="link" onClick={() => navigateTo(issue.id)}>{t.library.open}</button>
                      <button type="button" className="link" data-testid="duplicate-issue" onClick={() => setCreating({ kind: 'duplicate', source: issue })}>{t.library.duplicate}</button>
                      <button type="button" className="link" onClick={() => void act(() => exportPackage(issue.id))}>{t.library.exportPackage}</button>
                      <button type="button" className="link danger" onClick={() => setConfirming(issue)}>{t.library.delete}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>

      {volumeOpen && issues ? <VolumeDialog issues={issues} onClose={() => setVolumeOpen(false)} /> : null}

      {creating ? (
        <NewIssueDialog
          mode={creating}
          issues={issues ?? []}
          onClose={() => setCreating(null)}
          onDone={(issueId) => {
            const duplicated = creating.kind === 'duplicate';
            setCreating(null);
            if (duplicated) void reload();
            else navigateTo(issueId);
          }}
        />
      ) : null}
      {confirming ? (
        <div className="modal-backdrop">
          <div className="modal small" role="dialog">
            <p>{t.library.confirmDelete(t.issueName(confirming.year, confirming.number))}</p>
            <div className="modal-actions">
              <button type="button" className="btn" onClick={() => setConfirming(null)}>{t.common.cancel}</button>
              <button
                type="button"
                className="btn danger"
                onClick={() => {
                  const issue = confirming;
                  setConfirming(null);
                  void act(() => api.deleteIssue(issue.id), t.library.deleted);
                }}
              >
                {t.library.delete}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function navigateTo(issueId: string) {
  navigate({ screen: 'issue', issueId });
}
