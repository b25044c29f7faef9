/**
 * The year's work: the 年度总目录 (index of every document of a year's issues, with 期 and 页) as PDF and
 * DOCX, and the 合订本 (the year's issues bound in order behind the index, each keeping its own covers
 * and folios, with an outline year -> issue -> document).
 *
 * What earlier work is reused, and when it is still valid (common/render/layoutKey.ts decides):
 *   - page numbers: the issue's stored page map, when its source key equals the issue's as it is now;
 *   - laid-out units: the layout cache on disk beside the library (`cache/layout/`), which every export
 *     of the app and the CLI fills too (main/export/issueCache.ts);
 *   - printed issues: the PDF of each issue's last export or last volume (`cache/issues/<id>.pdf`), under
 *     the same print key (layout key and print settings). Only what is not valid any more is laid out and
 *     printed again; both caches are pruned after a volume.
 * Progress is reported per issue and page; an AbortSignal cancels between units and issues.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFDict, type PDFPage, type PDFRef } from 'pdf-lib';
import { cumulativeLabel, issueLabel as issueLabelOf, type IssueTree } from '../../common/model';
import { layoutKeyOf, sourceKeyOf } from '../../common/render/layoutKey';
import { issueJob, type LayoutJob } from '../../common/render/printJob';
import type { HtmlOptions } from '../../common/render/toHtml';
import { buildYearIndex, issueRangeLabel, yearIndexHtml, yearIndexTitle, type IndexedIssue, type YearIndex, type YearIndexOptions } from '../../common/render/yearIndex';
import { yearIndexDocx } from '../../common/render/yearIndexDocx';
import { hashString } from '../../common/render/html';
import { ChromiumEngine } from './chromium';
import type { PrintEngine } from './engine';
import { exportTreePdf, outlineFromTree } from './exportPdf';
import type { LayoutCache } from './layoutCache';
import { printImages, type AssetSource } from './images';
import { IssuePdfCache, keepIssuePdf, LayoutCaches, libraryCacheDir, printKeyOf } from './issueCache';
import { AppError } from '../../common/errors';
import { checkOutputFile, writeFileAtomic } from './outputFile';

/** The part of the library this module needs (main/store's Library satisfies it). */
export interface VolumeStore extends AssetSource {
  file: string;
  issues: {
    list(): Array<{ id: string; year: number; number: number; cumulativeNumber: number }>;
    getTree(issueId: string): IssueTree;
  };
  pageMaps: {
    get(issueId: string): { pageCount: number | null; layoutHash: string | null; pages: Record<string, number> };
    set(issueId: string, layout: { pageCount: number; layoutHash: string; pages: Record<string, number>; compactTables?: string[] }): void;
  };
}

/** Which issues: a whole year, or a range of (year, number) inclusive. */
export type IssueRange = { year: number } | { from: { year: number; number: number }; to: { year: number; number: number } };

export type VolumeStage = 'layout' | 'print' | 'reuse' | 'index' | 'bind' | 'done';

export interface VolumeProgress {
  stage: VolumeStage;
  /** 1-based position of the issue being worked on, and how many issues there are. */
  issue?: number;
  issues: number;
  /** 2024年第3期 */
  label?: string;
  /** Pages of this issue laid out so far (layout), or its page count (print, reuse). */
  pages?: number;
  /** Pages of the volume known so far. */
  totalPages?: number;
}

export interface VolumeOptions extends YearIndexOptions {
  engine?: PrintEngine;
  signal?: AbortSignal;
  onProgress?: (p: VolumeProgress) => void;
  /** Where reusable layouts and issue PDFs live; default `cache/` beside the library (none for :memory:). */
  cacheDir?: string | null;
  /** The host's layout caches (PrintService.layoutCaches), whose memory outlives this job; default: this job's. */
  layoutCaches?: LayoutCaches;
  timeoutMs?: number;
}

