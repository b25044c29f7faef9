/**
 * The pagination unit that holds one document, for the live preview, without rendering the whole issue:
 * paginationUnits renders every document (~150–250 ms for the sample issue on the UI thread), the preview
 * needs one unit. Units never cross sections and only consecutive 人事任免 notices share a unit, so the
 * document's neighbourhood gives the same unit (same id, html, hash); tests/preview-unit.test.ts checks that
 * against paginationUnits for every document of the sample issue.
 */
import type { IssueTree } from '../model';
import { paginationUnits, type HtmlOptions, type PrintUnit } from './toHtml';

export function previewUnit(tree: IssueTree, documentId: string, opts: HtmlOptions = {}): PrintUnit | undefined {
  const section = tree.sections.find((s) => s.documents.some((d) => d.id === documentId));
  if (!section) return undefined;
  const docs = section.documents;
  const at = docs.findIndex((d) => d.id === documentId);
  let start = at;
  let end = at + 1;
  if (docs[at].kind === 'personnel') {
    while (start > 0 && docs[start - 1].kind === 'personnel') start--;
    while (end < docs.length && docs[end].kind === 'personnel') end++;
  }
  const neighbourhood: IssueTree = { ...tree, sections: [{ ...section, documents: docs.slice(start, end) }] };
  return paginationUnits(neighbourhood, opts).find((u) => u.documentIds.includes(documentId));
}
