/**
 * Drives one iframe of the print page (renderer/print/print.html). The page is served from another site
 * (see common/render/printProtocol.ts), so Chromium runs it in its own process and Paged.js never blocks
 * typing; the two talk only by postMessage, checked for origin and shape on both sides. Layout calls are
 * serialised, and the laid-out pages of each unit hash are kept so unchanged units are not laid out again.
 */
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';
import { parsePrintReply, printOriginFor, PRINT_PROTOCOL, SUPERSEDED, type PrintRequest } from '../../common/render/printProtocol';

/** The print page's origin: another site than this page where there is one, else this page's own. */
export function printOrigin(): string {
  return printOriginFor(location) ?? location.origin;
}

/** The print page's URL for the preview iframes. */
export function printPageUrl(): string {
  return `${printOrigin()}/print/print.html`;
}

const READY_TIMEOUT_MS = 30_000;
/** About 400 MB of UTF-16: a few dozen edits of documents with large images. */
const MAX_CACHED_CHARS = 200_000_000;
const PING_INTERVAL_MS = 100;

type Pending = { resolve: (reply: { height: number; result?: LayoutResult }) => void; reject: (e: Error) => void };
type Outgoing = { kind: 'layout'; job: LayoutJob } | { kind: 'thumbnails'; on: boolean } | { kind: 'print' };

export class PrintFrame {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly origin = printOrigin();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private isReady = false;
  private session = '';
  private readyWaiters: Array<() => void> = [];
  private pinger: number | undefined;
  /** Content height of the print page after the last request, to size the iframe. */
  height = 0;
  // Shared by every frame: the issue frame reuses the pages the unit preview just laid out.
  private static readonly cache = new Map<string, string>();
  private static cachedChars = 0;

  constructor(private readonly frame: HTMLIFrameElement) {
    window.addEventListener('message', this.onMessage);
    // The frame may have loaded before we listened: ask until it answers.
    this.pinger = window.setInterval(() => this.post({ protocol: PRINT_PROTOCOL, kind: 'ping' }), PING_INTERVAL_MS);
    this.post({ protocol: PRINT_PROTOCOL, kind: 'ping' });
  }

  /** Stop listening; requests still waiting fail. */
  dispose(): void {
    window.removeEventListener('message', this.onMessage);
    window.clearInterval(this.pinger);
    this.failPending('print frame closed');
  }

  /** Pages from earlier layouts, by unit hash. */
  cached = (hash: string): string | undefined => PrintFrame.cache.get(hash);

  private post(message: PrintRequest): void {
    // Before the print page has loaded, the frame holds about:blank and the browser drops the message.
    this.frame.contentWindow?.postMessage(message, this.origin);
  }

