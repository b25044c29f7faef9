/**
 * Export handlers: the one export path of the app and the CLI. PDF through the print engine (units laid out
 * one by one when someone listens, so progress can name the pages done), DOCX through toDocx; images from
 * the library in both. Where the file goes is the host's choice (HandlerDeps.chooseSaveFile: Electron's save
 * dialog, the CLI's argument) or a fresh name in `exports/` beside the library; callers never pass a path.
 * A host that lives on (the app, the web bridge) passes its PrintService, whose engine lasts until it
 * stops; without one an export launches a print engine for itself and closes it when done (the CLI). The
 * layout cache is on disk beside the library (`cache/`, main/export/issueCache.ts) with the issue's PDF, so a
 * re-export lays out only changed units and the 合订本 binds what the year's exports laid out and printed.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../common/errors';
import { tocTitle, type IssueTree } from '../../common/model';
import { issueJob } from '../../common/render/printJob';
import { exportLibraryIssueDocx, picturesToDraw, type DrawPicture } from '../export/docx';
import type { PrintEngine } from '../export/engine';
import { exportIssuePdf } from '../export/exportPdf';
import { printImages } from '../export/images';
import { withPrintCopies } from '../export/printCopies';
import { IssuePdfCache, keepIssuePdf, libraryCacheDir } from '../export/issueCache';
import type { LayoutCache } from '../export/layoutCache';
import { createPrintService, type PrintService } from '../export/printService';
import type { HandlerDeps } from './deps';
import type { HandlerTable } from './types';
import { documentFileStem, issueFileStem, savedFileResult, userFilesOf, writeUserFile } from './userFiles';

/** Optional host services of this area (added to HandlerDeps by the host that has them). */
export interface ExportHost {
  /** The print engine to use (Electron's printToPDF window); default: a Chromium found on the system. */
  printEngine?: () => Promise<PrintEngine>;
  /** Show a file in the system file manager (Electron's shell.showItemInFolder). */
  revealFile?: (file: string) => void;
  /** Laid-out units to reuse (the bench starts each warm run empty); default: the library's, on disk. */
  layoutCache?: LayoutCache;
  /** The host's print service (engine, layout cache, one export at a time); default: one per export. */
  printService?: PrintService;
}

type Deps = HandlerDeps & ExportHost;

/** Run `fn` with the host's print service, or with one of its own that is stopped when `fn` is done. */
async function withPrintService<T>(deps: Deps, fn: (service: PrintService, engine: () => Promise<PrintEngine>) => Promise<T>): Promise<T> {
  const own = deps.printService ? null : createPrintService();
  const service = deps.printService ?? own!;
  try {
    return await service.serial(() => fn(service, () => (deps.printEngine ? deps.printEngine() : service.engine())));
  } finally {
    await own?.stop();
  }
}

/**
 * Lay out the units that are not cached one at a time, so progress can say how many pages are done. Only
 * when someone listens (the app); the CLI and the bench lay out the whole issue in one call.
 */
async function layoutWithProgress(deps: Deps, engine: PrintEngine, cache: LayoutCache, tree: IssueTree, html: ReturnType<typeof printImages>['html']) {
  const issueId = tree.issue.id;
  const emit = (done?: number, total?: number) => deps.emit?.('export.progress', { issueId, stage: 'layout', done, total });
  const job = issueJob(tree, (hash) => cache.get(hash), html);
  const known = deps.library.pageMaps.get(issueId).pageCount ?? 0;
  let pages = 0;
  emit(0, known || undefined);
  for (const unit of job.units.filter((u) => !u.cachedPages)) {
    const result = await engine.layout({ units: [unit], evenHead: job.evenHead, fonts: job.fonts });
    for (const laid of result.laidOut) cache.set(laid.hash, laid.pagesHtml);
    pages += result.pages;
    emit(pages, Math.max(known, pages));
  }
}

/**
 * Leave the export's PDF and laid-out units for the 合订本 (and prune the layout cache). Never fails the
 * export: the PDF is written already and the cache only saves work later.
 */
