/**
 * Screenshots of the workspace's screens for a person to look at (GAZETTE_SHOTS=DIR; sizes from
 * GAZETTE_SHOT_SIZES, default "1920x1080,1280x720"): the editor, 查找替换 across the issue, 公文检查,
 * the findings before export, the 新建一期 dialog, the outline / editor / table menus, the 回收站 and the
 * thumbnails. Asserts only that each screen opened.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Block } from './e2e-editing-fixture';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer } from './e2e-support';

const SHOTS = process.env.GAZETTE_SHOTS;
const SIZES = (process.env.GAZETTE_SHOT_SIZES ?? '1920x1080,1280x720').split(',').map((s) => s.split('x').map(Number) as [number, number]);

type Doc = { id: string; title: string };
type Content = { schemaVersion: number; blocks: Block[] };

describe.skipIf(!SHOTS || !chromiumPath())('screenshots', () => {
  it('takes every workspace screen at each size', async () => {
    ensureBuilt();
    const server = await startServer(freshDbPath());
    const browser = await launchBrowser();
    try {
      const issueId = (await callApi<Array<{ id: string }>>(server, 'issues.list', {}))[0].id;
      const tree = await callApi<{ sections: Array<{ documents: Doc[] }> }>(server, 'issues.getTree', { issueId });
      const docs = tree.sections.flatMap((s) => s.documents);
      // A wrong date in the last document (not open): the findings show before export.
      const last = docs[docs.length - 1];
      const { content } = await callApi<{ content: Content }>(server, 'documents.get', { documentId: last.id });
      await callApi(server, 'documents.save', { documentId: last.id, content: { ...content, blocks: [...content.blocks, { type: 'date-line', children: [{ text: '2024年13月45日' }] }] } });
      const table = docs.find((d) => d.title.includes('城市体检')) ?? docs[0];
      // A removed document: the 回收站 shows it.
      await callApi(server, 'documents.remove', { documentId: docs[docs.length - 2].id });
      for (const [width, height] of SIZES) {
        const page = await browser.newPage({ viewport: { width, height } });
        const shot = (name: string) => page.screenshot({ path: path.join(SHOTS!, `${name}-${width}x${height}.png`) });
        await page.goto(`${server.url}#/issue/${issueId}/doc/${docs[0].id}`);
        await page.waitForSelector('[data-testid=editor] [data-type=paragraph]');
        await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 120_000 });
        await shot('workspace');
        await openMenu(page, '[data-testid=editor] [data-type=paragraph] >> nth=1', 'editor-menu');
        await shot('editor-menu');
        await page.keyboard.press('Escape');
        await openMenu(page, '[data-testid=outline-doc] >> nth=1', 'outline-menu');
        await shot('outline-menu');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+F');
        await page.fill('[data-testid=issue-find-query]', '城市');
        await page.waitForSelector('[data-testid=issue-find-hit]');
        await shot('find-panel');
        await page.click('[data-testid=tab-checks]');
        await page.waitForSelector('[data-testid=checks-panel]');
        await shot('checks-panel');
        await page.click('[data-testid=export-pdf]');
        await page.waitForSelector('[data-testid=preexport-dialog]');
        await shot('export-findings');
        await page.keyboard.press('Escape');
        await page.locator('[data-testid=preexport-dialog] button', { hasText: '取消' }).click().catch(() => undefined);
        await page.click('[data-testid=tab-thumbnails]');
        await page.waitForSelector('[data-testid=issue-layout][data-state=done]', { timeout: 300_000 });
        await shot('thumbnails');
        await page.goto(`${server.url}#/issue/${issueId}/doc/${table.id}`);
        await page.waitForSelector('[data-testid=editor] td');
        const cell = page.locator('[data-testid=editor] td').nth(5);
        await cell.scrollIntoViewIfNeeded();
        await openMenu(page, cell, 'editor-menu');
        // The cell right-clicked is still under the menu (no jump once the table is laid out).
        const at = (await cell.boundingBox())!;
        const menu = (await page.locator('[data-testid=editor-menu]').boundingBox())!;
        expect(Math.abs(at.y - menu.y)).toBeLessThan(at.height + 400);
        await shot('table-menu');
        await page.keyboard.press('Escape');
        await page.click('[data-testid=recycle-bin-toggle]');
        await shot('recycle-bin');
        await page.goto(server.url);
        await page.click('[data-testid=new-issue]');
        await page.waitForSelector('[data-testid=new-issue-dialog]');
        await shot('new-issue-dialog');
        await page.close();
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 900_000);
});

async function openMenu(page: Page, target: string | ReturnType<Page['locator']>, testId: string): Promise<void> {
  const locator = typeof target === 'string' ? page.locator(target) : target;
  await locator.click({ button: 'right' });
  await expect.poll(() => page.locator(`[data-testid=${testId}]`).count()).toBe(1);
}
