/**
 * The print service's lifecycle: one engine launched on first use and shared, closed by stop() after the
 * queued jobs, launched again after a stop or a failed launch; jobs run one at a time. The engine here is
 * a stand-in that records calls (the service's logic is under test; tests/export-paths.test.ts runs the
 * same service with a real Chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrintEngine } from './engine';
import { createPrintService } from './printService';

function standIns() {
  const log: string[] = [];
  let launches = 0;
  const launch = (): Promise<PrintEngine> => {
    const n = ++launches;
    log.push(`launch ${n}`);
    if (n === 1 && failFirst.value) return Promise.reject(new Error('no browser'));
    return Promise.resolve({
      close: () => {
        log.push(`close ${n}`);
        return Promise.resolve();
      },
    } as unknown as PrintEngine);
  };
  const failFirst = { value: false };
  return { log, launch, failFirst };
}

describe('print service', () => {
  it('launches the engine once, on first use, and shares it', async () => {
    const s = standIns();
    const service = createPrintService(s.launch);
    expect(s.log).toEqual([]);
    const [a, b] = await Promise.all([service.engine(), service.engine()]);
    expect(a).toBe(b);
    expect(s.log).toEqual(['launch 1']);
    await service.stop();
    expect(s.log).toEqual(['launch 1', 'close 1']);
  });

  it('stops after the queued jobs, and starts a new engine when used again', async () => {
    const s = standIns();
    const service = createPrintService(s.launch);
    let release!: () => void;
    const job = service.serial(async () => {
      await service.engine();
      await new Promise<void>((r) => (release = r));
      s.log.push('job done');
    });
    await new Promise((r) => setTimeout(r, 0));
    const stopped = service.stop();
    release();
    await Promise.all([job, stopped]);
    expect(s.log).toEqual(['launch 1', 'job done', 'close 1']);
    await service.engine();
    await service.stop();
    expect(s.log).toEqual(['launch 1', 'job done', 'close 1', 'launch 2', 'close 2']);
  });

  it('tries a failed launch again on the next use', async () => {
    const s = standIns();
    s.failFirst.value = true;
    const service = createPrintService(s.launch);
    await expect(service.engine()).rejects.toThrow('no browser');
    await expect(service.engine()).resolves.toBeDefined();
    expect(s.log).toEqual(['launch 1', 'launch 2']);
    await service.stop();
  });

  it('runs jobs one at a time, in order, a failed one not stopping the next', async () => {
    const service = createPrintService(standIns().launch);
    const order: string[] = [];
    const slow = service.serial(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('first');
      throw new Error('failed');
    });
    const next = service.serial(async () => {
      order.push('second');
      return 2;
    });
    await expect(slow).rejects.toThrow('failed');
    await expect(next).resolves.toBe(2);
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps one layout cache for its life', () => {
    const service = createPrintService(standIns().launch);
    service.layoutCache.set('h', '<div class="pagedjs_page"></div>');
    expect(service.layoutCache.get('h')).toContain('pagedjs_page');
  });

  it("keeps a library's layout cache in memory until stop() drops it; two services share none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazette-print-service-'));
    try {
      const a = createPrintService(standIns().launch);
      const b = createPrintService(standIns().launch);
      const cache = a.layoutCaches.forCacheDir(dir);
      cache.set('ab12', '<div class="pagedjs_page">A</div>');
      expect(a.layoutCaches.forCacheDir(dir)).toBe(cache);
      expect(cache.size).toBe(1);
      // The other service has a cache of its own over the same folder (it reads the unit from disk).
      const other = b.layoutCaches.forCacheDir(dir);
      expect(other).not.toBe(cache);
      expect(other.size).toBe(0);
      expect(other.get('ab12')).toContain('>A<');
      await a.stop();
      expect(a.layoutCaches.size).toBe(0);
      expect(cache.size).toBe(0);
      expect(a.layoutCaches.forCacheDir(dir)).not.toBe(cache);
      expect(b.layoutCaches.forCacheDir(dir)).toBe(other);
      await b.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
