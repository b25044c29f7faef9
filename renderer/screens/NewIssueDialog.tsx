/**
 * 新建一期 and 复制: one dialog asks for the new issue's numbers (年, 期, 总期), date and, for a new
 * issue, its sections (栏目), instead of silently making a second identical "2024年第7期 总第192期".
 */
import { useEffect, useState } from 'react';
import { api, type IssueSummary } from '../api';
import { t } from '../i18n';
import { DateField } from '../workspace/DateField';
import { todayIso } from '../../common/text/dates';

export type NewIssueMode = { kind: 'next'; source?: IssueSummary } | { kind: 'duplicate'; source: IssueSummary };

/** Create the issue as asked; returns its id. Sections of a new issue are renamed/added/removed (empty ones) to match. */
async function createIssue(mode: NewIssueMode, meta: { year: number; number: number; cumulativeNumber: number; date: string }, sectionNames: string[]): Promise<string> {
  const { issueId } = mode.kind === 'duplicate' ? await api.duplicateIssue(mode.source.id) : await api.createNextIssue(mode.source?.id);
  await api.updateIssue(issueId, meta);
  if (mode.kind === 'next') {
    const tree = await api.getTree(issueId);
    for (const [i, name] of sectionNames.entries()) {
      const existing = tree.sections[i];
      if (!existing) await api.addSection(issueId, name);
      else if (existing.name !== name) await api.renameSection(existing.id, name);
    }
    for (const extra of tree.sections.slice(sectionNames.length)) if (extra.documents.length === 0) await api.removeSection(extra.id);
  }
  return issueId;
}

export function NewIssueDialog(props: { mode: NewIssueMode; issues: IssueSummary[]; onDone: (issueId: string) => void; onClose: () => void }) {
  const { mode } = props;
  const source = mode.source;
  const [year, setYear] = useState(source?.year ?? new Date().getFullYear());
  const [number, setNumber] = useState((source?.number ?? 0) + 1);
  const [cumulative, setCumulative] = useState((source?.cumulativeNumber ?? 0) + 1);
  const [date, setDate] = useState(todayIso());
  const [sections, setSections] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    if (mode.kind !== 'next' || !source) return;
    void api.getTree(source.id).then((tree) => setSections((s) => s || tree.sections.map((x) => x.name).join('\n')));
  }, [mode.kind, source]);

  const taken = props.issues.some((i) => i.year === year && i.number === number);
  const names = sections.split('\n').map((l) => l.trim()).filter(Boolean);
  const submit = async () => {
    if (taken) return setError(t.library.numbersTaken(year, number));
    setBusy(true);
    try {
      props.onDone(await createIssue(mode, { year, number, cumulativeNumber: cumulative, date }, names));
    } catch (e) {
      setError(t.common.error((e as Error).message));
      setBusy(false);
    }
  };
  const num = (value: number, set: (n: number) => void, testId: string) => (
    <input type="number" min={1} value={value} data-testid={testId} onChange={(e) => set(Number(e.target.value) || 0)} />
  );

  return (
    <div className="modal-backdrop">
      <div className="modal small new-issue" role="dialog" aria-modal="true" data-testid="new-issue-dialog">
        <h2>{mode.kind === 'next' ? t.library.newIssueTitle : t.library.duplicateTitle(t.issueName(mode.source.year, mode.source.number))}</h2>
        <p className="muted">{mode.kind === 'next' ? t.library.newIssueHint : t.library.duplicateHint}</p>
        <div className="form-grid">
          <label>{t.settings.year}{num(year, setYear, 'new-issue-year')}</label>
          <label>{t.settings.number}{num(number, setNumber, 'new-issue-number')}</label>
          <label>{t.settings.cumulative}{num(cumulative, setCumulative, 'new-issue-cumulative')}</label>
          <label>{t.settings.date}<DateField value={date} onChange={setDate} testId="new-issue-date" /></label>
          {mode.kind === 'next' ? (
            <label className="wide">
              {t.library.sectionsLabel}
              <textarea rows={4} value={sections} data-testid="new-issue-sections" onChange={(e) => setSections(e.target.value)} />
            </label>
          ) : null}
        </div>
        {error || taken ? <p className="error-text" data-testid="new-issue-error">{error || t.library.numbersTaken(year, number)}</p> : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onClose}>{t.common.cancel}</button>
          <button type="button" className="btn primary" data-testid="new-issue-create" disabled={busy || taken || number < 1 || cumulative < 1} onClick={() => void submit()}>
            {t.library.create}
          </button>
        </div>
      </div>
    </div>
  );
}
