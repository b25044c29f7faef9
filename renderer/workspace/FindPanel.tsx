/**
 * 查找替换 across the whole issue: the hits listed by document (each opens its document with the hit
 * selected), 替换 one hit, 全部替换 in every document, and 撤销 per document for what this panel replaced.
 * The workspace does the replacing (in the editor for the open document, through the save path otherwise).
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentHits, TextHit } from '../../common/editor/findReplace';
import { t } from '../i18n';

export interface FindActions {
  find(query: string): DocumentHits[];
  open(documentId: string, hit: TextHit, query: string): void;
  replaceOne(documentId: string, hit: TextHit, query: string, replacement: string): void;
  replaceAll(query: string, replacement: string): void;
  /** Documents this panel replaced in whose content before can be put back. */
  undoable: ReadonlySet<string>;
  undo(documentId: string): void;
  titleOf(documentId: string): string;
}

export function FindPanel(props: { actions: FindActions; query: string; onQuery: (query: string) => void }) {
  const { actions, query } = props;
  const [replacement, setReplacement] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const found = query ? actions.find(query) : [];
  const total = found.reduce((n, d) => n + d.hits.length, 0);
  return (
    <div className="find-panel" data-testid="issue-find">
      <div className="find-panel-form">
        <input ref={input} type="search" data-testid="issue-find-query" placeholder={t.issueFind.query} value={query} onChange={(e) => props.onQuery(e.target.value)} />
        <input type="text" data-testid="issue-find-replacement" placeholder={t.issueFind.replacement} value={replacement} onChange={(e) => setReplacement(e.target.value)} />
        <button type="button" className="btn" data-testid="issue-replace-all" disabled={!total} onClick={() => actions.replaceAll(query, replacement)}>
          {t.issueFind.replaceAll}
        </button>
      </div>
      <div className="checks-summary" data-testid="issue-find-summary">
        {query ? t.issueFind.summary(total, found.length) : t.issueFind.hint}
      </div>
      {found.map((doc) => (
        <section key={doc.documentId} className="find-doc" data-testid="issue-find-doc" data-doc-id={doc.documentId}>
          <h4>
            <span className="find-doc-title">{doc.title || t.workspace.untitled}</span>
            <span className="muted">{t.editor.matches(doc.hits.length)}</span>
          </h4>
          <ul>
            {doc.hits.map((hit) => (
              <li key={`${hit.path.join('.')}:${hit.offset}`} data-testid="issue-find-hit" data-doc-id={doc.documentId}>
                <button type="button" className="find-hit" onClick={() => actions.open(doc.documentId, hit, query)}>
                  {hit.before}
                  <mark>{query}</mark>
                  {hit.after}
                </button>
                <button type="button" className="link" data-testid="issue-find-replace-one" onClick={() => actions.replaceOne(doc.documentId, hit, query, replacement)}>
                  {t.editor.replaceOne}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {[...actions.undoable].length ? (
        <div className="find-undo">
          <div className="checks-summary">{t.issueFind.replacedIn}</div>
          {[...actions.undoable].map((id) => (
            <button key={id} type="button" className="btn" data-testid="issue-find-undo" data-doc-id={id} onClick={() => actions.undo(id)}>
              {t.issueFind.undo(actions.titleOf(id))}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
