/** What handlers get from their host (Electron main, the web bridge or the CLI). Areas may ADD optional fields. */
import type { Library } from '../store/index';

export interface HandlerLogger {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

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
}
