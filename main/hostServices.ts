/**
 * The long-lived services of a host that lives on (the Electron app, the web bridge), made by its
 * composition root when it starts and stopped when it exits, then handed to the handlers as HandlerDeps:
 *   - printService: the print engine, the layout caches, one print job at a time (exports, publishes);
 *   - docxWorker: the Word-import worker thread, kept between imports;
 *   - userFiles: the files written for the user, by exportId (export.download, shell.reveal);
 *   - volumeJob: the one 年度总目录/合订本 job, which volume.cancel reaches;
 *   - publishQueue: 发布网页版 jobs one at a time (nothing to release).
 * Nothing of this lives at module level: a test makes its own, stops it, and shares nothing with the next.
 * A CLI command makes only what it uses (a PrintService for an export); handlers without a service make
 * one for their call.
 */
import type { PrintEngine } from './export/engine';
import { createPrintService, type PrintService } from './export/printService';
import { VolumeJob } from './handlers/volumeJob';
import { UserFileRegistry } from './handlers/userFiles';
import { createDocxWorkerPool, type DocxWorkerPool } from './import/docxWorkerHost';
import { JobQueue } from './jobQueue';

export interface HostServices {
  readonly printService: PrintService;
  readonly docxWorker: DocxWorkerPool;
  readonly userFiles: UserFileRegistry;
  readonly volumeJob: VolumeJob;
  readonly publishQueue: JobQueue;
  /** Cancel the volume job, close the print engine after its queued jobs, end the worker, forget the files. */
  stop(): Promise<void>;
}

export interface HostServiceOptions {
  /** How the print engine is launched (Electron: its printToPDF window); default: Chromium on the system. */
  launchEngine?: () => Promise<PrintEngine>;
}

export function createHostServices(opts: HostServiceOptions = {}): HostServices {
  const printService = createPrintService(opts.launchEngine);
  const docxWorker = createDocxWorkerPool();
  const userFiles = new UserFileRegistry();
  const volumeJob = new VolumeJob();
  return {
    printService,
    docxWorker,
    userFiles,
    volumeJob,
    publishQueue: new JobQueue(),
    async stop() {
      volumeJob.stop();
      await Promise.all([printService.stop(), docxWorker.stop()]);
      userFiles.clear();
    },
  };
}

/** The services as HandlerDeps fields (a host spreads them into the deps it passes to handleCall). */
export function handlerServices(services: HostServices): Pick<HostServices, 'printService' | 'docxWorker' | 'userFiles' | 'volumeJob' | 'publishQueue'> {
  const { printService, docxWorker, userFiles, volumeJob, publishQueue } = services;
  return { printService, docxWorker, userFiles, volumeJob, publishQueue };
}
