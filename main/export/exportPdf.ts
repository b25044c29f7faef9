/**
 * exportIssuePdf: issue -> print page (Paged.js) -> PDF -> post-processing -> file, plus the page map.
 * Units whose layout is cached are not laid out again, and pages whose key is unchanged since the last
 * print of the issue are not printed again (pageReuse.ts); the page map is stored in the library so
 * `gazette toc` and the app can show page numbers.
 */
import { PDFDocument } from 'pdf-lib';
import { cumulativeLabel, issueLabel, tocTitle, type IssueTree } from '../../common/model';
import { issueJob, type LayoutResult, type PageMap } from '../../common/render/printJob';
import type { HtmlOptions } from '../../common/render/toHtml';
import { untitledTocWarnings } from '../../common/render/toHtmlFront';
import { layoutKeyOf, sourceKeyOf } from '../../common/render/layoutKey';
import { ChromiumEngine } from './chromium';
import { printImages, type AssetSource } from './images';
import type { PrintEngine } from './engine';
import { LayoutCache } from './layoutCache';
import { writeFileAtomic } from './outputFile';
import type { PageKeys } from './pageScripts';
import { PrintMemory, RememberedPrint, pageRangesText, planReuse } from './pageReuse';
import { postProcessPdf, type OutlineEntry } from './pdfPost';

/** The part of the library this module needs (main/store's Library satisfies it). */
export interface PageMapStore extends AssetSource {
  issues: { getTree(issueId: string): IssueTree };
  pageMaps: { set(issueId: string, layout: { pageCount: number; layoutHash: string; pages: Record<string, number>; compactTables?: string[] }): void };
}

export interface ExportPdfOptions {
  pdfPath: string;
  engine?: PrintEngine;
  cache?: LayoutCache;
  /** Override the issue's settings for this export. */
  bleed?: boolean;
  padToMultipleOf4?: boolean;
  /** Per-unit layout time limit. */
  timeoutMs?: number;
  /** How toHtml resolves images (exportIssuePdf: data: URLs of the library's assets). */
  html?: HtmlOptions;
  /**
   * Earlier prints whose unchanged pages are reused (only changed pages are printed again). Default: the
   * memory that goes with `cache` (so a fresh layout cache also means a full print); false: never reuse.
   */
  printMemory?: PrintMemory | false;
  /**
   * A tagged PDF (structure tree in reading order, artifacts for heads and folios). Printed whole: pages
   * copied from an earlier print would not belong to the new structure tree.
   */
  tagged?: boolean;
  /**
   * Told when the export moves on to printing, to joining printed batches (or earlier and new pages), and
   * to post-processing (the scale bench's memory and CPU per stage).
   */
  onStage?: (stage: 'print' | 'merge' | 'post') => void;
}

export interface ExportTimings {
  layoutMs: number;
  /** Page keys and printing (all pages, or only the changed ones). */
  printMs: number;
  /** Assembling reused pages, post-processing and writing the file. */
  postMs: number;
  /** Pages Chromium printed in this export. */
  printedPages: number;
  /** Pages copied from an earlier print of the same layout. */
  reusedPages: number;
  /** Why every page was printed (absent when pages were reused). */
  fullPrintReason?: string;
}

export interface ExportPdfResult {
  pdfPath: string;
  /** Physical pages in the PDF. */
  pages: number;
  pageMap: PageMap;
  layout: LayoutResult;
  /** common/render/layoutKey.ts sourceKeyOf: same key => same pages (stored with the page map). */
  sourceKey: string;
  /** common/render/layoutKey.ts layoutKeyOf of the job: same key => same laid-out pages (issue PDF reuse). */
  layoutKey: string;
  /** The print settings this PDF was made with (bleed and padding change the file). */
  print: { bleed: boolean; padToMultipleOf4: boolean; tagged: boolean };
  /** Units laid out in this export, units taken from the layout cache, and every unit's hash. */
  units: { laidOut: number; cached: number; hashes: string[] };
  timings: ExportTimings;
  /** For the user: images missing from the library (printed as placeholders) or scaled down to fit the type area. */
  warnings: string[];
}

/** One bookmark per TOC entry: section order, then document order. */
export function outlineFromTree(tree: IssueTree, pageMap: PageMap): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (const section of tree.sections) {
    for (const doc of section.documents) {
      const page = pageMap.documents[doc.id];
      if (page === undefined) continue;
      const title = tocTitle(doc);
      entries.push({ title: doc.docNumber ? `${title}（${doc.docNumber}）` : title, pageIndex: pageMap.frontPages + page - 1 });
    }
  }
  return entries;
}

