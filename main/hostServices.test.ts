/**
 * A host's services (main/hostServices.ts): stop() releases every one of them (the engine closed, the
 * layout caches' memory dropped, the written files forgotten, a running volume job cancelled, the Word worker
 * ended), and two hosts share none. The engine is a stand-in here (tests/export-paths.test.ts runs the same
 * services with a real Chromium; main/import/docxWorkerHost.test.ts the worker with a real thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrintEngine } from './export/engine';
import { createHostServices, handlerServices } from './hostServices';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-host-services-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function standInEngine(log: string[]): () => Promise<PrintEngine> {
  return () => {
    log.push('launch');
    return Promise.resolve({ close: () => Promise.resolve(void log.push('close')) } as unknown as PrintEngine);
  };
}

describe('host services', () => {
  it('stop() releases every service', async () => {
    const log: string[] = [];
    const services = createHostServices({ launchEngine: standInEngine(log) });
    await services.printService.engine();
    services.printService.layoutCaches.forCacheDir(dir).set('ab', '<div class="pagedjs_page"></div>');
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, '%PDF');
    const exportId = services.userFiles.remember(file, 'pdf');
    let aborted = false;
    const job = services.volumeJob.run(
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
    );
    expect(services.volumeJob.busy).toBe(true);

    await services.stop();
    await job;
    expect(log).toEqual(['launch', 'close']);
    expect(services.printService.layoutCaches.size).toBe(0);
    expect(services.userFiles.get(exportId)).toBeUndefined();
    expect(aborted).toBe(true);
    expect(services.volumeJob.busy).toBe(false);
    expect(services.docxWorker.threadId).toBeUndefined();
  });

  it('two hosts share no service', async () => {
    const a = createHostServices({ launchEngine: standInEngine([]) });
    const b = createHostServices({ launchEngine: standInEngine([]) });
    const [da, db] = [handlerServices(a), handlerServices(b)];
    for (const key of ['printService', 'docxWorker', 'userFiles', 'volumeJob', 'publishQueue'] as const) expect(da[key]).not.toBe(db[key]);
    const exportId = a.userFiles.remember(path.join(dir, 'b.pdf'), 'pdf');
    expect(b.userFiles.get(exportId)).toBeUndefined();
    expect(await a.printService.engine()).not.toBe(await b.printService.engine());
    await Promise.all([a.stop(), b.stop()]);
  });
});
