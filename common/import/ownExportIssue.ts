/**
 * A whole issue in one Word file made by our own DOCX export (or last year's issue exported and kept): cover
 * and TOC first, then every document, each starting with its 标题 paragraph (style Title). The styles name
 * every role, so the file splits at each title; the TOC (section names in style `toc 1`, titles in `toc 2`,
 * 文号 and page in `toc 3`, or there the title of an entry without 文号)
 * says which section lists each title. The cover and TOC are the app's own output and are made again from
 * the documents, so they are not imported as documents (the caller warns).
 */
import { squeezeWhitespace } from '../model';
import type { HtmlItem } from './cleanWordHtml';
import { isDocNumber } from './patterns';

export interface OwnExportPart {
  /** The TOC section that lists this document's title; '' when the TOC does not list it. */
  section: string;
  items: HtmlItem[];
}

const textOf = (item: HtmlItem): string => (item.kind === 'paragraph' ? squeezeWhitespace(item.runs.map((r) => r.text).join('')) : '');
const isTitle = (item: HtmlItem): boolean => item.kind === 'paragraph' && item.role === 'title';

/** The parts of a whole-issue export, or null when the file holds fewer than two documents. */
export function splitOwnExportIssue(items: HtmlItem[]): { front: HtmlItem[]; parts: OwnExportPart[] } | null {
  const starts = items.flatMap((item, i) => (isTitle(item) ? [i] : []));
  if (starts.length < 2) return null;
  const front = items.slice(0, starts[0]);
  // Section of each TOC title, in TOC order.
  const listed: Array<{ title: string; section: string }> = [];
  let section = '';
  for (const item of front) {
    if (item.kind !== 'paragraph') continue;
    if (item.role === 'toc-section') section = textOf(item);
    else if (item.role === 'toc-entry') listed.push({ title: textOf(item), section });
    else if (item.role === 'toc-page') {
      // The page line (style toc 3) holds the 文号, or, for an entry without one, the title: 7月份大事记	（54）.
      const text = textOf(item).replace(/[…．.·]*[（(]\d{0,4}[）)]$/, '');
      if (text && !isDocNumber(text)) listed.push({ title: text, section });
    }
  }
  let previous = '';
  const parts = starts.map((start, k) => {
    const title = textOf(items[start]);
    const entry = listed.find((e) => e.title === title);
    // A document the TOC does not list stays with the one before it.
    const part = { section: entry?.section ?? previous, items: items.slice(start, starts[k + 1] ?? items.length) };
    previous = part.section;
    return part;
  });
  return { front, parts };
}
