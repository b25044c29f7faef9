/**
 * Handler 1: the TOC from the final layout. Entries (title, 文号, leader, `（N）`) are built by
 * common/render/toHtmlFront.ts from the page map; this module lays out nothing itself: it finds the page
 * on which each document starts (the element carrying `data-doc-id` that is not a continuation) and
 * puts the sidebar on the first TOC page.
 */

/** document id -> printed page number, from pages in order. `numberOf(i)` maps a page index to its number. */
export function documentPages(pages: HTMLElement[], numberOf: (index: number) => number): Record<string, number> {
  const map: Record<string, number> = {};
  pages.forEach((page, i) => {
    for (const el of Array.from(page.querySelectorAll('[data-doc-id]'))) {
      const id = (el as HTMLElement).dataset.docId!;
      if (el.hasAttribute('data-split-from') || el.hasAttribute('data-continued') || id in map) continue;
      map[id] = numberOf(i);
    }
  });
  return map;
}

/** heading / table id -> printed page number (first page where it appears). */
export function anchorPages(pages: HTMLElement[], numberOf: (index: number) => number): Record<string, number> {
  const map: Record<string, number> = {};
  pages.forEach((page, i) => {
    for (const el of Array.from(page.querySelectorAll('.gz-h[id], .gz-titleblock[id], table[id]'))) {
      if (!(el.id in map)) map[el.id] = numberOf(i);
    }
  });
  return map;
}

/** Insert the sidebar HTML into the first TOC page's sheet. */
export function placeSidebar(firstTocPage: HTMLElement | undefined, sidebarHtml: string): void {
  if (!firstTocPage || !sidebarHtml) return;
  const host = (firstTocPage.querySelector('.pagedjs_sheet') as HTMLElement | null) ?? firstTocPage;
  host.style.position = 'relative';
  host.insertAdjacentHTML('beforeend', sidebarHtml);
}
