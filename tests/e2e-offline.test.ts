/**
 * Offline and private, proved in Chromium: pasted HTML that names remote resources in every way a page can
 * (img src/srcset, CSS url() and @import, @font-face, <link>, <iframe>, <object>, <embed>, video poster, SVG
 * <image href> / xlink:href, a file:// picture) and carries scripts and event handlers, plus an SVG picture
 * in the library that holds the same, go through the editor, the live preview (its print frame), the PDF
 * export and the published web edition. Every request of the app's pages is intercepted (a context route):
 * none may leave the bridge's two loopback origins, none may reach a "remote" server (a real one on another
 * port, counting hits), and no script or handler may run. The web edition, opened from file://, loads
 * nothing outside its folder and holds no SVG file that a reader (or the portal) could open and run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, ROOT, startServer, type RunningServer } from './e2e-support';

const hasChromium = !!chromiumPath();
const POLL = { timeout: 30_000 };

let remote: Server;
let remoteBase = '';
/** Every request the "remote" server got: each one is a leak. */
const remoteHits: string[] = [];
/** Every request a page made outside what it may load. */
const outside: string[] = [];

function hostileHtml(): string {
  const r = remoteBase;
  return (
    `<p>远程资源粘贴测试正文<img src="${r}/img.png" srcset="${r}/img2x.png 2x" onerror="window.__pwned='img'">` +
    `<span style="background:url(${r}/bg.png)">背景图</span></p>` +
    `<link rel="stylesheet" href="${r}/style.css"><style>@import url(${r}/import.css); @font-face{font-family:remote;src:url(${r}/font.woff2)} p{font-family:remote}</style>` +
    `<iframe src="${r}/frame.html"></iframe><object data="${r}/object.swf"></object><embed src="${r}/embed.swf">` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="window.__pwned='svg'"><image href="${r}/svg-image.png"/><image xlink:href="${r}/svg-xlink.png"/><script>window.__pwned='svg-script'</script></svg>` +
    `<video poster="${r}/poster.png"></video><p>第二段<img src="file:///etc/hostname" onerror="window.__pwned='file'"></p>` +
    `<script>window.__pwned='script'</script><p onclick="window.__pwned='click'" onmouseover="window.__pwned='hover'">粘贴结束。</p>`
  );
}

function hostileSvg(): string {
  const r = remoteBase;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="window.__pwned='svg-asset'">` +
    `<style>@import url(${r}/svg-import.css); rect{fill:url(${r}/svg-fill.svg#p)}</style>` +
    `<script>window.__pwned='svg-asset-script';fetch('${r}/svg-fetch')</script>` +
    `<rect width="200" height="100" fill="#c00"/><image href="${r}/asset-image.png" width="10" height="10"/><image xlink:href="${r}/asset-xlink.png" width="10" height="10"/>` +
    `<foreignObject width="10" height="10"><img xmlns="http://www.w3.org/1999/xhtml" src="${r}/asset-foreign.png"/></foreignObject></svg>`
  );
}

/** A page context that records (and blocks) every request outside `allowed`. */
async function guardedContext(browser: Browser, allowed: (url: string) => boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

/** window.__pwned in the page and every frame it holds (the preview's print frame). */
async function ranScripts(page: Page): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const frame of page.frames()) out.push(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => 'frame gone'));
  return out.filter((v) => v !== undefined);
}

