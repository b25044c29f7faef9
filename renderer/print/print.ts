/**
 * The print page: lays out an issue (or one unit, for the live preview) with Paged.js 0.4.3, the journal
 * stylesheet and our handlers, and exposes `window.gazettePrint.layout(job)`.
 *
 * Each pagination unit is laid out on its own (its own Paged.js flow into its own container), so a unit
 * whose hash is unchanged can be inserted from the caller's cache instead of laid out again. Page numbers,
 * running heads and the TOC are applied after all units are in place, from the final page order.
 */
import '../../resources/print/fonts.css';
import journalCss from '../../resources/print/journal.css?raw';
import { Chunker, Previewer, registerHandlers } from 'pagedjs';
import { tocHtml } from '../../common/render/toHtmlFront';
import { hashString } from '../../common/render/html';
import type { JobUnit, LaidOutUnit, LayoutJob, LayoutResult, PageMap } from '../../common/render/printJob';
import { SUPERSEDED } from '../../common/render/printProtocol';
import { documentPages } from './toc';
import { checkCellOverflow, checkOffPage, checkPageCount, checkRotatedClipping, compareText, contentText, locateCharacter, withTimeout } from './integrity';
import { PAGE_MAP_STAGES, TOC_STAGES } from './tocStages';
import { stageHarness, type StageHarness } from './stageHarness';
import { startPrintBridge } from './bridge';
import { loadFigureImages } from './figures';
import { FLOW_STAGES, ISSUE_STAGES, PAGED_HANDLERS, runStages, runUnitStages, UNIT_STAGES, unitContext } from './stages';

// The steps of a layout and their order are listed in stages.ts.
registerHandlers(...PAGED_HANDLERS);

// Paged.js loads every @font-face before each flow: with the CJK faces split into ~600 unicode-range
// subsets that costs seconds. We load only the subsets the content uses (primeFonts) before each flow.
Chunker.prototype.loadFonts = () => document.fonts.ready;

/**
 * Blocks (by hash of their HTML, their ancestors' start tags and the fonts mode) whose font subsets this page
 * has loaded already: loaded fonts stay, so content primed before is skipped (an engine exporting again, and
 * the live preview after an edit, which primes the edited blocks only instead of the whole document).
 */
const primed = new Set<string>();
/** How deep primeFonts looks for unchanged blocks (unit > document > region > block > row > cell). */
const PRIME_DEPTH = 6;
const MAX_PRIMED = 200_000;

function startTag(el: Element): string {
  return (el.cloneNode(false) as Element).outerHTML;
}

/**
 * Remove from `parent` the elements primed before; returns the keys of those kept (primed by this call).
 * Fonts depend on an element's content and the elements around it (their classes and attributes).
 */
function dropPrimed(parent: Element, context: string, depth: number, kept: string[]): void {
  for (const child of Array.from(parent.children)) {
    const key = hashString(`${context}\u0000${child.outerHTML}`);
    if (primed.has(key)) {
      child.remove();
      continue;
    }
    kept.push(key);
    if (depth < PRIME_DEPTH) dropPrimed(child, `${context}>${startTag(child)}`, depth + 1, kept);
  }
}

/**
 * Load, and wait for, the font subsets the text under `box` uses, face by face (its computed font and its
 * characters): `document.fonts.ready` only waits for loads Chromium has already started.
 */
async function loadFacesOf(box: HTMLElement): Promise<void> {
  const textByFont = new Map<string, Set<string>>();
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.trim() || !node.parentElement) continue;
    const style = getComputedStyle(node.parentElement);
    const font = `${style.fontStyle} ${style.fontWeight} 16px ${style.fontFamily}`;
    let chars = textByFont.get(font);
    if (!chars) textByFont.set(font, (chars = new Set()));
    for (const ch of text) chars.add(ch);
  }
  await Promise.all(Array.from(textByFont, ([font, chars]) => document.fonts.load(font, Array.from(chars).join('')).catch(() => [])));
}

/**
 * Lay the content out once off-screen so the font subsets it needs load, and wait for them. Only the parts
 * not primed before in this page are laid out.
 */
