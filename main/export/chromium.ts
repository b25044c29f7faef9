/**
 * The Chromium print engine: playwright-core driving a system Chromium/Chrome/Edge (never downloads one).
 * The print page is served from dist/renderer under a private origin by request interception; every
 * other request is refused, so the export makes no network request at all.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';
import { CONTENT_TYPES, assertPrintPageBuilt, resolveRendererFile } from './assets';
import type { PrintEngine, PrintPdfOptions } from './engine';
import { PAGE_KEYS_SCRIPT, RESTORE_ALL_PAGES_SCRIPT, parkedLayoutScript, printOnlyPagesScript, withoutPark, type PageKeys } from './pageScripts';
import { rasterizeScript, type DrawnFormat } from './rasterScript';

export const PRINT_ORIGIN = 'http://gazette.print';

/** What the print page exposes (renderer/print/print.ts). */
interface PrintWindow {
  gazettePrint?: { ready: boolean; layout(job: LayoutJob): Promise<LayoutResult> };
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** GAZETTE_CHROMIUM, else the first installed Chromium/Chrome/Edge. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GAZETTE_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`GAZETTE_CHROMIUM=${configured} does not exist`);
    return configured;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('no Chromium, Chrome or Edge found; install one or set GAZETTE_CHROMIUM to its executable');
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

async function serveLocalOnly(page: Page, staticHtml: { current: string | null }): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
    if (url.pathname === '/print/static.html' && staticHtml.current !== null) {
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES['.html'], body: staticHtml.current });
    }
    const file = resolveRendererFile(url.pathname);
    // A file that cannot be read (a folder, or gone while dist/ is rebuilt) must still get an answer: an
    // unanswered request leaves the page waiting, e.g. document.fonts.ready never settles and layout hangs.
    let body: Buffer | null;
    try {
      body = file ? readFileSync(file) : null;
    } catch {
      body = null;
    }
    if (!file || !body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body });
  });
}

function withLimit<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export interface ChromiumEngineOptions {
  executablePath?: string;
}

export class ChromiumEngine implements PrintEngine {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly userDataDir: string,
    private readonly staticHtml: { current: string | null },
  ) {}

  static async launch(opts: ChromiumEngineOptions = {}): Promise<ChromiumEngine> {
    assertPrintPageBuilt();
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'gazette-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: opts.executablePath ?? findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 900, height: 1200 },
      offline: false,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const staticHtml = { current: null as string | null };
    await serveLocalOnly(page, staticHtml);
    const engine = new ChromiumEngine(context, page, userDataDir, staticHtml);
    await engine.openPrintPage();
    return engine;
  }

  private async openPrintPage(): Promise<void> {
    await this.page.goto(`${PRINT_ORIGIN}/print/print.html`, { waitUntil: 'load', timeout: 60_000 });
    await this.page.waitForFunction(() => (globalThis as unknown as PrintWindow).gazettePrint?.ready === true, undefined, { timeout: 60_000 });
  }

  async layout(job: LayoutJob): Promise<LayoutResult> {
    if (!this.page.url().endsWith('/print/print.html')) await this.openPrintPage();
    // Runs in the print page (main/ is type-checked without DOM typings, hence globalThis). The page
    // limits each unit; this limits the whole call, so a broken page can never hang an export.
    const limitMs = (job.timeoutMs ?? 120_000) * Math.max(2, job.units.length + 2);
    return withLimit(
      this.page.evaluate<LayoutResult>(parkedLayoutScript(job)),
      limitMs,
      `layout of the issue did not finish within ${Math.round(limitMs / 1000)} s`,
    );
  }

  async printPdf(opts: PrintPdfOptions = {}): Promise<Uint8Array> {
    const print = () =>
      withLimit(
        this.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: opts.tagged === true, margin: { top: 0, right: 0, bottom: 0, left: 0 } }),
        300_000,
        'printing did not finish within 300 s',
      );
    if (!opts.pages) return print();
    // The other pages are hidden rather than left out with pageRanges: Chromium then lays out only the
    // pages it prints, which is what makes a partial print cheap.
    const kept = await this.page.evaluate<number>(printOnlyPagesScript(opts.pages));
    try {
      if (kept !== opts.pages.length) throw new Error(`print page has ${kept} of the ${opts.pages.length} pages asked for`);
      return await print();
    } finally {
      await this.page.evaluate(RESTORE_ALL_PAGES_SCRIPT);
    }
  }

  async pageKeys(): Promise<PageKeys> {
    return this.page.evaluate<PageKeys>(PAGE_KEYS_SCRIPT);
  }

  async printStaticHtml(html: string): Promise<Uint8Array> {
    this.staticHtml.current = html;
    await this.page.goto(`${PRINT_ORIGIN}/print/static.html`, { waitUntil: 'load' });
    await this.page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => undefined));
    const pdf = await this.printPdf();
    this.staticHtml.current = null;
    return pdf;
  }

  async rasterize(dataUrl: string, width: number, height: number, format?: DrawnFormat): Promise<Uint8Array> {
    const base64 = await withLimit(this.page.evaluate<string>(rasterizeScript(dataUrl, width, height, format)), 60_000, 'drawing a picture did not finish within 60 s');
    return new Uint8Array(Buffer.from(base64, 'base64'));
  }

  processIds(): number[] {
    const browser = this.context.browser() as unknown as { process?: () => { pid?: number } } | null;
    const pid = browser?.process?.()?.pid;
    return pid ? [pid] : [];
  }

  /** The page's current HTML (after layout): the laid-out pages, for the print floor and --html. */
  async currentHtml(): Promise<string> {
    return withoutPark(await this.page.content());
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

