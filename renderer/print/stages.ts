/**
 * The print page's steps, in order, in one place. Each is a named stage with one `run(ctx)` (before or
 * after pagination) or a Paged.js handler class (during pagination, registered in this order). The
 * modules named here hold the work; this list says when it happens. tests/print-stages.test.ts runs each
 * stage on its own fixture (tests/fixtures/print-stages/NAME.html) in Chromium, through `runStage` below.
 *
 *   (before them)   the pictures decode (figures.ts loadFigureImages: their pixel size is known)
 *   unit stages     fit-figures → rotate-wide-tables → break-wide-runs → split-tables → split-column-tables → snap-spanning-blocks
 *                   → check-prepared-text → region-flows
 *   Paged.js        RepeatTableHeaders, RegionColumns, KeepWidows, SpanningBreaks, ExactTextBreaks,
 *                   DocumentBoundaryBreaks (one flow per region run)
 *   flow stages     drop-empty-pages → balance-columns (on each flow's pages: the closing page's columns
 *                   set equally long)
 *   issue stage     running-heads (on the body pages, in their final order)
 *   TOC, page map   renderer/print/tocStages.ts: mend-toc-title-breaks → place-sidebar; document-pages
 *                   → anchor-pages (tests/print-stages-pages.test.ts runs handlers and these on fixtures)
 */
import { rotateWideTables } from './rotateTables';
import { breakUprightWideRuns } from './wideRuns';
import { splitTables } from './splitTables';
import { splitColumnTables } from './columnTables';
import { dropEmptyPages } from './emptyPages';
import { snapSpanningBlocks } from './gridSnap';
import { regionFlows } from './flows';
import { contentText, sameCharacters } from './integrity';
import { applyRunningHead } from './runningHeads';
import { balanceColumns } from './balanceColumns';
import { RepeatTableHeaders } from './tableHeaders';
import { RegionColumns } from './regions';
import { ExactTextBreaks } from './textBreaks';
import { fitFigures, loadFigureImages } from './figures';
import { ENDS_EARLY_CLASS, SpanningBreaks } from './spanningBreaks';
import { DocumentBoundaryBreaks } from './documentBreaks';
import { KeepWidows, keepClosingWidow } from './widows';

export interface PrintStage<C> {
  /** Kebab-case; also the name of the stage's fixture. */
  readonly name: string;
  run(ctx: C): void;
}

/** One pagination unit's content before Paged.js sees it. */
export interface UnitContext {
  /** For messages: the unit's label (a document title, 附件…). */
  label: string;
  content: DocumentFragment;
  /** The content's text before any stage ran (integrity: preparing must lose no character). */
  sourceText: string;
  /** A copy of the content after the preparing stages, and its text (filled by check-prepared-text). */
  prepared?: HTMLElement;
  preparedText?: string;
  /** The Paged.js flows the unit is laid out as (filled by region-flows). */
  flows?: DocumentFragment[];
}

function copyOf(content: DocumentFragment): HTMLElement {
  const box = document.createElement('div');
  box.appendChild(content.cloneNode(true));
  return box;
}

export function unitContext(label: string, content: DocumentFragment): UnitContext {
  return { label, content, sourceText: contentText(copyOf(content)) };
}

export const UNIT_STAGES: ReadonlyArray<PrintStage<UnitContext>> = [
  // Pictures get their printed size (at most the type area, scaled whole), before any block is measured.
  { name: 'fit-figures', run: (ctx) => void fitFigures(ctx.content) },
  // Tables wider than the type area get landscape pages of their own (measured with the journal CSS).
  { name: 'rotate-wide-tables', run: (ctx) => void rotateWideTables(ctx.content) },
  // No-break runs wider than their column in upright tables are let break, before rows are measured.
  { name: 'break-wide-runs', run: (ctx) => void breakUprightWideRuns(ctx.content) },
  // Tables taller than a page are cut into page-sized pieces, rows split where a page ends.
  { name: 'split-tables', run: (ctx) => void splitTables(ctx.content) },
  // Tables flowing in the text columns get their tall rows split to column-sized parts.
  { name: 'split-column-tables', run: (ctx) => void splitColumnTables(ctx.content) },
  // Spanning blocks in two-column regions take whole 17.5 pt grid lines, so column text stays on the grid.
  { name: 'snap-spanning-blocks', run: (ctx) => void snapSpanningBlocks(ctx.content) },
  {
    // Rows split across pages reorder a row's text (the first part of every cell, then the rest), so the
    // prepared content must hold the same characters as the source; the laid-out text is compared to it.
    name: 'check-prepared-text',
    run: (ctx) => {
      ctx.prepared = copyOf(ctx.content);
      ctx.preparedText = contentText(ctx.prepared);
      const lost = sameCharacters(ctx.sourceText, ctx.preparedText, ctx.label);
      if (lost) throw new Error(lost.message);
    },
  },
  // A region that starts on a new page (an attachment) starts a new Paged.js flow.
  { name: 'region-flows', run: (ctx) => void (ctx.flows = regionFlows(ctx.content)) },
];

