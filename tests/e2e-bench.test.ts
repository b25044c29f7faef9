/**
 * App bench (run with GAZETTE_BENCH=1; prints figures, asserts nothing about time):
 *   - keystroke to paint, p50/p95, typing in the largest document (城市体检, with its tables), and the page's
 *     main-thread CPU time per keystroke (from a Chromium trace: not inflated by other load on the machine);
 *   - preview of the current unit updated after typing stops;
 *   - opening the issue to its first document and preview (from the library, whose screen boots the print
 *     frame; and straight from a reload of the issue's URL, print frame cold);
 *   - library search across 50 issues (49 duplicates of the sample), over the bridge and in the UI;
 *   - the typing floor: the same keystrokes into a static copy of 城市体检's editor DOM (plain contenteditable,
 *     same styles, no scripts), i.e. what Chromium alone costs on this machine (floorKeystroke* figures).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer } from './e2e-support';
import { caretInParagraph, installPaintProbe, paintLatencies, settleLayouts, typeSteadily } from './typing-steps';

const enabled = process.env.GAZETTE_BENCH === '1' && !!chromiumPath();

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
}

type TraceEvent = { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { data?: { type?: string } } };

/**
 * Thread CPU time per keystroke on the app page's main thread (the thread that dispatched the key events):
 * the sum of its top-level tasks' CPU time, divided by the keystrokes.
 */
function mainThreadCpuMs(trace: { traceEvents: TraceEvent[] }, keystrokes: number): number {
  const dispatches = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0];
  let cpu = 0;
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && `${e.pid}:${e.tid}` === main) cpu += (e.tdur ?? 0) / 1000;
  return Math.round((cpu / keystrokes) * 10) / 10;
}

/**
 * Per keystroke, from the same trace: keydown until the frame showing it was handed to the compositor (the end
 * of the first Layerize after the keystroke's input event), in ms. The page-side figure (rAF, then a message)
 * ends later than the paint whenever tasks queued before that message (the selectionchange and keyup
 * handlers) run first: both are reported.
 */
function keystrokeToFrameMs(trace: { traceEvents: TraceEvent[] }): number[] {
  const dispatches = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0];
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  const out: number[] = [];
  for (const [i, keydown] of events.entries()) {
    if (keydown.name !== 'EventDispatch' || keydown.args?.data?.type !== 'keydown') continue;
    const input = events.slice(i).find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
    const frame = input && events.find((e) => e.name === 'Layerize' && e.ts >= input.ts + (input.dur ?? 0));
    if (frame) out.push((frame.ts + (frame.dur ?? 0) - keydown.ts) / 1000);
  }
  return out;
}

/**
 * Types 120 keys (a space every tenth) 30 ms apart at the caret, traced: the page's main-thread CPU per
 * keystroke, keystroke to frame (from the trace) and keystroke to paint (from the page), p50 and p95.
 */
async function typeTraced(browser: Browser, page: Page): Promise<Record<string, unknown>> {
  await installPaintProbe(page);
  // Traced: the page's main-thread CPU time per keystroke, which other load on the machine does not inflate.
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await typeSteadily(page, 120);
  const typingTrace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const toFrame = keystrokeToFrameMs(typingTrace).slice(10);
  const lat = await paintLatencies(page);
  return {
    keystrokeMainThreadCpuMs: mainThreadCpuMs(typingTrace, 120),
    keystrokeToFrameP50Ms: quantile(toFrame, 0.5),
    keystrokeToFrameP95Ms: quantile(toFrame, 0.95),
    keystrokeToPaintP50Ms: quantile(lat.slice(10), 0.5),
    keystrokeToPaintP95Ms: quantile(lat.slice(10), 0.95),
    keystrokeSlowest: [...lat].sort((a, b) => b - a).slice(0, 8).map(Math.round),
  };
}

