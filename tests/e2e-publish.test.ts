import { execFileSync } from 'node:child_process';
/**
 * 发布网页版 in the app (browser bridge): the button publishes the open issue into `exports/` beside the
 * library; the channel takes no path from the renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';

describe.skipIf(!chromiumPath())('发布网页版 in the app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let db: string;

  beforeAll(async () => {
    ensureBuilt();
    db = freshDbPath();
    server = await startServer(db);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a path from the renderer', async () => {
    await expect(callApi(server, 'export.publish', { issueId: 'sample-issue', path: '/tmp/elsewhere' })).rejects.toThrow();
  });

  it('publishes the open issue into exports/ beside the library', async () => {
    await page.goto(server.url);
    await page.click('.issue-link');
    await page.waitForSelector('[data-testid=publish-web]');
    await page.click('[data-testid=publish-web]');
    const result = page.locator('[data-testid=export-result]');
    await result.waitFor({ timeout: 840_000 });
    const dir = (await result.getAttribute('data-path'))!;
    expect(path.dirname(dir)).toBe(path.join(path.dirname(db), 'exports'));
    expect(path.basename(dir)).toBe('格尔木市人民政府政务公开信息-2024年第6期-网页版');
    expect(await result.textContent()).toContain('10 篇');
    for (const file of ['index.html', 'issue.json', 'pdf/issue.pdf', 'docs/sample-doc-01.html', 'pdf/sample-doc-01.pdf']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const meta = JSON.parse(readFileSync(path.join(dir, 'issue.json'), 'utf8')) as { documents: unknown[]; pdfPages: number };
    expect(meta.documents).toHaveLength(10);
    // As many pages as the issue PDF it ships.
    expect(meta.pdfPages).toBe(Number(execFileSync('pdfinfo', [path.join(dir, 'pdf/issue.pdf')], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)![1]));
  }, 900_000);
});
