/**
 * The live preview's print page runs on another site than the app (http://localhost:P beside
 * http://127.0.0.1:P), so Chromium puts it in its own renderer process: Paged.js never blocks the editor.
 * Checks that it is out of process (CDP target of type "iframe"; a busy loop in it does not stop the app's
 * frames), that it holds no token, and that it answers only well-formed messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';

const enabled = !!chromiumPath();

describe.skipIf(!enabled)('preview frame isolation', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let printFrame: Frame;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.click('.issue-link');
    await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 90_000 });
    const handle = await page.$('[data-testid=preview-frame]');
    printFrame = (await handle!.contentFrame())!;
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the print page from the other loopback name, without the token', async () => {
    const port = new URL(server.base).port;
    expect(new URL(printFrame.url()).origin).toBe(`http://localhost:${port}`);
    expect(printFrame.url()).not.toContain('token');
    expect(await printFrame.locator('body').textContent()).toContain('营商环境监督员');
    // The print frame cannot call the contract: its origin has no token cookie.
    const status = await printFrame.evaluate(() => fetch('/api/issues.list', { method: 'POST', body: '{}' }).then((r) => r.status));
    expect(status).toBe(401);
  });

  it('runs the print page in its own renderer process', async () => {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
    const printTargets = targetInfos.filter((t) => t.type === 'iframe' && t.url.includes('/print/print.html'));
    // Both print frames (the unit preview and the whole-issue layout) are out-of-process iframes.
    expect(printTargets.length).toBeGreaterThanOrEqual(1);
    await cdp.detach();
  });

  it('keeps the app painting while the print frame is busy', async () => {
    // The app notes the time of every frame it draws…
    await page.evaluate(() => {
      const w = window as unknown as { __frameTimes: number[]; __stopFrames: boolean };
      w.__frameTimes = [];
      w.__stopFrames = false;
      const tick = () => {
        w.__frameTimes.push(Date.now());
        if (!w.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // …while the print frame runs ten seconds of script without a break (as a long Paged.js layout would)…
    const loop = await printFrame.evaluate(() => {
      const start = Date.now();
      while (Date.now() - start < 10_000);
      return { start, end: Date.now() };
    });
    const times = await page.evaluate(() => {
      const w = window as unknown as { __frameTimes: number[]; __stopFrames: boolean };
      w.__stopFrames = true;
      return w.__frameTimes;
    });
    // …and drew frames all along. Counted, not timed: a loaded machine draws slowly, but in one process with
    // the print page the app would draw none until the script ends.
    expect(times.filter((t) => t > loop.start && t < loop.end).length).toBeGreaterThanOrEqual(10);
  });

  it('answers well-formed requests from the app and ignores anything else', async () => {
    const replies = await page.evaluate(async () => {
      const frame = (document.querySelector('[data-testid=preview-frame]') as HTMLIFrameElement).contentWindow!;
      const origin = new URL((document.querySelector('[data-testid=preview-frame]') as HTMLIFrameElement).src).origin;
      const seen: unknown[] = [];
      const listen = (e: MessageEvent) => {
        if (e.source === frame) seen.push(e.data);
      };
      window.addEventListener('message', listen);
      const protocol = 'gazette-print/1';
      frame.postMessage({ protocol, kind: 'layout', id: 901, job: { units: 'not a list' } }, origin);
      frame.postMessage({ protocol, kind: 'evaluate', id: 902, code: 'alert(1)' }, origin);
      frame.postMessage({ protocol: 'other', kind: 'ping' }, origin);
      frame.postMessage({ protocol, kind: 'thumbnails', id: 903, on: false }, origin);
      // Until the reply to the last request has come (the frame answers in order), and at least 0.8 s for
      // a stray answer to the others to come too.
      const since = Date.now();
      while (!seen.some((r) => (r as { id?: number }).id === 903) || Date.now() - since < 800) await new Promise((r) => setTimeout(r, 50));
      window.removeEventListener('message', listen);
      return seen as Array<{ kind: string; id?: number }>;
    });
    expect(replies.filter((r) => r.id === 901 || r.id === 902)).toEqual([]);
    expect(replies.find((r) => r.id === 903)?.kind).toBe('done');
  });

  it('prints through the protocol (the print page calls its own print())', async () => {
    const reply = await page.evaluate(async () => {
      const iframe = document.querySelector('[data-testid=preview-frame]') as HTMLIFrameElement;
      const origin = new URL(iframe.src).origin;
      return new Promise<{ kind: string; id?: number }>((resolve) => {
        const listen = (e: MessageEvent) => {
          if (e.source === iframe.contentWindow && e.data?.id === 904) {
            window.removeEventListener('message', listen);
            resolve(e.data);
          }
        };
        window.addEventListener('message', listen);
        iframe.contentWindow!.postMessage({ protocol: 'gazette-print/1', kind: 'print', id: 904 }, origin);
      });
    });
    expect(reply.kind).toBe('done');
  });

  it('stops a running layout on cancel: it fails as superseded and the next layout runs', async () => {
    const replies = await page.evaluate(async () => {
      const iframe = document.querySelector('[data-testid=preview-frame]') as HTMLIFrameElement;
      const origin = new URL(iframe.src).origin;
      const protocol = 'gazette-print/1';
      const unit = (id: string, text: string) => ({
        id,
        hash: `${id}-${Date.now()}`,
        label: id,
        sectionName: '测试',
        documentIds: [id],
        html: `<section class="gz-unit" data-unit-id="${id}" data-section="测试"><article class="gz-doc gz-kind-normative" id="doc-${id}" data-doc-id="${id}"><div class="gz-region gz-region--full" data-region="full"><p class="gz-p">${text}</p></div></article></section>`,
      });
      const job = (id: string, text: string) => ({ units: [unit(id, text)], evenHead: '测试', fonts: 'bundled' });
      const seen = new Map<number, { kind: string; message?: string }>();
      const listen = (e: MessageEvent) => {
        if (e.source === iframe.contentWindow && (e.data?.id === 951 || e.data?.id === 952)) seen.set(e.data.id, e.data);
      };
      window.addEventListener('message', listen);
      // A long layout (dozens of pages), stopped while it runs, then a short one.
      iframe.contentWindow!.postMessage({ protocol, kind: 'layout', id: 951, job: job('long', '政务公开信息'.repeat(8000)) }, origin);
      await new Promise((r) => setTimeout(r, 400));
      iframe.contentWindow!.postMessage({ protocol, kind: 'cancel' }, origin);
      iframe.contentWindow!.postMessage({ protocol, kind: 'layout', id: 952, job: job('short', '最新的文字') }, origin);
      const started = Date.now();
      while (seen.size < 2 && Date.now() - started < 100_000) await new Promise((r) => setTimeout(r, 50));
      window.removeEventListener('message', listen);
      return Object.fromEntries(seen);
    });
    expect(replies[951]).toMatchObject({ kind: 'failed', message: 'superseded by a newer layout' });
    expect(replies[952]?.kind).toBe('done');
    expect(await printFrame.locator('body').textContent()).toContain('最新的文字');
    expect(await printFrame.locator('body').textContent()).not.toContain('政务公开信息');
  }, 120_000);

  it('shows the latest text after edits that stop and resume while layouts run', async () => {
    const title = page.locator('[data-testid=editor] .el-doc-title').first();
    const box = (await title.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
    // Pauses long enough for a layout to start, short enough for the next edit to stop it.
    for (const [i, pause] of [350, 500, 700, 250, 900].entries()) {
      await page.keyboard.type(`甲${i}`);
      await page.waitForTimeout(pause);
    }
    await page.keyboard.type('末尾');
    await expect.poll(() => printFrame.locator('body').textContent(), { timeout: 60_000 }).toContain('甲0甲1甲2甲3甲4末尾');
    await expect.poll(() => page.locator('[data-testid=preview-status]').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await printFrame.locator('body').textContent()).toContain('甲0甲1甲2甲3甲4末尾');
  }, 120_000);

  it('keeps laying out while its panel is not shown (parked frames are not throttled)', async () => {
    await page.click('[data-testid=tab-toc]');
    const title = page.locator('[data-testid=editor] .el-doc-title').first();
    const box = (await title.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
    await page.keyboard.type('（隔离）');
    // The preview panel is hidden behind the TOC tab, yet its frame lays out the edit.
    await expect.poll(() => printFrame.locator('body').textContent(), { timeout: 30_000 }).toContain('（隔离）');
    await page.click('[data-testid=tab-preview]');
    await expect.poll(() => page.locator('[data-testid=preview-status]').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
  });

  it('is framed only by the app (CSP frame-ancestors) and the app frames only it (frame-src)', async () => {
    const port = new URL(server.base).port;
    const print = await fetch(`http://localhost:${port}/print/print.html`);
    expect(print.status).toBe(200);
    expect(print.headers.get('content-security-policy')).toContain(`frame-ancestors http://127.0.0.1:${port}`);
    const app = await fetch(server.url);
    expect(app.headers.get('content-security-policy')).toContain(`frame-src http://localhost:${port};`);
  });
});
