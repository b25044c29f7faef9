/**
 * The wording the gazette derives from an issue or a document, in one place so that the print page, the
 * DOCX, the PDF outline and metadata, the web edition, the year index and the editor say the same thing.
 */
import type { GazetteDocument, Issue } from './types';

/**
 * A document's TOC wording: the editor's override when set, else the title derived from its first
 * doc-title; '' when it has neither (callers that show a placeholder add their own).
 */
export function tocTitle(doc: Pick<GazetteDocument, 'title' | 'tocTitleOverride'>): string {
  return doc.tocTitleOverride || doc.title;
}

/** 2024年第6期 */
export function issueLabel(issue: Pick<Issue, 'year' | 'number'>): string {
  return `${issue.year}年第${issue.number}期`;
}

/** 总第191期 */
export function cumulativeLabel(cumulativeNumber: number): string {
  return `总第${cumulativeNumber}期`;
}

/**
 * The even-page running head (format §10): the issue's template with every `{journal}`, `{year}` and
 * `{number}` filled in. PDF and DOCX both print this.
 */
export function evenRunningHead(issue: Pick<Issue, 'journalName' | 'year' | 'number' | 'settings'>): string {
  const template = issue.settings.evenRunningHead;
  return template
    .replace(/\{journal\}/g, issue.journalName)
    .replace(/\{year\}/g, String(issue.year))
    .replace(/\{number\}/g, String(issue.number));
}
