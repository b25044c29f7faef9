/**
 * exportIssuePdf: issue -> print page (Paged.js) -> PDF -> post-processing -> file, plus the page map.
 * Units whose layout is cached are not laid out again; the page map is stored in the library so
 * `gazette toc` and the app can show page numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IssueTree } from '../../common/model';
import { issueJob, type LayoutResult, type PageMap } from '../../common/render/printJob';
import { hashString } from '../../common/render/html';
import { ChromiumEngine } from './chromium';
import type { PrintEngine } from './engine';
import { LayoutCache } from './layoutCache';
import { postProcessPdf, type OutlineEntry } from './pdfPost';

/** The part of the library this module needs (main/store's Library satisfies it). */
export interface PageMapStore {
  issues: { getTree(issueId: string): IssueTree };
  pageMaps: { set(issueId: string, layout: { pageCount: number; layoutHash: string; pages: Record<string, number> }): void };
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
}

export interface ExportPdfResult {
  pdfPath: string;
  /** Physical pages in the PDF. */
  pages: number;
  pageMap: PageMap;
  layout: LayoutResult;
  timings: { layoutMs: number; printMs: number; postMs: number };
}

/** One bookmark per TOC entry: section order, then document order. */
export function outlineFromTree(tree: IssueTree, pageMap: PageMap): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  for (const section of tree.sections) {
    for (const doc of section.documents) {
      const page = pageMap.documents[doc.id];
      if (page === undefined) continue;
      const title = doc.tocTitleOverride || doc.title;
      entries.push({ title: doc.docNumber ? `${title}（${doc.docNumber}）` : title, pageIndex: pageMap.frontPages + page - 1 });
    }
  }
  return entries;
}

/** Hash of the laid-out issue (for the page_maps table): all unit hashes in order. */
export function layoutHashOf(result: LayoutResult, unitHashes: string[]): string {
  return hashString(`${unitHashes.join(',')}|${result.pages}`);
}

export async function exportTreePdf(tree: IssueTree, opts: ExportPdfOptions): Promise<ExportPdfResult> {
  const engine = opts.engine ?? (await ChromiumEngine.launch());
  const cache = opts.cache ?? new LayoutCache();
  try {
    const job = issueJob(tree, (hash) => cache.get(hash));
    if (opts.timeoutMs) job.timeoutMs = opts.timeoutMs;
    const t0 = performance.now();
    const layout = await engine.layout(job);
    for (const unit of layout.laidOut) cache.set(unit.hash, unit.pagesHtml);
    const t1 = performance.now();
    const raw = await engine.printPdf();
    const t2 = performance.now();
    const { issue } = tree;
    const pdf = await postProcessPdf(raw, {
      title: `${issue.journalName} ${issue.year}年第${issue.number}期`,
      subject: `${issue.journalName} ${issue.year}年第${issue.number}期（总第${issue.cumulativeNumber}期）`,
      date: issue.date,
      outline: outlineFromTree(tree, layout.pageMap),
      frontLabels: ['封面', '封二'].slice(0, layout.pageMap.frontPages),
      bleed: opts.bleed ?? issue.settings.bleed,
      padToMultipleOf4: opts.padToMultipleOf4 ?? issue.settings.padToMultipleOf4,
    });
    mkdirSync(path.dirname(path.resolve(opts.pdfPath)), { recursive: true });
    writeFileSync(opts.pdfPath, pdf);
    const t3 = performance.now();
    return {
      pdfPath: opts.pdfPath,
      pages: layout.pages,
      pageMap: layout.pageMap,
      layout,
      timings: { layoutMs: Math.round(t1 - t0), printMs: Math.round(t2 - t1), postMs: Math.round(t3 - t2) },
    };
  } finally {
    if (!opts.engine) await engine.close();
  }
}

/** Export an issue from the library and store its page map there. */
export async function exportIssuePdf(library: PageMapStore, issueId: string, opts: ExportPdfOptions): Promise<ExportPdfResult> {
  const tree = library.issues.getTree(issueId);
  const result = await exportTreePdf(tree, opts);
  const unitHashes = Object.keys(result.pageMap.units);
  library.pageMaps.set(issueId, {
    pageCount: result.pages,
    layoutHash: layoutHashOf(result.layout, unitHashes),
    pages: result.pageMap.documents,
  });
  return result;
}
