/**
 * The real print page (dist/renderer/print) opened in Chromium on its own origin, for the tests that run
 * its stages on fixtures (tests/print-stages*.test.ts). Fixtures live in tests/fixtures/print-stages/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { assertPrintPageBuilt, CONTENT_TYPES, resolveRendererFile } from '../main/export/assets';
import { CHROMIUM_ARGS, findChromium, PRINT_ORIGIN } from '../main/export/chromium';

export const stageFixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/print-stages', `${name}.html`), 'utf8');

/** Open the print page and wait until `gazettePrint` is ready; `close` ends the browser and its profile. */
export async function openPrintPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  assertPrintPageBuilt();
  const profile = mkdtempSync(path.join(tmpdir(), 'gazette-stages-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 900, height: 1200 } });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === PRINT_ORIGIN ? resolveRendererFile(url.pathname) : null;
    if (!file) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.goto(`${PRINT_ORIGIN}/print/print.html`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => (globalThis as unknown as { gazettePrint?: { ready: boolean } }).gazettePrint?.ready === true, undefined, { timeout: 60_000 });
  return { page, close };
}

/** Open the print page before the file's tests and close it after them; `use` gets the page. */
export function usePrintPage(use: (page: Page) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openPrintPage();
    close = opened.close;
    use(opened.page);
  });
  afterAll(async () => {
    await close?.();
  });
}