  private failPending(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.origin !== this.origin || event.source !== this.frame.contentWindow) return;
    const reply = parsePrintReply(event.data);
    if (!reply) return;
    if (reply.kind === 'ready') {
      window.clearInterval(this.pinger);
      // A new session means the page reloaded: what it was doing is lost.
      if (this.isReady && reply.session !== this.session) this.failPending('print page reloaded');
      this.session = reply.session;
      this.isReady = true;
      for (const wake of this.readyWaiters.splice(0)) wake();
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.kind === 'failed') return waiting.reject(new Error(reply.message));
    this.height = reply.height;
    waiting.resolve(reply);
  };

  private ready(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => reject(new Error('print page did not load')), READY_TIMEOUT_MS);
      this.readyWaiters.push(() => {
        window.clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Send one request and wait for its reply. */
  private async request(message: Outgoing): Promise<{ height: number; result?: LayoutResult }> {
    await this.ready();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ ...message, id, protocol: PRINT_PROTOCOL } as PrintRequest);
    });
  }

  /** Layouts asked for and not yet answered. */
  private layoutsInFlight = 0;
  /** The latest layout asked for with `supersede`: older ones still waiting are dropped. */
  private latestSuperseding = 0;

  /**
   * Lay out a job after any layout already running; only the latest queued job matters to callers.
   * Units laid out meanwhile (by the job ahead in the queue) are taken from the cache, not laid out again.
   * With `supersede` (the live preview, whose older text nobody needs once newer text waits), the layout
   * running now is stopped and older superseding jobs still queued fail with SUPERSEDED, not laid out.
   */
  layout(job: LayoutJob, supersede = false): Promise<LayoutResult> {
    const ticket = supersede ? ++this.latestSuperseding : 0;
    if (supersede && this.layoutsInFlight > 0) this.post({ protocol: PRINT_PROTOCOL, kind: 'cancel' });
    this.layoutsInFlight++;
    const run = async () => {
      if (supersede && ticket !== this.latestSuperseding) throw new Error(SUPERSEDED);
      const units = job.units.map((u) => {
        const pages = u.cachedPages ?? PrintFrame.cache.get(u.hash);
        return pages ? { ...u, cachedPages: pages } : u;
      });
      const { result } = await this.request({ kind: 'layout', job: { ...job, units } });
      if (!result) throw new Error('print page sent no layout');
      for (const unit of result.laidOut) {
        PrintFrame.cache.set(unit.hash, unit.pagesHtml);
        PrintFrame.cachedChars += unit.pagesHtml.length;
      }
      // Pages with images carry them as data: URLs: bound the cache by size as well as by count.
      if (PrintFrame.cache.size > 400 || PrintFrame.cachedChars > MAX_CACHED_CHARS) {
        PrintFrame.cache.clear();
        PrintFrame.cachedChars = 0;
      }
      return result;
    };
    const next = this.queue.then(run, run).finally(() => this.layoutsInFlight--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Show the laid-out pages as a grid of thumbnails (pages are fixed-size boxes, so nothing reflows). */
  async setThumbnails(on: boolean): Promise<number> {
    return (await this.request({ kind: 'thumbnails', on })).height;
  }

  /** The system print dialog for the laid-out pages (not the thumbnail grid). */
  async print(): Promise<void> {
    await this.request({ kind: 'print' });
  }
}

// ---------------------------------------------------------------- the unit preview's frame

/**
 * The unit preview's print frame lives as long as the app page: it boots (script, fonts) while the
 * library is shown, and moves into the preview panel without reloading (Element.moveBefore keeps a
 * frame's document; appendChild would reload it). Between screens it waits in a parking spot that is
 * inside the viewport but invisible, so Chromium does not throttle it (Paged.js paces itself with
 * requestAnimationFrame, which stops in frames scrolled out of view).
 */
let shared: { frame: HTMLIFrameElement; printer: PrintFrame } | null = null;

function parkingSpot(): HTMLElement {
  let spot = document.getElementById('gz-print-parking');
  if (!spot) {
    spot = document.createElement('div');
    spot.id = 'gz-print-parking';
    spot.setAttribute('aria-hidden', 'true');
    spot.style.cssText = 'position:fixed;left:0;top:0;width:834px;height:1200px;opacity:0;pointer-events:none;z-index:-1;overflow:hidden';
    document.body.appendChild(spot);
  }
  return spot;
}

/** The unit preview's frame and its driver, created on first use (the library screen warms it). */
export function sharedPreviewFrame(): { frame: HTMLIFrameElement; printer: PrintFrame } {
  if (!shared) {
    const frame = document.createElement('iframe');
    frame.src = printPageUrl();
    frame.tabIndex = -1;
    parkingSpot().appendChild(frame);
    shared = { frame, printer: new PrintFrame(frame) };
  }
  return shared;
}

/** Put the frame under `parent`, keeping its document where the browser can. */
export function moveFrame(frame: HTMLIFrameElement, parent: HTMLElement): void {
  if (frame.parentElement === parent) return;
  const target = parent as HTMLElement & { moveBefore?: (node: Node, child: Node | null) => void };
  if (typeof target.moveBefore === 'function') {
    try {
      target.moveBefore(frame, null);
      return;
    } catch {}
  }
  // Older engines: the print page reloads; PrintFrame sees its new session and waits for it.
  parent.appendChild(frame);
}

export function parkFrame(frame: HTMLIFrameElement): void {
  moveFrame(frame, parkingSpot());
}
