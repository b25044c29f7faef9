/**
 * The long-lived print service of one host (the Electron app, the web bridge): one print engine, launched
 * on first use, one layout cache, so a re-export lays out only changed units, and one job at a time (the
 * engine has one print page). The host creates it when it starts and stops it when it exits; nothing
 * lives at module level, so two hosts in one process (tests) never share or leak a browser.
 */
import type { PrintEngine } from './engine';
import { LayoutCache } from './layoutCache';

export interface PrintService {
  /** The engine, launched on first use; a failed launch is tried again on the next call. */
  engine(): Promise<PrintEngine>;
  readonly layoutCache: LayoutCache;
  /** Run `fn` after the jobs queued before it (whether they failed or not). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** Close the engine after the queued jobs; a later `engine()` launches a new one. */
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
    layoutCache: new LayoutCache(),
    serial,
    stop: () =>
      serial(async () => {
        const running = engine;
        engine = null;
        if (running) await (await running).close().catch(() => undefined);
      }).catch(() => undefined),
  };
}
