/** Shared helpers of the importer tests: the reference text and the imported issue as plain text. */
import { readFileSync } from 'node:fs';
import { contentPlainText, squeezeWhitespace, type IssueTree } from '../common/model';
import { frontMatterToText } from '../common/import/frontMatterText';

export const REFERENCE_PATH = new URL('./fixtures/reference-issue-2024-06.txt', import.meta.url);

export function readReference(): string {
  return readFileSync(REFERENCE_PATH, 'utf8');
}

/** Everything the imported issue holds as text: front matter, section names, every document. */
export function issuePlainText(tree: IssueTree): string {
  const parts = [frontMatterToText(tree.issue.frontMatter, tree.issue)];
  for (const section of tree.sections) {
    parts.push(section.name);
    for (const doc of section.documents) parts.push(contentPlainText(doc.content));
  }
  return parts.join('\n');
}

/**
 * The form both sides are compared in: whitespace removed, half-width brackets as full-width (the
 * importer normalises heading numbers (一) -> （一）), and the conversion's markup removed: markdown
 * bold markers, <p> cell paragraphs, <http://…> autolink brackets; a check box input reads □.
 */
export function canonical(text: string): string {
  return squeezeWhitespace(
    text
      .replace(/<input[^>]*type="checkbox"[^>]*>/g, '□')
      .replace(/<\/?p(\s[^>]*)?>/g, ' ')
      .replace(/<(https?:[^<>]+)>/g, '$1')
      .replace(/\*\*/g, '')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      // The importer makes half-width marks between Chinese characters full-width (common/text/punctuation.ts).
      .replace(/[,;:]/g, (m) => ({ ',': '，', ';': '；', ':': '：' })[m] ?? m),
  );
}
