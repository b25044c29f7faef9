/**
 * Pages that hold nothing. Paged.js 0.4.3 sometimes adds a blank page at a forced break (a page break
 * that falls right at a page end, before a rotated table or a long paragraph); the journal never prints
 * an empty page inside a document, so such pages are taken out of the flow.
 */

/** Content that counts although it has no text: pictures, rotated tables, table cells (empty forms). */
const VISIBLE = 'img, svg, figure, .gz-rot-page, td, th, hr';

/** Does a laid-out page hold nothing to print (no text, no picture, no table)? */
export function isEmptyPage(page: Element): boolean {
  const area = page.querySelector('.pagedjs_page_content') ?? page;
  if ((area.textContent ?? '').replace(/[\s\u3000\u200b]+/g, '') !== '') return false;
  return !area.querySelector(VISIBLE);
}

/** Remove a flow's empty pages (never all of them); returns the pages kept. */
export function dropEmptyPages(pages: HTMLElement[]): HTMLElement[] {
  const kept = pages.filter((page) => !isEmptyPage(page));
  if (kept.length === 0) return pages;
  for (const page of pages) if (!kept.includes(page)) page.remove();
  return kept;
}
