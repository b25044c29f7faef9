/**
 * Handlers of the year's work (main/export/volume.ts): one job at a time per host (its VolumeJob),
 * cancellable, with progress events. Files go to `exports/` beside the library; the renderer never passes a
 * path. The host's PrintService, when it has one, lends its layout caches, so the volume binds from memory
 * what the host's exports laid out.
 */
import path from 'node:path';
import { AppError } from '../../common/errors';
import { indexEntries } from '../../common/render/yearIndex';
import type { PrintEngine } from '../export/engine';
import type { LayoutCaches } from '../export/issueCache';
import { VolumeCancelled, writeVolume, writeYearIndex, type VolumeProgress } from '../export/volume';
import type { HandlerDeps } from './deps';
import type { ExportHost } from './export';
import type { HandlerTable } from './types';
import { exportsFolder, safeFileName } from './userFiles';
import { VolumeJob } from './volumeJob';
import { makePrivateDir } from '../umask';

type Deps = HandlerDeps & Pick<ExportHost, 'printEngine' | 'printService'>;

interface JobTools {
  signal: AbortSignal;
  onProgress: (p: VolumeProgress) => void;
  engine?: PrintEngine;
  layoutCaches?: LayoutCaches;
}

function exportsDir(deps: Deps): string {
  const dir = exportsFolder(deps);
  makePrivateDir(dir);
  return dir;
}

function journalName(deps: Deps): string {
  return safeFileName(deps.library.journals.list()[0] ?? '政务公开信息');
}

async function exclusive<T>(deps: Deps, fn: (tools: JobTools) => Promise<T>): Promise<T> {
  return (deps.volumeJob ?? new VolumeJob()).run(async (signal) => {
    try {
      const engine = deps.printEngine ? await deps.printEngine() : undefined;
      return await fn({ signal, onProgress: (p) => deps.emit?.('volume.progress', p), engine, layoutCaches: deps.printService?.layoutCaches });
    } catch (error) {
      if (error instanceof VolumeCancelled) throw new AppError('cancelled', '已取消，没有生成文件 (cancelled)', { cause: error });
      throw error;
    }
  });
}

export const volumeHandlers: HandlerTable<'volume.index' | 'volume.bind' | 'volume.cancel'> = {
  'volume.index': (deps: Deps, { year, byIssuer }) =>
    exclusive(deps, async (tools) => {
      const base = path.join(exportsDir(deps), `${journalName(deps)}-${year}年度总目录`);
      const result = await writeYearIndex(deps.library, { year }, { pdf: `${base}.pdf`, docx: `${base}.docx` }, { byIssuer, ...tools });
      return { pdf: result.pdfPath!, docx: result.docxPath!, pages: result.pages ?? 0, entries: indexEntries(result.index).length, issues: result.index.issues.length };
    }),

  'volume.bind': (deps: Deps, { year, byIssuer }) =>
    exclusive(deps, async (tools) => {
      const file = path.join(exportsDir(deps), `${journalName(deps)}-${year}年合订本.pdf`);
      const result = await writeVolume(deps.library, { year }, file, { byIssuer, ...tools });
      deps.emit?.('library.changed', {});
      return { path: result.pdfPath, pages: result.pages, issues: result.issues.length, reused: result.issues.filter((i) => i.reused).length };
    }),

  'volume.cancel': (deps) => ({ cancelled: deps.volumeJob?.cancel() ?? false }),
};