export class VolumeCancelled extends Error {
  constructor() {
    super('已取消 (cancelled)');
    this.name = 'VolumeCancelled';
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VolumeCancelled();
}

const inRange = (range: IssueRange, i: { year: number; number: number }) => {
  if ('year' in range) return i.year === range.year;
  const at = i.year * 1000 + i.number;
  return at >= range.from.year * 1000 + range.from.number && at <= range.to.year * 1000 + range.to.number;
};

/** The issues of a range in publication order (oldest first). */
export function issuesInRange(library: VolumeStore, range: IssueRange): Array<{ id: string; year: number; number: number; cumulativeNumber: number }> {
  return library.issues
    .list()
    .filter((i) => inRange(range, i))
    .sort((a, b) => a.year - b.year || a.number - b.number || a.cumulativeNumber - b.cumulativeNumber);
}

export function rangeLabel(range: IssueRange): string {
  return 'year' in range ? `${range.year}年` : `${range.from.year}年第${range.from.number}期至${range.to.year}年第${range.to.number}期`;
}

const issueLabel = (tree: IssueTree) => issueLabelOf(tree.issue);

/** An issue laid out (and, for the volume, printed): its tree, page map and maybe its PDF. */
interface IssueWork {
  tree: IssueTree;
  pages: Record<string, number>;
  frontPages: number;
  totalPages: number;
  pdf?: Uint8Array;
  /** The PDF came from the last volume. */
  reused?: boolean;
}

interface Session {
  library: VolumeStore;
  /** The print engine, started on first use (an index from valid page maps needs none until it prints). */
  engine(): Promise<PrintEngine>;
  cache: LayoutCache;
  opts: VolumeOptions;
  issues: number;
  totalPages: number;
  /** Units laid out by this job, and units taken from the layout cache (of issues not reused whole). */
  units: { laidOut: number; cached: number };
  /** Hashes of the units this job used: kept when the cache is pruned. */
  usedUnits: Set<string>;
}

/** Lay out the units of an issue that are not cached, one at a time (progress by page, cancel between). */
async function layOutPending(s: Session, job: LayoutJob, position: number, label: string): Promise<void> {
  let pages = 0;
  for (const unit of job.units) s.usedUnits.add(unit.hash);
  s.units.cached += job.units.filter((u) => u.cachedPages !== undefined).length;
  for (const unit of job.units.filter((u) => !u.cachedPages)) {
    checkAbort(s.opts.signal);
    const result = await (await s.engine()).layout({ units: [unit], evenHead: job.evenHead, fonts: job.fonts, ...(s.opts.timeoutMs ? { timeoutMs: s.opts.timeoutMs } : {}) });
    for (const laid of result.laidOut) s.cache.set(laid.hash, laid.pagesHtml);
    s.units.laidOut += result.laidOut.length;
    pages += result.pages;
    s.opts.onProgress?.({ stage: 'layout', issue: position, issues: s.issues, label, pages, totalPages: s.totalPages + pages });
  }
}

/** The issue's print job with its images, its units from the layout cache where there. */
function jobOf(s: Session, tree: IssueTree): { job: LayoutJob; html: HtmlOptions } {
  const { html } = printImages(s.library, tree);
  return { job: issueJob(tree, (hash) => s.cache.get(hash), html), html };
}

/** Page numbers of an issue: the stored page map when still valid, else a fresh layout (stored). */
async function pagesOfIssue(s: Session, tree: IssueTree, position: number): Promise<IssueWork> {
  const key = sourceKeyOf(tree);
  const stored = s.library.pageMaps.get(tree.issue.id);
  const label = issueLabel(tree);
  if (stored.layoutHash === key && stored.pageCount) {
    s.opts.onProgress?.({ stage: 'reuse', issue: position, issues: s.issues, label, pages: stored.pageCount, totalPages: (s.totalPages += stored.pageCount) });
    return { tree, pages: stored.pages, frontPages: 2, totalPages: stored.pageCount };
  }
  await layOutPending(s, jobOf(s, tree).job, position, label);
  checkAbort(s.opts.signal);
  const layout = await (await s.engine()).layout(jobOf(s, tree).job);
  s.library.pageMaps.set(tree.issue.id, { pageCount: layout.pages, layoutHash: key, pages: layout.pageMap.documents, compactTables: layout.pageMap.compactTables });
  s.totalPages += layout.pages;
  return { tree, pages: layout.pageMap.documents, frontPages: layout.pageMap.frontPages, totalPages: layout.pages };
}

/**
 * An issue's printed PDF: the one its last export (or the last volume) printed when still valid, else laid
 * out (units unchanged since then come from the layout cache) and printed now, and kept for next time.
 */
async function printedIssue(s: Session, pdfCache: IssuePdfCache, tree: IssueTree, position: number, scratch: string): Promise<IssueWork> {
  const { job, html } = jobOf(s, tree);
  // A volume binds issues printed without bleed, padded as the issue's settings say (as a plain export does).
  const key = printKeyOf(layoutKeyOf(job), { bleed: false, padToMultipleOf4: tree.issue.settings.padToMultipleOf4 });
  const label = issueLabel(tree);
  const hit = pdfCache.get(tree.issue.id, key);
  if (hit) {
    for (const unit of job.units) s.usedUnits.add(unit.hash);
    s.opts.onProgress?.({ stage: 'reuse', issue: position, issues: s.issues, label, pages: hit.totalPages, totalPages: (s.totalPages += hit.totalPages) });
    return { tree, pages: hit.pages, frontPages: hit.frontPages, totalPages: hit.totalPages, pdf: hit.pdf, reused: true };
  }
  await layOutPending(s, job, position, label);
  checkAbort(s.opts.signal);
  s.opts.onProgress?.({ stage: 'print', issue: position, issues: s.issues, label, totalPages: s.totalPages });
  const pdfPath = path.join(scratch, `${tree.issue.id}.pdf`);
  const result = await exportTreePdf(tree, { pdfPath, engine: await s.engine(), cache: s.cache, html, printMemory: false, bleed: false });
  s.library.pageMaps.set(tree.issue.id, {
    pageCount: result.pages,
    layoutHash: result.sourceKey,
    pages: result.pageMap.documents,
    compactTables: result.pageMap.compactTables,
  });
  const pdf = readFileSync(pdfPath);
  rmSync(pdfPath, { force: true });
  keepIssuePdf(pdfCache, tree.issue.id, result, pdf);
  s.totalPages += result.pages;
  return { tree, pages: result.pageMap.documents, frontPages: result.pageMap.frontPages, totalPages: result.pages, pdf, reused: false };
}

/** Lay out and print the index (one full-width unit, folios from 1, running heads of its own). */
async function printIndex(s: Session, index: YearIndex, fonts: 'bundled' | 'office'): Promise<{ pdf: Uint8Array; pages: number }> {
  const html = yearIndexHtml(index);
  const title = yearIndexTitle(index);
  const job: LayoutJob = {
    units: [{ id: `year-index-${index.year}`, hash: hashString(html), label: title, sectionName: title, documentIds: [], html }],
    evenHead: `${index.journalName}\u3000${title}`,
    fonts,
    pageOffset: 1,
  };
  const engine = await s.engine();
  const layout = await engine.layout(job);
  return { pdf: await engine.printPdf(), pages: layout.pages };
}

async function withSession<T>(library: VolumeStore, opts: VolumeOptions, issues: number, fn: (s: Session, cacheDir: string | null) => Promise<T>): Promise<T> {
  const cacheDir = opts.cacheDir === undefined ? libraryCacheDir(library.file) : opts.cacheDir;
  const own: { launched: Promise<PrintEngine> | null } = { launched: null };
  const engine = () => (opts.engine ? Promise.resolve(opts.engine) : (own.launched ??= ChromiumEngine.launch()));
  try {
    const cache = (opts.layoutCaches ?? new LayoutCaches()).forCacheDir(cacheDir);
    return await fn({ library, engine, cache, opts, issues, totalPages: 0, units: { laidOut: 0, cached: 0 }, usedUnits: new Set() }, cacheDir);
  } finally {
    if (own.launched) await (await own.launched.catch(() => null))?.close();
  }
}

/** The range's issues; refused with one sentence, before any work, if there are none or an output cannot be written. */
function requireIssues(library: VolumeStore, range: IssueRange, ...outputs: Array<string | undefined>) {
  const issues = issuesInRange(library, range);
  if (issues.length === 0) throw new AppError('not-found', `${rangeLabel(range)}没有期刊，没有生成文件 (no issues in that range)`);
  for (const file of outputs) if (file) checkOutputFile(file);
  return issues;
}

export interface IndexResult {
  index: YearIndex;
  pdfPath?: string;
  docxPath?: string;
  /** Pages of the index PDF. */
  pages?: number;
}

/** Entries of the index from the stored page maps where valid (issues laid out where not). */
export async function yearIndexOf(library: VolumeStore, range: IssueRange, opts: VolumeOptions = {}): Promise<YearIndex> {
  const issues = requireIssues(library, range);
  return withSession(library, opts, issues.length, async (s) => {
    const indexed: IndexedIssue[] = [];
    for (const [i, summary] of issues.entries()) {
      checkAbort(opts.signal);
      const work = await pagesOfIssue(s, library.issues.getTree(summary.id), i + 1);
      indexed.push({ tree: work.tree, pages: work.pages });
    }
    return buildYearIndex(indexed, opts);
  });
}

/**
 * The 年度总目录 alone, as PDF and/or DOCX. Page numbers come from the issues' stored page maps when they
 * are still valid; the other issues are laid out (not printed) to get them.
 */
export async function writeYearIndex(library: VolumeStore, range: IssueRange, out: { pdf?: string; docx?: string }, opts: VolumeOptions = {}): Promise<IndexResult> {
  const issues = requireIssues(library, range, out.pdf, out.docx);
  return withSession(library, opts, issues.length, async (s) => {
    const indexed: IndexedIssue[] = [];
    const trees: IssueTree[] = [];
    for (const [i, summary] of issues.entries()) {
      checkAbort(opts.signal);
      const work = await pagesOfIssue(s, library.issues.getTree(summary.id), i + 1);
      indexed.push({ tree: work.tree, pages: work.pages });
      trees.push(work.tree);
    }
    const index = buildYearIndex(indexed, opts);
    const result: IndexResult = { index };
    if (out.pdf) {
      checkAbort(opts.signal);
      s.opts.onProgress?.({ stage: 'index', issues: issues.length });
      const printed = await printIndex(s, index, trees[0].issue.settings.fonts);
      const pdf = await finishPdf(await PDFDocument.load(printed.pdf), index, `${index.journalName} ${yearIndexTitle(index)}`, []);
      await writeFileAtomic(out.pdf, pdf);
      Object.assign(result, { pdfPath: path.resolve(out.pdf), pages: printed.pages });
    }
    if (out.docx) {
      await writeFileAtomic(out.docx, await yearIndexDocx(index));
      result.docxPath = path.resolve(out.docx);
    }
    s.opts.onProgress?.({ stage: 'done', issues: issues.length });
    return result;
  });
}

// ---------------------------------------------------------------- binding

export interface OutlineNode {
  title: string;
  pageIndex: number;
  children?: OutlineNode[];
}

/** A nested PDF outline (pdf-lib has none): every level open, /Count the number of visible descendants. */
export function addNestedOutline(pdf: PDFDocument, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const context = pdf.context;
  const pages = pdf.getPages();
  const pageRef = (i: number) => pages[Math.min(Math.max(i, 0), pages.length - 1)].ref;
  const build = (items: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: context.obj([pageRef(item.pageIndex), PDFName.of('XYZ'), null, null, null]),
      }) as PDFDict;
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      count += 1;
      if (item.children?.length) {
        const sub = build(item.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const rootRef = context.nextRef();
  const top = build(nodes, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels: one range per start index, with a prefix and decimal numbers from `start` (or none). */
function addPageLabelRanges(pdf: PDFDocument, ranges: Array<{ index: number; prefix: string; start?: number }>): void {
  const context = pdf.context;
  const nums: Array<PDFNumber | PDFDict> = [];
  for (const r of ranges) {
    const spec = context.obj({}) as PDFDict;
    spec.set(PDFName.of('P'), PDFHexString.fromText(r.prefix));
    if (r.start !== undefined) {
      spec.set(PDFName.of('S'), PDFName.of('D'));
      spec.set(PDFName.of('St'), PDFNumber.of(r.start));
    }
    nums.push(PDFNumber.of(r.index), spec);
  }
  pdf.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: context.obj(nums) }));
}

async function finishPdf(pdf: PDFDocument, index: YearIndex, title: string, outline: OutlineNode[]): Promise<Uint8Array> {
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setSubject(`${index.journalName} ${issueRangeLabel(index)}`);
  pdf.setProducer('gazette (Paged.js 0.4.3 + Chromium, pdf-lib)');
  pdf.setCreator('gazette');
  pdf.setLanguage('zh-CN');
  addNestedOutline(pdf, outline);
  return pdf.save({ useObjectStreams: true });
}

export interface VolumeResult {
  pdfPath: string;
  index: YearIndex;
  /** Pages of the whole volume, and of the index in front. */
  pages: number;
  indexPages: number;
  /**
   * Per issue: where its pages start in the volume (0-based physical index) and how many it has; reused:
   * its PDF as its last export (or the last volume) printed it, not laid out or printed again.
   */
  issues: Array<{ issueId: string; label: string; firstPageIndex: number; pages: number; frontPages: number; reused: boolean }>;
  /** What was reused: issues bound as printed before vs printed now, and of those, units laid out vs cached. */
  reuse: { issuesReused: number; issuesPrinted: number; unitsLaidOut: number; unitsCached: number };
}

/**
 * The 合订本: the index, then every issue's PDF as printed (covers, TOC, folios), in publication order.
 * Outline: the year -> 年度总目录 and each issue -> its documents.
 */
export async function writeVolume(library: VolumeStore, range: IssueRange, pdfPath: string, opts: VolumeOptions = {}): Promise<VolumeResult> {
  const issues = requireIssues(library, range, pdfPath);
  return withSession(library, opts, issues.length, async (s, cacheDir) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-volume-'));
    const pdfCache = IssuePdfCache.forLibraryCache(cacheDir);
    try {
      const works: IssueWork[] = [];
      for (const [i, summary] of issues.entries()) {
        checkAbort(opts.signal);
        works.push(await printedIssue(s, pdfCache, library.issues.getTree(summary.id), i + 1, scratch));
      }
      const result = await bind(s, works, pdfPath);
      // The caches stay bounded: PDFs of deleted issues go, and the least recently used units beyond the size.
      pdfCache.prune(library.issues.list().map((i) => i.id));
      s.cache.prune(undefined, s.usedUnits);
      return result;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

async function bind(s: Session, works: IssueWork[], pdfPath: string): Promise<VolumeResult> {
  const { opts } = s;
  checkAbort(opts.signal);
  const index = buildYearIndex(works.map((w) => ({ tree: w.tree, pages: w.pages })), opts);
  s.opts.onProgress?.({ stage: 'index', issues: works.length, totalPages: s.totalPages });
  const printedIndex = await printIndex(s, index, works[0].tree.issue.settings.fonts);
  checkAbort(opts.signal);
  s.opts.onProgress?.({ stage: 'bind', issues: works.length, totalPages: s.totalPages + printedIndex.pages });

  const volume = await PDFDocument.create();
  const append = async (bytes: Uint8Array): Promise<PDFPage[]> => {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const copied = await volume.copyPages(source, source.getPageIndices());
    copied.forEach((p) => volume.addPage(p));
    return copied;
  };
  await append(printedIndex.pdf);
  const labels: Array<{ index: number; prefix: string; start?: number }> = [{ index: 0, prefix: '总目录-', start: 1 }];
  const placed: VolumeResult['issues'] = [];
  const issueNodes: OutlineNode[] = [];
  for (const w of works) {
    checkAbort(opts.signal);
    const first = volume.getPageCount();
    const count = (await append(w.pdf!)).length;
    const label = issueLabel(w.tree);
    placed.push({ issueId: w.tree.issue.id, label, firstPageIndex: first, pages: count, frontPages: w.frontPages, reused: w.reused === true });
    if (w.frontPages > 0) labels.push({ index: first, prefix: `第${w.tree.issue.number}期封面` });
    if (w.frontPages > 1) labels.push({ index: first + 1, prefix: `第${w.tree.issue.number}期封二` });
    labels.push({ index: first + w.frontPages, prefix: `第${w.tree.issue.number}期-`, start: 1 });
    const pageMap = { documents: w.pages, frontPages: w.frontPages, units: {}, anchors: {}, tocPages: 0, totalPages: w.totalPages };
    issueNodes.push({
      title: `${label}（${cumulativeLabel(w.tree.issue.cumulativeNumber)}）`,
      pageIndex: first,
      children: outlineFromTree(w.tree, pageMap).map((e) => ({ title: e.title, pageIndex: first + e.pageIndex })),
    });
  }
  addPageLabelRanges(volume, labels);
  const title = `${index.journalName} ${index.year}年合订本`;
  const outline: OutlineNode[] = [
    { title: `${index.year}年（${issueRangeLabel(index)}）`, pageIndex: 0, children: [{ title: yearIndexTitle(index), pageIndex: 0 }, ...issueNodes] },
  ];
  const bytes = await finishPdf(volume, index, title, outline);
  await writeFileAtomic(pdfPath, bytes);
  s.opts.onProgress?.({ stage: 'done', issues: works.length, totalPages: volume.getPageCount() });
  const reuse = {
    issuesReused: placed.filter((p) => p.reused).length,
    issuesPrinted: placed.filter((p) => !p.reused).length,
    unitsLaidOut: s.units.laidOut,
    unitsCached: s.units.cached,
  };
  return { pdfPath: path.resolve(pdfPath), index, pages: volume.getPageCount(), indexPages: printedIndex.pages, issues: placed, reuse };
}