describe.skipIf(!hasChromium)('offline and private: hostile content never reaches the network nor runs', () => {
  let server: RunningServer;
  let browser: Browser;
  let db = '';
  let issueId = '';
  let documentId = '';
  let assetId = '';

  beforeAll(async () => {
    ensureBuilt();
    remote = createServer((req, res) => {
      remoteHits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    db = freshDbPath();
    // A small issue of our own (the library also gets the sample issue).
    const notice = path.join(path.dirname(db), 'notice.txt');
    writeFileSync(notice, '关于做好离线安全检查工作的通知\n\n各单位：\n为做好离线安全检查工作，现将有关事项通知如下。\n\n市政府办公室\n2024年6月1日\n');
    issueId = (JSON.parse(execFileSync(process.execPath, ['bin/gazette.mjs', 'import', notice, '--db', db], { cwd: ROOT, encoding: 'utf8' })) as { issueId: string }).issueId;
    server = await startServer(db);
    const tree = await callApi<{ sections: Array<{ documents: Array<{ id: string }> }> }>(server, 'issues.getTree', { issueId });
    documentId = tree.sections.flatMap((s) => s.documents)[0].id;
    // The SVG picture, as an editor inserting a file received by mail would put it in the library.
    assetId = (await callApi<{ assetId: string }>(server, 'assets.put', { mime: 'image/svg+xml', dataBase64: Buffer.from(hostileSvg()).toString('base64') })).assetId;
    const doc = await callApi<{ content: { blocks: unknown[] } }>(server, 'documents.get', { documentId });
    const content = { ...doc.content, blocks: [...doc.content.blocks, { type: 'image', assetId, width: 199.5, alt: '示意图', children: [{ text: '' }] }] };
    await callApi(server, 'documents.save', { documentId, content });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    remote?.close();
  });

  it('the editor and the live preview: a paste of hostile HTML and a hostile SVG picture', async () => {
    const port = new URL(server.base).port;
    const own = [server.base, `http://localhost:${port}`];
    const context = await guardedContext(browser, (url) => own.some((o) => url === o || url.startsWith(`${o}/`)) || url.startsWith('data:') || url.startsWith('blob:'));
    const page = await context.newPage();
    await page.goto(`${server.url}#/issue/${issueId}/doc/${documentId}`);
    await page.waitForSelector('[data-testid=editor] .el-doc-title', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=editor] img', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 120_000 });
    // Paste at the end of the first body paragraph, as Chromium delivers a rich paste (beforeinput).
    const body = page.locator('[data-testid=editor] > .el-paragraph').first();
    const box = (await body.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
      const editable = document.querySelector('[data-testid=editor]')!;
      editable.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
    }, hostileHtml());
    await expect.poll(() => page.locator('[data-testid=editor]').textContent(), POLL).toContain('粘贴结束。');
    await page.waitForSelector('[data-testid=save-state][data-state=saved]', { timeout: 30_000 });
    const preview = page.frameLocator('[data-testid=preview-frame]');
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 120_000 }).toContain('粘贴结束');
    await expect.poll(() => preview.locator('img').count(), POLL).toBeGreaterThan(0);
    // Hover and click the pasted text: a kept handler would fire now.
    await page.locator('[data-testid=editor] :text("粘贴结束。")').first().hover();
    await page.locator('[data-testid=editor] :text("粘贴结束。")').first().click();
    await page.waitForTimeout(1500);
    expect(await ranScripts(page)).toEqual([]);
    expect(outside).toEqual([]);
    expect(remoteHits).toEqual([]);
    const saved = JSON.stringify(await callApi(server, 'documents.get', { documentId }));
    expect(saved).toContain('粘贴结束');
    expect(saved).not.toContain(remoteBase);
    await context.close();
  }, 400_000);

  it('the PDF export (the print page in the export Chromium) fetches nothing', async () => {
    const result = await callApi<{ path: string }>(server, 'export.pdf', { issueId });
    expect(readFileSync(result.path).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(remoteHits).toEqual([]);
  }, 400_000);

  it('the published web edition loads nothing outside its folder and holds no SVG file', async () => {
    const out = path.join(path.dirname(db), 'web');
    execFileSync(process.execPath, ['bin/gazette.mjs', 'publish', '--issue', issueId, '--out', out, '--db', db], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /\.svg$/i.test(f))).toEqual([]);
    const folder = pathToFileURL(out).href;
    const context = await guardedContext(browser, (url) => url.startsWith(`${folder}/`) || url.startsWith('data:'));
    const page = await context.newPage();
    for (const rel of ['index.html', `docs/${documentId}.html`]) {
      await page.goto(pathToFileURL(path.join(out, rel)).href);
      await page.waitForLoadState('load');
      await page.waitForTimeout(500);
    }
    // The picture is shown (from a data: URL), with its scripts inert.
    const src = await page.locator('figure img').first().getAttribute('src');
    expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await page.locator('figure img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await ranScripts(page)).toEqual([]);
    expect(outside).toEqual([]);
    expect(remoteHits).toEqual([]);
    await context.close();
  }, 700_000);
});
