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

/** The cover's name lines (§9): the ones set in 本期设置, else the journal's name on one line; none when both are empty. */
export function coverNameLines(issue: Pick<Issue, 'journalName' | 'frontMatter'>): string[] {
  const lines = issue.frontMatter.journalNameLines.filter((l) => l.trim());
  if (lines.length) return lines;
  return issue.journalName.trim() ? [issue.journalName] : [];
}

/**
 * 「主管：…」, 「委员：…」 and the like: the label with its value, or nothing while the value is not filled in
 * (a first issue in a new library has an empty 本期设置; a bare 「主管：」 on the cover is a misprint).
 */
export function labelledLine(label: string, value: string): string | null {
  return value.trim() ? `${label}：${value}` : null;
}

/** The cover's foot line: 内部资料、免费交流, then the 准印证号 when there is one. */
export function coverPermitLine(permitNumber: string): string {
  const permit = labelledLine('准印证号', permitNumber);
  return permit ? `内部资料\u3000免费交流\u3000${permit}` : '内部资料\u3000免费交流';
}