function keepForVolume(deps: Deps, cacheDir: string, cache: LayoutCache, issueId: string, result: Awaited<ReturnType<typeof exportIssuePdf>>, pdfPath: string): void {
  try {
    const pdfs = IssuePdfCache.forLibraryCache(cacheDir);
    keepIssuePdf(pdfs, issueId, result, readFileSync(pdfPath));
    pdfs.prune(deps.library.issues.list().map((i) => i.id));
    cache.prune(undefined, result.units.hashes);
  } catch (error) {
    deps.logger?.warn(`export cache not kept: ${(error as Error).message}`);
  }
}

export const exportHandlers: HandlerTable<'export.pdf' | 'export.docx' | 'export.download' | 'shell.reveal'> = {
  'export.pdf': (deps: Deps, { issueId, bleed, padToMultipleOf4 }) =>
    withPrintService(deps, async (service, engineOf) => {
      const tree = deps.library.issues.getTree(issueId);
      const written = await writeUserFile(deps, 'pdf', `${issueFileStem(tree)}.pdf`, async (pdfPath) => {
        const engine = await engineOf();
        const cacheDir = libraryCacheDir(deps.library.file);
        const cache = deps.layoutCache ?? (cacheDir ? service.layoutCaches.forCacheDir(cacheDir) : service.layoutCache);
        // Huge photos print from a 300 dpi copy (main/export/printCopies.ts); the library keeps the original.
        const html = await withPrintCopies(deps.library, tree, printImages(deps.library, tree).html, engine.rasterize?.bind(engine));
        if (deps.emit) await layoutWithProgress(deps, engine, cache, tree, html);
        deps.emit?.('export.progress', { issueId, stage: 'pdf' });
        const result = await exportIssuePdf(deps.library, issueId, { pdfPath, engine, cache, html, bleed, padToMultipleOf4 });
        if (!deps.layoutCache && cacheDir) keepForVolume(deps, cacheDir, cache, issueId, result, pdfPath);
        return result;
      });
      if (!written) return { canceled: true as const };
      const result = written.value;
      deps.emit?.('export.progress', { issueId, stage: 'done', done: result.pages, total: result.pages });
      deps.emit?.('library.changed', { issueId });
      return { ...savedFileResult(deps, written.file, 'pdf', result.warnings), pages: result.pages, timings: result.timings };
    }),

  'export.docx': async (deps: Deps, { issueId, documentId }) => {
    const tree = deps.library.issues.getTree(issueId);
    const one = documentId ? tree.sections.flatMap((s) => s.documents).find((d) => d.id === documentId) : undefined;
    if (documentId && !one) throw new AppError('not-found', '这个文件不在这一期中 (document not in this issue)');
    const name = one ? `${issueFileStem(tree)}-${documentFileStem(tocTitle(one))}.docx` : `${issueFileStem(tree)}.docx`;
    const written = await writeUserFile(deps, 'docx', name, (file) => {
      deps.emit?.('export.progress', { issueId, stage: 'docx' });
      // TOC page numbers and compact tables: from the last layout (stored by the PDF export and the app's preview).
      const exportDocx = (draw?: DrawPicture) => exportLibraryIssueDocx(deps.library, issueId, file, one ? { document: one.id } : {}, draw);
      // WebP and SVG pictures go into the DOCX as PNG drawn by the print engine (started only for them).
      if (picturesToDraw(deps.library, tree).size === 0) return exportDocx();
      return withPrintService(deps, async (_service, engineOf) => {
        const engine = await engineOf();
        return exportDocx(engine.rasterize?.bind(engine));
      });
    });
    if (!written) return { canceled: true as const };
    const result = written.value;
    deps.emit?.('export.progress', { issueId, stage: 'done' });
    return { ...savedFileResult(deps, written.file, 'docx', result.warnings), bytes: result.bytes, notes: result.notes };
  },

  'export.download': (deps, { exportId }) => userFilesOf(deps).read(exportId),

  'shell.reveal': (deps: Deps, { exportId }) => {
    const entry = userFilesOf(deps).get(exportId);
    if (!deps.revealFile || !entry) return { shown: false };
    deps.revealFile(entry.file);
    return { shown: true };
  },
};
