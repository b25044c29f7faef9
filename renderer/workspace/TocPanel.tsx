import { tocTitle, type IssueTree } from '../../common/model';
import type { PageMap } from '../../common/render/printJob';
import { t } from '../i18n';

/** The issue's TOC as it will print: section labels, titles, 文号 and pages from the last layout. */
export function TocPanel(props: { tree: IssueTree; pageMap: PageMap | null; pagesUpdating?: boolean; onSelect: (documentId: string) => void }) {
  return (
    <div className="toc-panel" data-testid="toc-panel">
      {props.pagesUpdating ? (
        <div className="pages-updating toc-updating" data-testid="pages-updating" role="status">
          {t.workspace.pagesUpdating}
        </div>
      ) : null}
      <h3 className="toc-heading">{t.preview.tocTitle}</h3>
      {props.tree.sections.map((section) => (
        <div key={section.id} className="toc-section">
          <div className="toc-section-name">{section.name}</div>
          {section.documents.map((doc) => {
            const page = props.pageMap?.documents[doc.id];
            return (
              <div key={doc.id} className="toc-entry" data-testid="toc-entry" data-doc-id={doc.id} onClick={() => props.onSelect(doc.id)}>
                <div className="toc-title">{tocTitle(doc) || t.workspace.untitled}</div>
                <div className="toc-line">
                  <span className="toc-number">{doc.docNumber}</span>
                  <span className="toc-leader" />
                  <span className={`toc-page${props.pagesUpdating ? ' stale' : ''}`} data-testid="toc-page">{page ? `（${page}）` : '（…）'}</span>
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