const memoryOfCache = new WeakMap<LayoutCache, PrintMemory>();

/** The print memory that lives as long as a layout cache. */
export function printMemoryFor(cache: LayoutCache): PrintMemory {
  let memory = memoryOfCache.get(cache);
  if (!memory) memoryOfCache.set(cache, (memory = new PrintMemory()));
  return memory;
}

export interface RawPrint {
  /** Chromium's PDF, or the document assembled from earlier and new pages. */
  raw: Uint8Array | PDFDocument;
  printedPages: number;
  reusedPages: number;
  fullPrintReason?: string;
  /** Time spent assembling the PDF from earlier and new pages (reported with post-processing). */
  assembleMs: number;
}

/**
 * A full print of more pages than this goes in batches of this many (each printed alone, as in a partial
 * print, then joined with pdf-lib): Chromium's memory grows with the pages it prints at once (687 pages at
 * once took the process tree from 0.78 to 1.58 GB). At 676 pages, batches of 120 peaked at 1.70 GB for the
 * tree and batches of 60 at 1.48 GB (budget 1.5 GB), so 60.
 */
export const PRINT_BATCH_PAGES = batchPagesFrom(process.env.GAZETTE_PRINT_BATCH_PAGES) ?? 60;

/** GAZETTE_PRINT_BATCH_PAGES (for measuring): a whole number of pages from 20 on, else the default. */
function batchPagesFrom(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 20 ? n : undefined;
}

/** Print every page, in batches when there are many; the batches are joined into one document. */
async function printEveryPage(
  engine: PrintEngine,
  totalPages: number,
  tagged = false,
  onMerge?: () => void,
): Promise<{ raw: Uint8Array | PDFDocument; batches?: Array<{ raw: Uint8Array; pages: number }>; assembleMs: number }> {
  // A tagged PDF is printed in one piece: joined batches would not share one structure tree.
  if (tagged) return { raw: await engine.printPdf({ tagged }), assembleMs: 0 };
  if (totalPages <= PRINT_BATCH_PAGES * 1.5) return { raw: await engine.printPdf(), assembleMs: 0 };
  const batches: Array<{ raw: Uint8Array; pages: number }> = [];
  for (let start = 0; start < totalPages; start += PRINT_BATCH_PAGES) {
    const pages = Array.from({ length: Math.min(PRINT_BATCH_PAGES, totalPages - start) }, (_, i) => start + i);
    batches.push({ raw: await engine.printPdf({ pages }), pages: pages.length });
  }
  onMerge?.();
  const started = performance.now();
  // The first batch is the document the others join (as a print in one piece is): copying it into an empty
  // document parsed and copied its pages and fonts once more for nothing.
  const loadBatch = async (batch: { raw: Uint8Array; pages: number }) => {
    const source = await PDFDocument.load(batch.raw, { updateMetadata: false });
    if (source.getPageCount() !== batch.pages) throw new Error(`a print batch has ${source.getPageCount()} of its ${batch.pages} pages`);
    return source;
  };
  const joined = await loadBatch(batches[0]);
  for (const batch of batches.slice(1)) {
    const source = await loadBatch(batch);
    for (const page of await joined.copyPages(source, source.getPageIndices())) joined.addPage(page);
  }
  return { raw: joined, batches, assembleMs: performance.now() - started };
}

/**
 * Print the laid-out issue: only the pages whose key changed since the last print of this issue when
 * that is worth it, else everything. The optimisation never fails an export: any problem prints all.
 */