async function primeFonts(content: DocumentFragment | string): Promise<void> {
  const box = document.createElement('div');
  if (typeof content === 'string') box.innerHTML = content;
  else box.appendChild(content.cloneNode(true));
  const kept: string[] = [];
  dropPrimed(box, document.documentElement.className, 0, kept);
  const loose = Array.from(box.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
  if (kept.length === 0 && !loose) return;
  box.className = 'gz-body';
  box.style.cssText = 'position:absolute;left:-10000px;top:0;width:420pt;visibility:hidden;';
  document.body.appendChild(box);
  box.getBoundingClientRect();
  await loadFacesOf(box);
  await document.fonts.ready;
  box.remove();
  if (primed.size > MAX_PRIMED) primed.clear();
  for (const key of kept) primed.add(key);
}

/** The part of Paged.js's Chunker that stopping uses. */
interface Stoppable {
  stop(): void;
  render(...args: unknown[]): Promise<unknown>;
}

/**
 * The layout running now, for cancelLayout: the live preview stops a layout of text that changed meanwhile
 * rather than finish it before laying out the new text.
 */
let running: { cancelled: boolean; chunker?: Stoppable } | null = null;

/** Stop the running layout at its next step (page, flow or unit); it fails with SUPERSEDED. */
function cancelLayout(): void {
  if (!running) return;
  running.cancelled = true;
  const chunker = running.chunker;
  if (!chunker) return;
  // Paged.js 0.4.3 resumes a stopped flow (Chunker.flow renders again while the result says canceled): its
  // next render call ends the flow instead, with the pages made so far; the layout then fails.
  chunker.render = async () => ({ done: true });
  chunker.stop();
}

function throwIfCancelled(): void {
  if (running?.cancelled) throw new Error(SUPERSEDED);
}

const STYLESHEET = [{ 'journal.css': journalCss }];
const DEFAULT_TIMEOUT_MS = 120_000;

// The journal CSS without @page rules, live in the document, so blocks can be measured before pagination
// (wide tables) with the same fonts and sizes. Paged.js adds the processed copy including the @page rules.
const measureStyle = document.createElement('style');
measureStyle.textContent = journalCss.replace(/@page[^{]*\{[^}]*\}/g, '');
document.head.appendChild(measureStyle);

let stylesKept = false;
/** Cover and inside cover change rarely: keep their pages between layouts in this page. */
let frontCache: { source: string; pages: string } | null = null;
/** The TOC's pages for the same entries and page numbers (an edit that moves no page keeps them). */
let tocCache: { source: string; pages: string } | null = null;

/** Run one Paged.js flow of `content` into `container`; returns the page elements. */
async function paginate(content: DocumentFragment, container: HTMLElement, label: string, timeoutMs: number): Promise<HTMLElement[]> {
  // Paged.js appends a hyphen when it splits a word at a page end; CJK text takes no hyphen.
  const previewer = new Previewer({ hyphenGlyph: '\u200b' });
  if (running) running.chunker = (previewer as unknown as { chunker: Stoppable }).chunker;
  throwIfCancelled();
  const flow = await withTimeout(previewer.preview(content, STYLESHEET, container), timeoutMs, label);
  if (running) running.chunker = undefined;
  // Every flow inserts the same processed stylesheet; keep one copy.
  if (stylesKept) previewer.polisher.destroy();
  stylesKept = true;
  // A finished page keeps a ResizeObserver (and through it the flow's source content) for live reflow we do
  // not use: every observer is checked on every rendering step and fires when its page leaves the document.
  for (const page of flow.pages) page.removeListeners?.();
  throwIfCancelled();
  return flow.pages.map((p) => p.element);
}

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return document.importNode(template.content, true);
}

function pagesIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll(':scope .pagedjs_page')) as HTMLElement[];
}

async function layoutUnit(unit: JobUnit, container: HTMLElement, timeoutMs: number): Promise<LaidOutUnit | null> {
  container.dataset.unitId = unit.id;
  container.dataset.section = unit.sectionName;
  if (unit.cachedPages) {
    container.innerHTML = unit.cachedPages;
    return null;
  }
  const started = performance.now();
  const content = fragmentOf(unit.html);
  await primeFonts(content);
  await loadFigureImages(content);
  throwIfCancelled();
  const { sourceText, prepared, preparedText = '', flows = [] } = runStages(UNIT_STAGES, unitContext(unit.label, content));
  const pages: HTMLElement[] = [];
  for (const flow of flows) {
    const part = section('gz-flow');
    container.appendChild(part);
    const { pages: flowPages } = runStages(FLOW_STAGES, { pages: await paginate(flow, part, unit.label, timeoutMs) });
    pages.push(...flowPages);
  }
  const laid = pages.map((p) => contentText(p.querySelector('.pagedjs_page_content') ?? p)).join('');
  const problem =
    compareText(preparedText, laid, unit.label, (i) => (prepared ? locateCharacter(prepared, i) : '')) ??
    checkPageCount(pages, sourceText.length, unit.label) ??
    checkRotatedClipping(pages, unit.label) ??
    checkOffPage(pages, unit.label) ??
    checkCellOverflow(pages, unit.label);
  if (problem) throw new Error(problem.message);
  return { id: unit.id, hash: unit.hash, pages: pages.length, pagesHtml: container.innerHTML, ms: Math.round(performance.now() - started) };
}

function section(className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}

/** Pad the TOC to an even number of pages (so the first document is on a right-hand page). */
function padToEven(container: HTMLElement): void {
  const pages = pagesIn(container);
  if (pages.length % 2 === 0 || pages.length === 0) return;
  const blank = pages[pages.length - 1].cloneNode(true) as HTMLElement;
  blank.querySelector('.pagedjs_page_content > div')?.replaceChildren();
  blank.querySelector('.gz-toc-sidebar')?.remove();
  blank.id = '';
  pages[pages.length - 1].after(blank);
}

async function layout(job: LayoutJob): Promise<LayoutResult> {
  const me = { cancelled: false };
  running = me;
  try {
    return await layoutJob(job);
  } finally {
    if (running === me) running = null;
  }
}

