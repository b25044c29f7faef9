import type { LintFinding } from '../../common/lint';
import type { IssueFinding } from '../../common/lint/issue';
import { t } from '../i18n';
import { IssueFindingList } from './IssueFindings';

/**
 * 公文 checks of the current document (each finding can be located and, where safe, fixed in one click),
 * then 全刊检查: the other documents' findings, each opening its document.
 */
export function ChecksPanel(props: {
  findings: LintFinding[];
  onGoTo: (f: LintFinding) => void;
  onFix: (f: LintFinding) => void;
  otherFindings?: IssueFinding[];
  onOpenOther?: (f: IssueFinding) => void;
  onFixOther?: (f: IssueFinding) => void;
  onIgnoreOther?: (f: IssueFinding) => void;
  /** Documents of the issue with half-width punctuation, and the one-click fix for all of them. */
  punctuationDocuments?: number;
  onFixAllPunctuation?: () => void;
}) {
  const { findings } = props;
  return (
    <div className="checks-panel" data-testid="checks-panel">
      <div className="checks-summary">{findings.length ? t.checks.count(findings.length) : t.checks.none}</div>
      {props.punctuationDocuments && props.onFixAllPunctuation ? (
        <button type="button" className="btn small primary" data-testid="fix-all-punctuation" onClick={props.onFixAllPunctuation}>
          {t.checks.fixAllPunctuation(props.punctuationDocuments)}
        </button>
      ) : null}
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.blockIndex}-${i}`} className={`finding ${f.severity}`} data-testid="finding" data-code={f.code}>
            <div className="finding-message">{t.checks.messages[f.code]?.(f.params) ?? f.code}</div>
            <div className="finding-excerpt">{f.excerpt}</div>
            <div className="finding-actions">
              {f.blockIndex >= 0 ? (
                <button type="button" className="link" onClick={() => props.onGoTo(f)}>
                  {t.checks.goTo}
                </button>
              ) : null}
              {f.fix ? (
                <button type="button" className="btn small primary" data-testid="finding-fix" onClick={() => props.onFix(f)}>
                  {t.checks.fix}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {props.otherFindings ? (
        <div className="checks-issue" data-testid="issue-checks">
          <div className="checks-summary">{props.otherFindings.length ? t.checks.issueCount(props.otherFindings.length) : t.checks.issueNone}</div>
          <IssueFindingList findings={props.otherFindings} onOpen={(f) => props.onOpenOther?.(f)} onFix={(f) => props.onFixOther?.(f)} onIgnore={props.onIgnoreOther} />
        </div>
      ) : null}
    </div>
  );
}
