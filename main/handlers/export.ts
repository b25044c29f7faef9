/**
 * Export handlers: PDF through the print engine (units laid out one by one so progress can name the
 * pages done), DOCX through toDocx. Files go to `exports/` beside the library unless a path is given.
 * The engine and the layout cache live for the whole process, so a re-export lays out only changed units.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { IssueTree } from '../../common/model';
import { issueJob } from '../../common/render/printJob';
import { exportIssueDocx } from '../export/docx';
import type { PrintEngine } from '../export/engine';
import { exportIssuePdf } from '../export/exportPdf';
import { LayoutCache } from '../export/layoutCache';
import type { HandlerDeps } from './deps';
import type { HandlerTable } from './types';

/** Optional host services of this area (added to HandlerDeps by the host that has them). */
export interface ExportHost {
  /** The print engine to use (Electron's printToPDF window); default: a Chromium found on the system. */
  printEngine?: () => Promise<PrintEngine>;
  /** Show a file in the system file manager (Electron's shell.showItemInFolder). */
  revealFile?: (file: string) => void;
}

type Deps = HandlerDeps & ExportHost;

let sharedEngine: Promise<PrintEngine> | null = null;
const layoutCache = new LayoutCache();
const exported = new Set<string>();
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

/** Close the shared Chromium (the web bridge calls this on exit). */
export async function closeExportEngine(): Promise<void> {
  const engine = sharedEngine;
  sharedEngine = null;
  if (engine) await (await engine).close().catch(() => undefined);
}

function safeName(tree: IssueTree): string {
  const { issue } = tree;
  return `${issue.journalName || '政务公开信息'}-${issue.year}年第${issue.number}期`.replace(/[\\/:*?"<>|]/g, '_');
}

function targetPath(deps: Deps, tree: IssueTree, given: string | undefined, ext: string): string {
  if (given) return path.resolve(given);
  const base = deps.library.file && deps.library.file !== ':memory:' ? path.dirname(path.resolve(deps.library.file)) : process.cwd();
  const dir = path.join(base, 'exports');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${safeName(tree)}.${ext}`);
}

/** One export at a time per process: the engine has one print page. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export const exportHandlers: HandlerTable<'export.pdf' | 'export.docx' | 'shell.reveal'> = {
  'export.pdf': (deps: Deps, { issueId, path: given }) =>
    serial(async () => {
      const tree = deps.library.issues.getTree(issueId);
      const pdfPath = targetPath(deps, tree, given, 'pdf');
      const engine = await engineFor(deps);
      const emit = (stage: 'layout' | 'pdf' | 'done', done?: number, total?: number) => deps.emit?.('export.progress', { issueId, stage, done, total });
      // Lay out the units that are not cached one at a time, so progress can say how many pages are done.
      const job = issueJob(tree, (hash) => layoutCache.get(hash));
      const known = deps.library.pageMaps.get(issueId).pageCount ?? 0;
      let pages = 0;
      const pending = job.units.filter((u) => !u.cachedPages);
      emit('layout', 0, known || undefined);
      for (const unit of pending) {
        const result = await engine.layout({ units: [unit], evenHead: job.evenHead, fonts: job.fonts });
        for (const laid of result.laidOut) layoutCache.set(laid.hash, laid.pagesHtml);
        pages += result.pages;
        emit('layout', pages, Math.max(known, pages));
      }
      emit('pdf');
      const result = await exportIssuePdf(deps.library, issueId, { pdfPath, engine, cache: layoutCache });
      exported.add(result.pdfPath);
      emit('done', result.pages, result.pages);
      deps.emit?.('library.changed', { issueId });
      return { path: result.pdfPath, pages: result.pages };
    }),

  'export.docx': async (deps: Deps, { issueId, path: given }) => {
    const tree = deps.library.issues.getTree(issueId);
    const file = targetPath(deps, tree, given, 'docx');
    deps.emit?.('export.progress', { issueId, stage: 'docx' });
    const pageMap = deps.library.pageMaps.get(issueId);
    const result = await exportIssueDocx(tree, file, {
      pageMap: Object.keys(pageMap.pages).length ? pageMap.pages : undefined,
      compactTables: pageMap.compactTables,
    });
    exported.add(result.docxPath);
    deps.emit?.('export.progress', { issueId, stage: 'done' });
    return { path: result.docxPath, bytes: result.bytes };
  },

  'shell.reveal': (deps: Deps, { path: file }) => {
    const resolved = path.resolve(file);
    if (!deps.revealFile || !exported.has(resolved)) return { shown: false };
    deps.revealFile(resolved);
    return { shown: true };
  },
};
