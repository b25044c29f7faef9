/**
 * The long-lived print service of one host (the Electron app, the web bridge, a CLI command): one print
 * engine, launched on first use, the layout caches (in memory, over `cache/layout` beside the library), so a
 * re-export lays out only changed units, and one job at a time (the engine has one print page). The host
 * creates it when it starts and stops it when it exits: stop() closes the engine and drops the caches'
 * memory. Nothing lives at module level, so two hosts in one process (tests) never share or leak a browser.
 */
import type { PrintEngine } from './engine';
import { LayoutCaches } from './issueCache';
import { LayoutCache } from './layoutCache';

export interface PrintService {
  /** The engine, launched on first use; a failed launch is tried again on the next call. */
  engine(): Promise<PrintEngine>;
  /** Laid-out units of an in-memory library (one without a cache folder). */
  readonly layoutCache: LayoutCache;
  /** Laid-out units per library cache folder, shared by this host's exports and volumes. */
  readonly layoutCaches: LayoutCaches;
  /** Run `fn` after the jobs queued before it (whether they failed or not). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** Close the engine and drop the layout caches' memory after the queued jobs; a later `engine()` launches a new one. */
  stop(): Promise<void>;
}

/** Chromium found on the system, loaded only when an export needs it (playwright-core is large). */
async function launchChromium(): Promise<PrintEngine> {
  const { ChromiumEngine } = await import('./chromium');
  return ChromiumEngine.launch();
}

export function createPrintService(launch: () => Promise<PrintEngine> = launchChromium): PrintService {
  let engine: Promise<PrintEngine> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const layoutCache = new LayoutCache();
  const layoutCaches = new LayoutCaches();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    engine() {
      if (!engine) {
        const launching = launch();
        engine = launching;
        launching.catch(() => {
          if (engine === launching) engine = null;
        });
      }
      return engine;
    },
    layoutCache,
    layoutCaches,
    serial,
    stop: () =>
      serial(async () => {
        const running = engine;
        engine = null;
        layoutCache.clear();
        layoutCaches.clear();
        if (running) await (await running).close().catch(() => undefined);
      }).catch(() => undefined),
  };
}
