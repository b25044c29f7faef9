/** What handlers get from their host (Electron main, the web bridge or the CLI). Areas may ADD optional fields. */
import type { DocxWorkerPool } from '../import/docxWorkerHost';
import type { JobQueue } from '../jobQueue';
import type { Library } from '../store/index';
import type { UserFileRegistry } from './userFiles';
import type { VolumeJob } from './volumeJob';

export interface HandlerLogger {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** The kinds of file the app writes or reads on the user's behalf. */
export type UserFileKind = 'pdf' | 'docx' | 'gazette';

export interface HandlerDeps {
  library: Library;
  logger?: HandlerLogger;
  /** Push an event to the renderer(s); a no-op when absent (CLI). */
  emit?: (event: string, payload: unknown) => void;
  /**
   * Close the library, put a backup (the newest good one, or that of `day`) in its place and open it again.
   * Hosts that own the library (the app, the web bridge) provide it; the CLI has `gazette restore`.
   */
  restoreLibrary?: (day?: string) => { restoredDay: string };
  /**
   * Where to write a file the user asked for (Electron: a save dialog, which confirms replacing a file; the
   * CLI: its argument). Resolves to null when the user cancels. Absent (browser bridge): `exports/` beside
   * the library, under a name no earlier export has.
   */
  chooseSaveFile?: (request: { kind: UserFileKind; suggestedName: string }) => Promise<string | null>;
  /** Which file to read (Electron: an open dialog; the CLI: its argument); null when the user cancels. */
  chooseOpenFile?: (request: { kind: UserFileKind }) => Promise<string | null>;
  /** The host's Word-import worker, kept between imports (main/import/docxWorkerHost.ts); default: one per import. */
  docxWorker?: DocxWorkerPool;
  /** The files this host wrote, for export.download and shell.reveal; without it a written file is not remembered. */
  userFiles?: UserFileRegistry;
  /** The host's one 年度总目录/合订本 job slot, so volume.cancel reaches the running job; default: one per call. */
  volumeJob?: VolumeJob;
  /** The host's queue of 发布网页版 jobs, run one at a time; default: the publish runs at once. */
  publishQueue?: JobQueue;
}
