/**
 * The print page's steps after the body is laid out, in the shape of stages.ts (a named stage with one
 * `run(ctx)`): the TOC stages work on the TOC's laid-out pages once their number is stable, the page-map
 * stages read where each document and anchor was printed from the body pages in their final order.
 * tests/print-stages-pages.test.ts runs each on its fixture in Chromium (gazettePrint.stageHarness).
 *
 *   TOC stages       mend-toc-title-breaks → place-sidebar
 *   page-map stages  document-pages → anchor-pages
 */
import type { PrintStage } from './stages';
import { anchorPages, documentPages, placeSidebar } from './toc';
import { mendTocTitleBreaks } from './tocBreaks';

/** The TOC's pages, laid out (padded to an even count), and the sidebar that goes on the first. */
export interface TocContext {
  toc: HTMLElement;
  sidebarHtml: string;
  /** Words of TOC titles kept whole on the next line (filled by mend-toc-title-breaks). */
  wordsMoved?: number;
}

export const TOC_STAGES: ReadonlyArray<PrintStage<TocContext>> = [
  // A title's line may end inside a word (城市体检工/作): keep the word whole where that costs no line.
  { name: 'mend-toc-title-breaks', run: (ctx) => void (ctx.wordsMoved = mendTocTitleBreaks(ctx.toc)) },
  // The editorial sidebar is placed on the first TOC page's sheet, outside the flow (it takes no lines).
  {
    name: 'place-sidebar',
    run: ({ toc, sidebarHtml }) => placeSidebar(toc.querySelector<HTMLElement>(':scope .pagedjs_page') ?? undefined, sidebarHtml),
  },
];

/** The body pages of the whole job in their final order, and what is read from them for the page map. */
export interface PageMapContext {
  pages: HTMLElement[];
  /** Printed number of the body page at `index`. */
  numberOf: (index: number) => number;
  /** document id -> page it starts on (filled by document-pages). */
  documents?: Record<string, number>;
  /** heading / title block / table id -> first page it is on (filled by anchor-pages). */
  anchors?: Record<string, number>;
}

export const PAGE_MAP_STAGES: ReadonlyArray<PrintStage<PageMapContext>> = [
  // The TOC, the PDF outline and the DOCX TOC take each document's first page (not a continuation's).
  { name: 'document-pages', run: (ctx) => void (ctx.documents = documentPages(ctx.pages, ctx.numberOf)) },
  // Headings and tables for the outline and cross references.
  { name: 'anchor-pages', run: (ctx) => void (ctx.anchors = anchorPages(ctx.pages, ctx.numberOf)) },
];
