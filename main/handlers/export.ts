/**
 * Export handlers: the one export path of the app and the CLI. PDF through the print engine (units laid out
 * one by one when someone listens, so progress can name the pages done), DOCX through toDocx; images from
 * the library in both. Where the file goes is the host's choice (HandlerDeps.chooseSaveFile: Electron's save
 * dialog, the CLI's argument) or a fresh name in `exports/` beside the library; callers never pass a path.
 * The engine and the layout cache live for the whole process, so a re-export lays out only changed units.
 */
import type { IssueTree } from '../../common/model';
import { issueJob } from '../../common/render/printJob';
import { exportLibraryIssueDocx } from '../export/docx';
import type { PrintEngine } from '../export/engine';
import { exportIssuePdf } from '../export/exportPdf';
import { printImages } from '../export/images';
import { LayoutCache } from '../export/layoutCache';
import type { HandlerDeps } from './deps';
import type { HandlerTable } from './types';
import { readRemembered, rememberedFile, savedFileResult, writeUserFile } from './userFiles';

/** Optional host services of this area (added to HandlerDeps by the host that has them). */
export interface ExportHost {
  /** The print engine to use (Electron's printToPDF window); default: a Chromium found on the system. */
  printEngine?: () => Promise<PrintEngine>;
  /** Show a file in the system file manager (Electron's shell.showItemInFolder). */
  revealFile?: (file: string) => void;
  /** Laid-out units to reuse (the bench starts each warm run empty); default: one cache per process. */
  layoutCache?: LayoutCache;
}

type Deps = HandlerDeps & ExportHost;

let sharedEngine: Promise<PrintEngine> | null = null;
const processLayoutCache = new LayoutCache();
let queue: Promise<unknown> = Promise.resolve();

async function engineFor(deps: Deps): Promise<PrintEngine> {
  if (deps.printEngine) return deps.printEngine();
  if (!sharedEngine) {
    const { ChromiumEngine } = await import('../export/chromium');
    sharedEngine = ChromiumEngine.launch();
    sharedEngine.catch(() => (sharedEngine = null));
  }
  return sharedEngine;
}

/** Close the shared Chromium (the web bridge and the CLI call this on exit). */
export async function closeExportEngine(): Promise<void> {
  const engine = sharedEngine;
  sharedEngine = null;
  if (engine) await (await engine).close().catch(() => undefined);
}

/** 格尔木市人民政府政务公开信息-2024年第6期 */
export function issueFileStem(tree: IssueTree): string {
  const { issue } = tree;
  return `${issue.journalName || '政务公开信息'}-${issue.year}年第${issue.number}期`;
}

/** A document's title as part of a file name: no path or reserved characters, not too long. */
export function documentFileStem(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 60) || '文件';
}

/** One export at a time per process: the engine has one print page. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
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

export const exportHandlers: HandlerTable<'export.pdf' | 'export.docx' | 'export.download' | 'shell.reveal'> = {
  'export.pdf': (deps: Deps, { issueId, bleed, padToMultipleOf4 }) =>
    serial(async () => {
      const tree = deps.library.issues.getTree(issueId);
      const written = await writeUserFile(deps, 'pdf', `${issueFileStem(tree)}.pdf`, async (pdfPath) => {
        const engine = await engineFor(deps);
        const cache = deps.layoutCache ?? processLayoutCache;
        const images = printImages(deps.library, tree);
        if (deps.emit) await layoutWithProgress(deps, engine, cache, tree, images.html);
        deps.emit?.('export.progress', { issueId, stage: 'pdf' });
        return exportIssuePdf(deps.library, issueId, { pdfPath, engine, cache, html: images.html, bleed, padToMultipleOf4 });
      });
      if (!written) return { canceled: true as const };
      const result = written.value;
      deps.emit?.('export.progress', { issueId, stage: 'done', done: result.pages, total: result.pages });
      deps.emit?.('library.changed', { issueId });
      return { ...savedFileResult(written.file, 'pdf', result.warnings), pages: result.pages, timings: result.timings };
    }),

  'export.docx': async (deps: Deps, { issueId, documentId }) => {
    const tree = deps.library.issues.getTree(issueId);
    const one = documentId ? tree.sections.flatMap((s) => s.documents).find((d) => d.id === documentId) : undefined;
    if (documentId && !one) throw new Error('这个文件不在这一期中 (document not in this issue)');
    const name = one ? `${issueFileStem(tree)}-${documentFileStem(one.tocTitleOverride || one.title)}.docx` : `${issueFileStem(tree)}.docx`;
    const written = await writeUserFile(deps, 'docx', name, (file) => {
      deps.emit?.('export.progress', { issueId, stage: 'docx' });
      // TOC page numbers and compact tables: from the last layout (stored by the PDF export and the app's preview).
      return exportLibraryIssueDocx(deps.library, issueId, file, one ? { document: one.id } : {});
    });
    if (!written) return { canceled: true as const };
    const result = written.value;
    deps.emit?.('export.progress', { issueId, stage: 'done' });
    return { ...savedFileResult(written.file, 'docx', result.warnings), bytes: result.bytes, notes: result.notes };
  },

  'export.download': (_deps, { exportId }) => readRemembered(exportId),

  'shell.reveal': (deps: Deps, { exportId }) => {
    const entry = rememberedFile(exportId);
    if (!deps.revealFile || !entry) return { shown: false };
    deps.revealFile(entry.file);
    return { shown: true };
  },
};