export async function printIssue(
  engine: PrintEngine,
  memory: PrintMemory | undefined,
  issueId: string,
  totalPages: number,
  tagged = false,
  onMerge?: () => void,
): Promise<RawPrint> {
  const printAll = async (reason: string, keys?: PageKeys): Promise<RawPrint> => {
    const { raw, batches, assembleMs } = await printEveryPage(engine, totalPages, tagged, onMerge);
    // Checked against the PDF's page count when it is first reused (parsing it now would cost every export).
    if (memory && keys) {
      try {
        memory.set(issueId, batches ? RememberedPrint.ofBatches(keys, batches) : RememberedPrint.ofFullPrint(keys, raw as Uint8Array));
      } catch {
        memory.forget(issueId);
      }
    }
    return { raw, printedPages: totalPages, reusedPages: 0, fullPrintReason: reason, assembleMs };
  };
  // A tagged print is not remembered either: later partial prints are untagged.
  if (tagged) return printAll('tagged PDF: pages are not reused (copied pages would not be in the structure tree)');
  if (!memory) return printAll('page reuse off');
  let keys: PageKeys;
  try {
    keys = await engine.pageKeys();
  } catch (error) {
    memory.forget(issueId);
    return printAll(`page keys failed: ${(error as Error).message}`);
  }
  const previous = memory.get(issueId);
  const plan = planReuse(previous?.keys, keys, previous?.sourceCount);
  if (plan.mode === 'full' || !previous) return printAll(plan.mode === 'full' ? plan.reason : 'no earlier print', keys);
  try {
    const partial = plan.changed.length ? await engine.printPdf({ pages: plan.changed }) : undefined;
    onMerge?.();
    const started = performance.now();
    const { pdf, next } = await previous.merge(keys, plan.changed, partial);
    memory.set(issueId, next);
    const assembleMs = performance.now() - started;
    return { raw: pdf, printedPages: plan.changed.length, reusedPages: keys.pageKeys.length - plan.changed.length, assembleMs };
  } catch (error) {
    memory.forget(issueId);
    return printAll(`partial print of pages ${pageRangesText(plan.changed)} failed: ${(error as Error).message}`, keys);
  }
}

export async function exportTreePdf(tree: IssueTree, opts: ExportPdfOptions): Promise<ExportPdfResult> {
  const engine = opts.engine ?? (await ChromiumEngine.launch());
  const cache = opts.cache ?? new LayoutCache();
  try {
    const job = issueJob(tree, (hash) => cache.get(hash), opts.html);
    const layoutKey = layoutKeyOf(job);
    const cachedUnits = job.units.filter((u) => u.cachedPages !== undefined).length;
    if (opts.timeoutMs) job.timeoutMs = opts.timeoutMs;
    const t0 = performance.now();
    const layout = await engine.layout(job);
    for (const unit of layout.laidOut) cache.set(unit.hash, unit.pagesHtml);
    const t1 = performance.now();
    opts.onStage?.('print');
    const memory = opts.printMemory === false ? undefined : (opts.printMemory ?? printMemoryFor(cache));
    const printed = await printIssue(engine, memory, tree.issue.id, layout.pages, opts.tagged, () => opts.onStage?.('merge'));
    const t2 = performance.now();
    opts.onStage?.('post');
    const { issue } = tree;
    const print = { bleed: opts.bleed ?? issue.settings.bleed, padToMultipleOf4: opts.padToMultipleOf4 ?? issue.settings.padToMultipleOf4, tagged: opts.tagged === true };
    const pdf = await postProcessPdf(printed.raw, {
      title: `${issue.journalName} ${issueLabel(issue)}`,
      subject: `${issue.journalName} ${issueLabel(issue)}（${cumulativeLabel(issue.cumulativeNumber)}）`,
      date: issue.date,
      outline: outlineFromTree(tree, layout.pageMap),
      frontLabels: ['封面', '封二'].slice(0, layout.pageMap.frontPages),
      bleed: print.bleed,
      padToMultipleOf4: print.padToMultipleOf4,
      tagged: opts.tagged,
    });
    await writeFileAtomic(opts.pdfPath, pdf);
    const t3 = performance.now();
    return {
      pdfPath: opts.pdfPath,
      pages: layout.pages,
      pageMap: layout.pageMap,
      layout,
      warnings: [],
      sourceKey: sourceKeyOf(tree),
      layoutKey,
      print,
      units: { laidOut: job.units.length - cachedUnits, cached: cachedUnits, hashes: job.units.map((u) => u.hash) },
      timings: {
        layoutMs: Math.round(t1 - t0),
        printMs: Math.round(t2 - t1 - printed.assembleMs),
        postMs: Math.round(t3 - t2 + printed.assembleMs),
        printedPages: printed.printedPages,
        reusedPages: printed.reusedPages,
        ...(printed.fullPrintReason ? { fullPrintReason: printed.fullPrintReason } : {}),
      },
    };
  } finally {
    if (!opts.engine) await engine.close();
  }
}

/** Export an issue from the library and store its page map there. */
export async function exportIssuePdf(library: PageMapStore, issueId: string, opts: ExportPdfOptions): Promise<ExportPdfResult> {
  const tree = library.issues.getTree(issueId);
  const images = printImages(library, tree);
  const result = await exportTreePdf(tree, { ...opts, html: opts.html ?? images.html });
  result.warnings.push(...images.warnings, ...untitledTocWarnings(tree));
  library.pageMaps.set(issueId, {
    pageCount: result.pages,
    layoutHash: result.sourceKey,
    pages: result.pageMap.documents,
    compactTables: result.pageMap.compactTables,
  });
  return result;
}
