/** 全刊检查 findings grouped by document: open the document at the finding, fix it, or ignore it. */
import type { IssueFinding } from '../../common/lint/issue';
import { issueFindingKey } from '../../common/lint/issue';
import { t } from '../i18n';

export function IssueFindingList(props: { findings: IssueFinding[]; onOpen: (f: IssueFinding) => void; onFix: (f: IssueFinding) => void; onIgnore?: (f: IssueFinding) => void }) {
  const groups = new Map<string, IssueFinding[]>();
  for (const f of props.findings) groups.set(f.documentId, [...(groups.get(f.documentId) ?? []), f]);
  return (
    <div className="issue-findings">
      {[...groups.values()].map((list) => (
        <section key={list[0].documentId} className="issue-findings-doc">
          <h4 title={list[0].title}>{list[0].title || t.workspace.untitled}</h4>
          <ul>
            {list.map((f) => (
              <li key={issueFindingKey(f)} className={`finding ${f.finding.severity}`} data-testid="issue-finding" data-doc-id={f.documentId} data-code={f.finding.code}>
                <div className="finding-message">{t.checks.messages[f.finding.code]?.(f.finding.params) ?? f.finding.code}</div>
                <div className="finding-excerpt">{f.finding.excerpt}</div>
                <div className="finding-actions">
                  <button type="button" className="link" data-testid="issue-finding-open" onClick={() => props.onOpen(f)}>
                    {t.checks.goTo}
                  </button>
                  {f.finding.fix ? (
                    <button type="button" className="btn small primary" data-testid="issue-finding-fix" onClick={() => props.onFix(f)}>
                      {t.checks.fix}
                    </button>
                  ) : null}
                  {props.onIgnore ? (
                    <button type="button" className="btn small" data-testid="issue-finding-ignore" onClick={() => props.onIgnore!(f)}>
                      {t.checks.ignore}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Before an export: the issue's findings, 修正 / 忽略 each, then 仍然导出 or 取消. */
export function PreExportChecks(props: {
  findings: IssueFinding[];
  kind: 'pdf' | 'docx';
  onOpen: (f: IssueFinding) => void;
  onFix: (f: IssueFinding) => void;
  onIgnore: (f: IssueFinding) => void;
  onExport: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="modal-backdrop">
      <div className="modal preexport" role="dialog" aria-modal="true" data-testid="preexport-dialog">
        <h2>{t.checks.beforeExport(props.findings.length)}</h2>
        <p className="muted">{t.checks.beforeExportHint}</p>
        <div className="preexport-list">
          <IssueFindingList findings={props.findings} onOpen={props.onOpen} onFix={props.onFix} onIgnore={props.onIgnore} />
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onCancel}>
            {t.common.cancel}
          </button>
          <button type="button" className="btn primary" data-testid="preexport-continue" onClick={props.onExport}>
            {props.kind === 'pdf' ? t.checks.exportAnywayPdf : t.checks.exportAnywayDocx}
          </button>
        </div>
      </div>
    </div>
  );
}
