/**
 * The library file's state in the app: a read-only library shows a banner (and saves are refused with a
 * sentence), and 恢复 puts the day's automatic backup back in place through the web bridge.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, ROOT, startServer } from './e2e-support';

const hasSample = existsSync(path.join(ROOT, 'resources/sample/sample-issue.json'));
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

describe.skipIf(!chromiumPath() || !hasSample)('library health in the app', () => {
  let browser: Browser;
  beforeAll(async () => {
    ensureBuilt();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('恢复 brings back the backup taken when the library was opened', async () => {
    const db = freshDbPath();
    const server = await startServer(db);
    try {
      // A new library: the sample issue, and today's backup taken once it is in.
      expect(readdirSync(path.join(path.dirname(db), 'backups'))).toHaveLength(1);
      await callApi(server, 'issues.createNext', {});
      expect(await callApi<unknown[]>(server, 'issues.list', {})).toHaveLength(2);

      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid=issue-table]');
      await page.click('[data-testid=restore-button]');
      await page.waitForSelector('[data-testid=restore-panel]');
      page.once('dialog', (dialog) => void dialog.accept());
      // The sentence shows 0.8 s before the page reloads: wait for it from before the click, or a slow
      // round trip looks for it in the reloaded page, where it never comes.
      const told = page.waitForSelector('text=正在重新载入', { timeout: 60_000 });
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await page.click('[data-testid=restore-confirm]');
      await told;
      await reloaded;
      await expect.poll(() => page.locator('[data-testid=issue-table] tbody tr').count(), { timeout: 30_000 }).toBe(1);
      expect(await callApi<unknown[]>(server, 'issues.list', {})).toHaveLength(1);
      // The replaced file is kept beside the library.
      expect(readdirSync(path.dirname(db)).some((n) => n.startsWith('library.sqlite.before-restore-'))).toBe(true);
      await page.close();
    } finally {
      await server.stop();
    }
  }, 240_000);

  it.skipIf(!canMount)('shows a banner for a library on a read-only file system', async () => {
    const db = freshDbPath();
    const setup = await startServer(db);
    await setup.stop();
    const mnt = path.join(path.dirname(db), 'ro');
    mkdirSync(mnt);
    // Bind the folder read-only: the library and its folder cannot be written.
    expect(spawnSync('mount', ['--bind', path.dirname(db), mnt]).status).toBe(0);
    try {
      expect(spawnSync('mount', ['-o', 'remount,ro,bind', mnt]).status).toBe(0);
      const server = await startServer(path.join(mnt, 'library.sqlite'));
      try {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.waitForSelector('[data-testid=read-only-banner]');
        expect(await page.locator('[data-testid=read-only-banner]').textContent()).toContain('资料库是只读的');
        await page.screenshot({ path: path.join(path.dirname(db), 'read-only.png') });
        await expect(callApi(server, 'issues.createNext', {})).rejects.toThrow('资料库是只读的');
        await page.close();
      } finally {
        await server.stop();
      }
    } finally {
      spawnSync('umount', [mnt]);
    }
  }, 240_000);
});
