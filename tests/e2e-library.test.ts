/**
 * End-to-end, library and workspace actions: search with highlighted hits, new issue from the previous
 * one, duplicate, delete with confirmation (backup kept), package export, issue settings, revision restore.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocx } from '../common/render/toDocx';
import { fixtureIssue } from './fixtures/docx-issue-fixture';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, ROOT, startServer, waitSavedWith, type RunningServer } from './e2e-support';

const POLL = { timeout: 30_000 };

const ready = !!chromiumPath() && existsSync(path.join(ROOT, 'resources/sample/sample-issue.json'));

describe.skipIf(!ready)('library and workspace actions (web bridge)', () => {
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
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=issue-table]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = () => page.locator('[data-testid=issue-table] tbody tr');

  it('searches every issue and highlights the hits', async () => {
    await page.fill('[data-testid=library-search]', '营商环境');
    await page.waitForSelector('[data-testid=search-results] li');
    expect(await page.locator('[data-testid=search-results] mark').first().textContent()).toBe('营商环境');
    await page.fill('[data-testid=library-search]', '');
  });

  it('creates the next issue from the previous one through the 新建一期 dialog (numbers +1, date, sections)', async () => {
    await page.click('[data-testid=new-issue]');
    await page.waitForSelector('[data-testid=new-issue-dialog]');
    expect(await page.inputValue('[data-testid=new-issue-number]')).toBe('7');
    expect(await page.inputValue('[data-testid=new-issue-cumulative]')).toBe('192');
    // The previous issue's sections are proposed; the date is typed and shown as 2024年8月31日.
    await expect.poll(() => page.inputValue('[data-testid=new-issue-sections]'), { timeout: 15_000 }).toContain('人事任免');
    await page.fill('[data-testid=new-issue-sections]', '市政府文件\n人事任免\n大事记\n专题');
    await page.fill('[data-testid=new-issue-date]', '2024-8-31');
    await page.locator('[data-testid=new-issue-date]').blur();
    await expect.poll(() => page.inputValue('[data-testid=new-issue-date]'), POLL).toBe('2024年8月31日');
    await page.click('[data-testid=new-issue-create]');
    await page.waitForSelector('.issue-title');
    expect(await page.locator('.issue-title strong').textContent()).toBe('2024年第7期');
    expect(await page.locator('.issue-title').textContent()).toContain('总第192期');
    // The outline comes with the issue's tree: its sections first, then (shown with them) no documents.
    await expect.poll(() => page.locator('[data-testid=outline-section] .section-name').allTextContents(), POLL).toEqual(['市政府文件', '人事任免', '大事记', '专题']);
    expect(await page.locator('[data-testid=outline-doc]').count()).toBe(0);
    await page.click('[data-testid=open-settings]');
    expect(await page.inputValue('[data-testid=settings-date]')).toBe('2024年8月31日');
    await page.click('[data-testid=settings-dialog] .btn:not(.primary)');
    await page.click('text=期刊库');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
  });

  it('duplicates an issue and deletes it after confirming, keeping a backup', async () => {
    await rows().filter({ hasText: '2024年第6期' }).locator('text=复制').click();
    // 复制 asks for the new numbers: 第7期 exists now, so it refuses until another number is given.
    await page.waitForSelector('[data-testid=new-issue-dialog]');
    await page.waitForSelector('[data-testid=new-issue-error]');
    expect(await page.locator('[data-testid=new-issue-create]').isDisabled()).toBe(true);
    await page.fill('[data-testid=new-issue-number]', '8');
    await page.fill('[data-testid=new-issue-cumulative]', '193');
    await page.click('[data-testid=new-issue-create]');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(3);
    const copy = rows().filter({ hasText: '2024年第8期' });
    expect(await copy.textContent()).toContain('193');
    await copy.locator('text=删除').click();
    await page.locator('.modal .btn.danger').click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    expect(existsSync(path.join(path.dirname(db), 'deleted-issues'))).toBe(true);
  });

  it('exports an issue package into exports/ beside the library and downloads it (no path from the page)', async () => {
    const downloading = page.waitForEvent('download', { timeout: 30_000 });
    await rows().filter({ hasText: '2024年第6期' }).locator('text=导出期刊包').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('2024-6.gazette');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(existsSync(path.join(path.dirname(db), 'exports', '2024-6.gazette'))).toBe(true);
    await expect.poll(() => page.locator('.toast').last().textContent(), { timeout: 15_000 }).toContain('2024-6.gazette');
  });

  it('changes issue settings and restores an earlier revision', async () => {
    await rows().filter({ hasText: '2024年第6期' }).locator('.issue-link').click();
    await page.waitForSelector('[data-testid=editor] .el-doc-title');
    await page.click('[data-testid=open-settings]');
    await page.locator('[data-testid=settings-dialog] label', { hasText: '总期' }).locator('input').fill('291');
    await page.click('[data-testid=settings-dialog] .btn.primary');
    await expect.poll(() => page.locator('.issue-title').textContent(), { timeout: 15_000 }).toContain('总第291期');

    const title = page.locator('[data-testid=editor] .el-doc-title').first();
    const box = (await title.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
    await page.keyboard.type('（待删）');
    // Saved before the restore: an autosave landing after it would put the edit back.
    await waitSavedWith(page, '（待删）');
    await page.click('[data-testid=tab-history]');
    // The oldest revision is the imported text, without the edit.
    const oldest = page.locator('[data-testid=history-panel] li').last();
    await oldest.locator('text=恢复此版本').click();
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).not.toContain('（待删）');
    const docId = (await page.locator('[data-testid=outline-doc]').first().getAttribute('data-doc-id'))!;
    const doc = await callApi<{ title: string }>(server, 'documents.get', { documentId: docId });
    expect(doc.title).not.toContain('（待删）');
  });

  it('moves a document into another section by dragging', async () => {
    const sections = page.locator('[data-testid=outline-section]');
    const last = sections.last();
    const moving = sections.first().locator('[data-testid=outline-doc]').first();
    const id = (await moving.getAttribute('data-doc-id'))!;
    await moving.dragTo(last.locator('[data-testid=outline-doc]').first());
    await expect.poll(() => last.locator(`[data-testid=outline-doc][data-doc-id="${id}"]`).count(), POLL).toBe(1);
    const doc = await callApi<{ sectionId: string }>(server, 'documents.get', { documentId: id });
    expect(await last.locator('.section-name').textContent()).toBe('大事记');
    const issueId = /#\/issue\/([^/]+)/.exec(new URL(page.url()).hash)![1];
    const tree = await callApi<{ sections: Array<{ id: string; name: string }> }>(server, 'issues.getTree', { issueId });
    expect(doc.sectionId).toBe(tree.sections.find((x) => x.name === '大事记')!.id);
  });

  it('imports a Word file into a section from the outline', async () => {
    const docx = await toDocx(fixtureIssue(), { document: 'doc-notice' });
    const title = fixtureIssue().sections.flatMap((s) => s.documents).find((d) => d.id === 'doc-notice')!.title;
    const section = page.locator('[data-testid=outline-section]').first();
    const before = await section.locator('[data-testid=outline-doc]').count();
    // The W button picks the section and opens the file dialog; the test then hands the file to that input.
    await section.locator('.section-head').hover(); // the section's tools show on hover
    await section.locator('[data-testid=import-word]').click();
    await page.setInputFiles('[data-testid=import-word-input]', {
      name: '来文.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx.bytes),
    });
    // The Word file converts in a worker thread: slow on a loaded 2-core machine.
    await expect.poll(() => section.locator('[data-testid=outline-doc]').count(), { timeout: 150_000 }).toBe(before + 1);
    await expect.poll(() => page.locator('[data-testid=editor] .el-doc-title').first().textContent(), { timeout: 15_000 }).toBe(title);
    // The import report lists what was recognised; closing it returns to the editor.
    expect(await page.locator('[data-testid=import-report] [data-testid=report-title]').first().textContent()).toBe(title);
    await page.click('[data-testid=import-report-close]');
  }, 240_000);

  it('inserts an image stored as an asset', async () => {
    // A 1x1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.locator('[data-testid=editor] .el-doc-title').first().click();
    await page.setInputFiles('input[data-role=image-input]', { name: 'dot.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('[data-testid=editor] .el-image img[src^="data:image/png;base64,"]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid=save-state][data-state=saved]');

    // Select the image: its width and description are set from the tools under it and saved in the model.
    await page.locator('[data-testid=editor] .el-image img').click();
    await page.waitForSelector('[data-testid=image-tools]');
    await page.selectOption('[data-testid=image-width]', '199.5');
    await page.fill('[data-testid=image-alt]', '项目位置示意图');
    await page.waitForSelector('[data-testid=save-state][data-state=saved]');
    const docId = (await page.locator('[data-testid=outline-doc].current').getAttribute('data-doc-id'))!;
    await expect
      .poll(async () => {
        const doc = await callApi<{ content: { blocks: Array<{ type: string; width?: number; alt?: string }> } }>(server, 'documents.get', { documentId: docId });
        return doc.content.blocks.find((b) => b.type === 'image');
      }, POLL)
      .toMatchObject({ width: 199.5, alt: '项目位置示意图' });

    // The live preview prints the picture (a data: URL: the print frame holds no token), at the chosen width.
    const figure = page.frameLocator('[data-testid=preview-frame]').locator('.gz-figure img[src^="data:image/png;base64,"]');
    await figure.first().waitFor({ timeout: 60_000 });
    // The preview may still show the picture as first inserted (its own 1 px width) until the width's update
    // is laid out: poll (CI read 0.75pt once).
    await expect
      .poll(() => figure.first().evaluate((img: HTMLImageElement) => ({ loaded: img.complete && img.naturalWidth, width: img.style.width })), { timeout: 60_000 })
      .toEqual({ loaded: 1, width: '199.5pt' });
  });

  it('says in one sentence why a TIFF scan cannot be inserted, and inserts nothing', async () => {
    const images = () => page.locator('[data-testid=editor] .el-image').count();
    const before = await images();
    await page.locator('[data-testid=editor] .el-doc-title').first().click();
    await page.setInputFiles('input[data-role=image-input]', { name: '扫描件.tif', mimeType: 'image/tiff', buffer: Buffer.from('II*\0') });
    await expect.poll(() => page.locator('.toast.error').allTextContents(), { timeout: 15_000 }).toContain('“扫描件.tif”是 TIFF 格式的图片，不能插入：请先另存为 PNG 或 JPEG 格式再插入');
    expect(await images()).toBe(before);
  });

  it('shows 保存失败 with the reason when the store cannot be reached', async () => {
    await server.stop();
    const title = page.locator('[data-testid=editor] .el-doc-title').first();
    const box = (await title.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
    await page.keyboard.type('断线');
    await page.waitForSelector('[data-testid=save-state][data-state=failed]', { timeout: 30_000 });
    expect(await page.locator('[data-testid=save-state]').textContent()).toMatch(/^保存失败：.+/);
  });
});
