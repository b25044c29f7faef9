/**
 * Handlers of the year's work (main/export/volume.ts): one job at a time per process, cancellable, with
 * progress events. Files go to `exports/` beside the library; the renderer never passes a path.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { indexEntries } from '../../common/render/yearIndex';
import type { PrintEngine } from '../export/engine';
import { VolumeCancelled, writeVolume, writeYearIndex, type VolumeProgress } from '../export/volume';
import type { HandlerDeps } from './deps';
import type { HandlerTable } from './types';
import { exportsFolder, safeFileName } from './userFiles';

type Deps = HandlerDeps & { printEngine?: () => Promise<PrintEngine> };

let running: AbortController | null = null;

function exportsDir(deps: Deps): string {
  const dir = exportsFolder(deps);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function journalName(deps: Deps): string {
  return safeFileName(deps.library.journals.list()[0] ?? '政务公开信息');
}

async function exclusive<T>(deps: Deps, fn: (signal: AbortSignal, onProgress: (p: VolumeProgress) => void, engine?: PrintEngine) => Promise<T>): Promise<T> {
  if (running) throw new AppError('running', '已有年度总目录或合订本正在生成，请等它完成或取消后再试 (another one is running)');
  const controller = new AbortController();
  running = controller;
  try {
    const engine = deps.printEngine ? await deps.printEngine() : undefined;
    return await fn(controller.signal, (p) => deps.emit?.('volume.progress', p), engine);
  } catch (error) {
    if (error instanceof VolumeCancelled) throw new AppError('cancelled', '已取消，没有生成文件 (cancelled)', { cause: error });
    throw error;
  } finally {
    running = null;
  }
}

export const volumeHandlers: HandlerTable<'volume.index' | 'volume.bind' | 'volume.cancel'> = {
  'volume.index': (deps: Deps, { year, byIssuer }) =>
    exclusive(deps, async (signal, onProgress, engine) => {
      const base = path.join(exportsDir(deps), `${journalName(deps)}-${year}年度总目录`);
      const result = await writeYearIndex(deps.library, { year }, { pdf: `${base}.pdf`, docx: `${base}.docx` }, { byIssuer, signal, onProgress, engine });
      return { pdf: result.pdfPath!, docx: result.docxPath!, pages: result.pages ?? 0, entries: indexEntries(result.index).length, issues: result.index.issues.length };
    }),

  'volume.bind': (deps: Deps, { year, byIssuer }) =>
    exclusive(deps, async (signal, onProgress, engine) => {
      const file = path.join(exportsDir(deps), `${journalName(deps)}-${year}年合订本.pdf`);
      const result = await writeVolume(deps.library, { year }, file, { byIssuer, signal, onProgress, engine });
      deps.emit?.('library.changed', {});
      return { path: result.pdfPath, pages: result.pages, issues: result.issues.length, reused: result.issues.filter((i) => i.reused).length };
    }),

  'volume.cancel': () => {
    if (!running) return { cancelled: false };
    running.abort();
    return { cancelled: true };
  },
};