/**
 * Paged.js handlers, registered once in this order (each hooks into the flow as it paginates). Of two
 * onOverflow hooks that move the overflow the later wins: SpanningBreaks over KeepWidows.
 */
export const PAGED_HANDLERS = [RepeatTableHeaders, RegionColumns, KeepWidows, SpanningBreaks, ExactTextBreaks, DocumentBoundaryBreaks] as const;

/** The pages of one flow, just paginated. */
export interface FlowContext {
  pages: HTMLElement[];
}

/** Does the page begin with a block that forced a page break (an attachment, a rotated table)? */
function startsWithForcedBreak(page: HTMLElement): boolean {
  const wrapper = page.querySelector('.pagedjs_page_content > div');
  const forced = wrapper?.querySelector('[data-break-before="page"], .gz-rot-page');
  if (!wrapper || !forced) return false;
  const range = document.createRange();
  range.setStart(wrapper, 0);
  range.setEndBefore(forced);
  return range.toString().trim() === '';
}

export const FLOW_STAGES: ReadonlyArray<PrintStage<FlowContext>> = [
  // Paged.js sometimes adds a blank page at a forced break; the journal never prints one inside a document.
  { name: 'drop-empty-pages', run: (ctx) => void (ctx.pages = dropEmptyPages(ctx.pages)) },
  {
    // Balance the columns on the last page of each flow (document part), before each forced page break
    // and on a page that ends early because a block across both columns went to the next page.
    name: 'balance-columns',
    run: ({ pages }) =>
      pages.forEach((page, i) => {
        const next = pages[i + 1];
        if (!next || startsWithForcedBreak(next) || page.classList.contains(ENDS_EARLY_CLASS)) {
          page.classList.add('gz-balance');
          balanceColumns(page);
          // Balanced, a two-line paragraph alone on the page is set one line per column: keep it whole.
          keepClosingWidow(page);
        }
      }),
  },
];

/** The body pages of the whole job in their final order, with the page numbers they print. */
export interface IssueContext {
  units: Array<{ sectionName: string; pages: HTMLElement[] }>;
  evenHead: string;
  /** Printed number of the body page at `index` (0 = first body page). */
  numberOf: (index: number) => number;
}

export const ISSUE_STAGES: ReadonlyArray<PrintStage<IssueContext>> = [
  {
    // Running heads and folios as literal strings, from the final order (cached units are renumbered).
    name: 'running-heads',
    run: ({ units, evenHead, numberOf }) => {
      let index = 0;
      for (const unit of units) {
        for (const page of unit.pages) applyRunningHead(page, { number: numberOf(index++), sectionName: unit.sectionName, evenHead });
      }
    },
  },
];

export function runStages<C>(stages: ReadonlyArray<PrintStage<C>>, ctx: C): C {
  for (const stage of stages) stage.run(ctx);
  return ctx;
}

/**
 * For tests: run the named unit stages (in the given order) on `html` (a unit's content) in this page and
 * return the content after them, with what they filled in. Content is measured in the document, as in a layout.
 */
export async function runUnitStages(names: string[], html: string): Promise<{ html: string; flows: string[]; sourceText: string; preparedText?: string }> {
  const template = document.createElement('template');
  template.innerHTML = html;
  const ctx = unitContext(names.join('+'), document.importNode(template.content, true));
  await loadFigureImages(ctx.content);
  for (const name of names) {
    const stage = UNIT_STAGES.find((s) => s.name === name);
    if (!stage) throw new Error(`no unit stage named ${name}`);
    stage.run(ctx);
  }
  const box = copyOf(ctx.content);
  const flows = (ctx.flows ?? []).map((f) => {
    const b = document.createElement('div');
    b.appendChild(f);
    return b.innerHTML;
  });
  return { html: box.innerHTML, flows, sourceText: ctx.sourceText, preparedText: ctx.preparedText };
}
