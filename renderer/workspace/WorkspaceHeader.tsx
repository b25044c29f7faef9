/** The workspace's top bar: back to the library, the issue's name and status, save state, print and export. */
import type { Issue } from '../../common/model';
import { t } from '../i18n';
import type { SaveState } from './autosave';

export function WorkspaceHeader(props: {
  issue: Issue;
  save: SaveState;
  onBack: () => void;
  onSettings: () => void;
  onPrint: () => void;
  onPublish: () => void;
  onExport: (kind: 'pdf' | 'docx') => void;
}) {
  const { issue, save } = props;
  return (
    <header className="app-header">
      <button type="button" className="btn ghost" onClick={props.onBack}>
        ‹ {t.workspace.back}
      </button>
      <div className="issue-title">
        <strong>{t.issueName(issue.year, issue.number)}</strong>
        <span className="muted">{t.cumulativeName(issue.cumulativeNumber)}</span>
        <span className={`status status-${issue.status}`}>{t.status[issue.status]}</span>
      </div>
      <div className={`save-state save-${save.kind}`} data-testid="save-state" data-state={save.kind} role="status">
        {save.kind === 'saving' ? t.save.saving : save.kind === 'saved' ? t.save.saved : save.kind === 'failed' ? t.save.failed(save.reason) : ''}
      </div>
      <div className="header-actions">
        <button type="button" className="btn" onClick={props.onSettings} data-testid="open-settings">
          {t.workspace.settings}
        </button>
        <button type="button" className="btn" onClick={props.onPrint}>
          {t.workspace.print}
        </button>
        <button type="button" className="btn" data-testid="publish-web" onClick={props.onPublish}>
          {t.workspace.publishWeb}
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('docx')}>
          {t.workspace.exportDocx}
        </button>
        <button type="button" className="btn primary" data-testid="export-pdf" onClick={() => props.onExport('pdf')}>
          {t.workspace.exportPdf}
        </button>
      </div>
    </header>
  );
}