async function layoutJob(job: LayoutJob): Promise<LayoutResult> {
  const started = performance.now();
  const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  document.documentElement.classList.toggle('gz-office', job.fonts === 'office');
  const root = document.getElementById('gz-root')!;
  root.replaceChildren();
  const front = section('gz-front');
  const toc = section('gz-toc-pages');
  root.append(front, toc);

  const laidOut: LaidOutUnit[] = [];
  // A unit is laid out in the document (Paged.js measures), then kept as HTML until all are done: pages left
  // in the document were restyled whenever a flow added or dropped its stylesheet (a 700-page issue took
  // 2.2× as long per page as a 60-page one), and pages kept as detached DOM still weigh on every garbage
  // collection and on memory. The units come back from their HTML, as cached units always have.
  const unitHtml: string[] = [];
  for (const unit of job.units) {
    if (unit.cachedPages !== undefined) {
      unitHtml.push(unit.cachedPages);
      continue;
    }
    const container = section('gz-body');
    root.appendChild(container);
    const result = await layoutUnit(unit, container, timeoutMs);
    unitHtml.push(result ? result.pagesHtml : container.innerHTML);
    container.remove();
    container.replaceChildren();
    if (result) laidOut.push(result);
  }
  const unitContainers = job.units.map((unit, u) => {
    const container = section('gz-body');
    container.dataset.unitId = unit.id;
    container.dataset.section = unit.sectionName;
    container.innerHTML = unitHtml[u];
    return container;
  });
  unitHtml.length = 0;

  const bodyPages = unitContainers.map(pagesIn);
  let frontPages = 0;
  let tocPages = 0;
  const numberOf = (index: number) => (job.front ? tocPages : (job.pageOffset ?? 1) - 1) + 1 + index;
  const flatBody = bodyPages.flat();

  if (job.front) {
    const frontHtml = job.front.coverHtml + job.front.insideCoverHtml;
    if (frontCache?.source === frontHtml) front.innerHTML = frontCache.pages;
    else {
      await primeFonts(frontHtml);
      await paginate(fragmentOf(frontHtml), front, '封面', timeoutMs);
      frontCache = { source: frontHtml, pages: front.innerHTML };
    }
    frontPages = pagesIn(front).length;
    // The TOC needs page numbers, which depend on its own length: lay it out until the length is stable.
    tocPages = 2;
    for (let attempt = 0; attempt < 3; attempt++) {
      toc.replaceChildren();
      const source = tocHtml(job.front.toc, documentPages(flatBody, numberOf));
      if (tocCache?.source === source) toc.innerHTML = tocCache.pages;
      else {
        await primeFonts(job.front.sidebarHtml + source);
        await paginate(fragmentOf(source), toc, '目录', timeoutMs);
        padToEven(toc);
        tocCache = { source, pages: toc.innerHTML };
      }
      const actual = pagesIn(toc).length;
      if (actual === tocPages) break;
      tocPages = actual;
    }
    runStages(TOC_STAGES, { toc, sidebarHtml: job.front.sidebarHtml });
  }

  // Running heads and folios on body pages only, from the final order.
  const units: PageMap['units'] = {};
  let index = 0;
  job.units.forEach((unit, u) => {
    units[unit.id] = { first: numberOf(index), count: bodyPages[u].length };
    index += bodyPages[u].length;
  });
  runStages(ISSUE_STAGES, {
    units: job.units.map((unit, u) => ({ sectionName: unit.sectionName, pages: bodyPages[u] })),
    evenHead: job.evenHead,
    numberOf,
  });
  root.append(...unitContainers);
  // Pages reused from an earlier layout (the layout cache: another export, another Chromium) were never
  // primed in this page: without their faces loaded, they printed 楷体 lead-ins in 宋体 and titles with
  // empty boxes (国家职业教育改☐实☐方案).
  if (job.units.some((unit) => unit.cachedPages)) {
    await loadFacesOf(root);
    await document.fonts.ready;
  }

  const { documents = {}, anchors = {} } = runStages(PAGE_MAP_STAGES, { pages: flatBody, numberOf });
  const pageMap: PageMap = {
    documents,
    units,
    anchors,
    frontPages,
    tocPages,
    totalPages: frontPages + tocPages + flatBody.length,
    // The DOCX export sets the same tables compact (continued pieces of a table carry no id).
    compactTables: Array.from(root.querySelectorAll('.gz-body table.gz-table--compact[id]'), (table) => table.id),
  };
  return { pages: pageMap.totalPages, pageMap, laidOut, ms: Math.round(performance.now() - started) };
}

declare global {
  interface Window {
    gazettePrint: { layout(job: LayoutJob): Promise<LayoutResult>; runUnitStages: typeof runUnitStages; stageHarness: StageHarness; ready: boolean };
  }
}

window.gazettePrint = { layout, runUnitStages, stageHarness: stageHarness(paginate, primeFonts), ready: true };
// The app's live preview frames this page from another site and drives it by postMessage.
startPrintBridge(layout, cancelLayout);