describe.skipIf(!enabled)('app bench', () => {
  it('measures typing, preview, open and search', async () => {
    ensureBuilt();
    const server = await startServer(freshDbPath());
    const browser = await launchBrowser();
    const figures: Record<string, unknown> = {};
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url);
      await page.waitForSelector('.issue-link');
      const t0 = Date.now();
      await page.click('.issue-link');
      await page.waitForSelector('[data-testid=editor] .el-doc-title');
      figures.openToEditorMs = Date.now() - t0;
      await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 120_000 });
      figures.openToPreviewMs = Date.now() - t0;

      // The largest document: 城市体检.
      await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
      const tSwitch = Date.now();
      await page.locator('[data-testid=outline-doc]', { hasText: '城市体检' }).click();
      // Switching documents: until the largest one (621 table cells) is in the editor.
      await page.waitForSelector('[data-testid=editor] [data-type=doc-title]:has-text("城市体检")', { timeout: 60_000 });
      figures.switchToLargestEditorMs = Date.now() - tSwitch;
      figures.switchMainThreadCpuMs = mainThreadCpuMs(JSON.parse((await browser.stopTracing()).toString()), 1);
      await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 180_000 });
      figures.chars = await page.locator('[data-testid=char-count]').textContent();
      await settleLayouts(page);
      await caretInParagraph(page);
      Object.assign(figures, await typeTraced(browser, page));

      // The floor: the same editor DOM and styles as a plain contenteditable page (no React, no Slate, no
      // handlers), typed the same way. What remains there is Chromium's own cost of editing this document.
      const floorHtml = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        for (const el of body.querySelectorAll('script, iframe')) el.remove();
        const head = [...document.head.querySelectorAll('link[rel=stylesheet], style')].map((el) => el.outerHTML).join('');
        return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head>${body.outerHTML}</html>`;
      });

      // Typing in bursts with short pauses, so the preview re-lays out between bursts (in the print frame's
      // process, but on the same two cores).
      await page.evaluate(() => ((window as unknown as { __lat: number[] }).__lat = []));
      for (let burst = 0; burst < 6; burst++) {
        for (let i = 0; i < 15; i++) await page.keyboard.press('KeyB').then(() => page.waitForTimeout(40));
        await page.waitForTimeout(burst % 2 ? 2500 : 900);
      }
      const bursty = await paintLatencies(page);
      figures.burstsKeystrokeToPaintP50Ms = quantile(bursty, 0.5);
      figures.burstsKeystrokeToPaintP95Ms = quantile(bursty, 0.95);
      figures.burstsSlowest = [...bursty].sort((a, b) => b - a).slice(0, 6).map(Math.round);

      // Preview after typing stops: type a marker, then time until the preview shows it.
      await page.keyboard.type('XQZ');
      const stop = Date.now();
      const preview = page.frameLocator('[data-testid=preview-frame]');
      await expect.poll(() => preview.locator('body').textContent(), { timeout: 120_000, interval: 50 }).toContain('XQZ');
      figures.previewAfterTypingStopsMs = Date.now() - stop;

      // Open the issue straight from its URL (a reload): no library screen, the print frame boots cold.
      const issueHash = new URL(page.url()).hash.replace(/\/doc\/.*$/, '');
      await page.waitForSelector('[data-testid=save-state][data-state=saved]', { timeout: 30_000 });
      await page.goto('about:blank');
      const t2 = Date.now();
      await page.goto(server.url + issueHash);
      await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 120_000 });
      figures.reloadToPreviewMs = Date.now() - t2;

      // Library search across 50 issues.
      const [{ id }] = await callApi<Array<{ id: string }>>(server, 'issues.list', {});
      const t1 = Date.now();
      for (let i = 0; i < 49; i++) await callApi(server, 'issues.duplicate', { issueId: id });
      figures.duplicate49IssuesMs = Date.now() - t1;
      const queries = ['营商环境', '城市体检', '砂石', '大事记', '专项整治行动', '非法集资'];
      const times: number[] = [];
      let hits = 0;
      for (let round = 0; round < 3; round++)
        for (const query of queries) {
          const s = performance.now();
          hits = (await callApi<unknown[]>(server, 'search', { query })).length;
          times.push(performance.now() - s);
        }
      figures.searchApiMedianMs = quantile(times, 0.5);
      figures.searchApiP95Ms = quantile(times, 0.95);
      figures.searchLastHits = hits;
      await page.goto(server.url);
      await page.waitForSelector('[data-testid=issue-table]');
      const s2 = Date.now();
      await page.fill('[data-testid=library-search]', '专项整治行动');
      await page.waitForSelector('[data-testid=search-results] li');
      figures.searchUiMs = Date.now() - s2 - 150; // minus the input debounce

      // The floor, typed last (and alone) so that its page does not disturb the app's figures.
      await page.close();
      const floorPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const floorUrl = new URL('typing-floor.html', server.url).href;
      await floorPage.route(floorUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: floorHtml }));
      await floorPage.goto(floorUrl);
      await caretInParagraph(floorPage);
      for (const [name, value] of Object.entries(await typeTraced(browser, floorPage))) figures[name.replace(/^keystroke/, 'floorKeystroke')] = value;
      await floorPage.close();

    } finally {
      console.log('APP BENCH', JSON.stringify(figures));
      await browser.close();
      await server.stop();
    }
  }, 900_000);
});
