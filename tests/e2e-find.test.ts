/**
 * End-to-end 查找替换 across the issue and search hits shown in the opened document, through the browser
 * bridge: hits listed by document, a hit opens its document with the text selected, replace one (undone
 * with Ctrl+Z in the editor), replace all (saved in every document), 撤销 per document; a library search
 * opens the document with the hit highlighted, selected and in view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from './e2e-editing-fixture';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';

const hasChromium = !!chromiumPath();
const POLL = { timeout: 20_000 };
const WORD = '甲乙测试词';
const NEW_WORD = '丙丁替换词';

type Doc = { id: string; title: string };
type Content = { schemaVersion: number; blocks: Block[] };

describe.skipIf(!hasChromium)('查找替换 across the issue', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let issueId: string;
  let opened: Doc;
  let other: Doc;

  const contentOf = async (documentId: string) => JSON.stringify((await callApi<{ content: Content }>(server, 'documents.get', { documentId })).content);
  const paragraph = (text: string): Block => ({ type: 'paragraph', children: [{ text }] });

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    issueId = (await callApi<Array<{ id: string }>>(server, 'issues.list', {}))[0].id;
    const tree = await callApi<{ sections: Array<{ documents: Doc[] }> }>(server, 'issues.getTree', { issueId });
    const docs = tree.sections.flatMap((s) => s.documents);
    opened = docs[0];
    other = docs[docs.length - 1];
    // The word twice in the opened document (start), once at the very end of the last document (out of view).
    for (const [doc, at] of [
      [opened, 'start'],
      [other, 'end'],
    ] as const) {
      const { content } = await callApi<{ content: Content }>(server, 'documents.get', { documentId: doc.id });
      const added = [paragraph(`第一处${WORD}，第二处${WORD}。`)];
      const blocks = at === 'start' ? [content.blocks[0], ...added, ...content.blocks.slice(1)] : [...content.blocks, paragraph(`末尾的${WORD}。`)];
      await callApi(server, 'documents.save', { documentId: doc.id, content: { ...content, blocks } });
    }
    browser = await launchBrowser();
    // GAZETTE_E2E_VIEWPORT=1920x1080 for the screenshots at the other size.
    const [width, height] = (process.env.GAZETTE_E2E_VIEWPORT ?? '1280x720').split('x').map(Number);
    page = await browser.newPage({ viewport: { width, height } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const selectedText = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
  const currentDoc = () => page.locator('[data-testid=outline-doc].current').getAttribute('data-doc-id');

  it('lists the hits by document, and a hit opens its document with the text selected', async () => {
    await page.goto(`${server.url}#/issue/${issueId}/doc/${opened.id}`);
    await page.waitForSelector('[data-testid=editor] [data-type=paragraph]');
    await page.keyboard.press('Control+Shift+F');
    await page.waitForSelector('[data-testid=issue-find]');
    await page.fill('[data-testid=issue-find-query]', WORD);
    await expect.poll(() => page.locator('[data-testid=issue-find-doc]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc-id'))), POLL).toEqual([opened.id, other.id]);
    expect(await page.locator(`[data-testid=issue-find-hit][data-doc-id="${opened.id}"]`).count()).toBe(2);
    expect(await page.textContent('[data-testid=issue-find-summary]')).toBe('共 3 处，在 2 个文件中');
    await page.locator(`[data-testid=issue-find-hit][data-doc-id="${other.id}"] .find-hit`).click();
    await expect.poll(currentDoc, POLL).toBe(other.id);
    await expect.poll(selectedText, POLL).toBe(WORD);
    // In view: the selection's rectangle lies inside the editor's scroll area.
    const inView = () =>
      page.evaluate(() => {
        const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        const box = document.querySelector('.editor-scroll')!.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= box.bottom;
      });
    await expect.poll(inView, POLL).toBe(true);
    await page.screenshot({ path: `${process.env.GAZETTE_SHOTS ?? '/tmp'}/find-panel-${process.env.GAZETTE_E2E_VIEWPORT ?? "1280x720"}.png` });
  }, 120_000);

  it('replaces one hit in the open document; Ctrl+Z in the editor undoes it', async () => {
    await page.fill('[data-testid=issue-find-replacement]', NEW_WORD);
    await page.locator(`[data-testid=issue-find-hit][data-doc-id="${other.id}"] [data-testid=issue-find-replace-one]`).click();
    await expect.poll(() => page.locator('[data-testid=editor]').textContent(), POLL).toContain(`末尾的${NEW_WORD}。`);
    await expect.poll(() => page.locator(`[data-testid=issue-find-hit][data-doc-id="${other.id}"]`).count(), POLL).toBe(0);
    await page.locator('[data-testid=editor]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid=editor]').textContent(), POLL).toContain(`末尾的${WORD}。`);
    await page.waitForSelector('[data-testid=save-state][data-state=saved]', POLL);
    await expect.poll(() => contentOf(other.id), POLL).toContain(`末尾的${WORD}。`);
  }, 60_000);

  it('replaces all in every document, saved; 撤销 puts a document back, the open one through its editor', async () => {
    await expect.poll(() => page.locator('[data-testid=issue-find-hit]').count(), POLL).toBe(3);
    await page.click('[data-testid=issue-replace-all]');
    await expect.poll(() => page.locator('[data-testid=issue-find-hit]').count(), POLL).toBe(0);
    await expect.poll(async () => [await contentOf(opened.id), await contentOf(other.id)].map((c) => [c.includes(WORD), c.includes(NEW_WORD)]), POLL).toEqual([
      [false, true],
      [false, true],
    ]);
    // The document that is not open: its replacement is undone from the panel and saved.
    await page.click(`[data-testid=issue-find-undo][data-doc-id="${opened.id}"]`);
    await expect.poll(() => contentOf(opened.id), POLL).toContain(`第一处${WORD}，第二处${WORD}。`);
    expect(await contentOf(other.id)).toContain(`末尾的${NEW_WORD}。`);
    await expect.poll(() => page.locator(`[data-testid=issue-find-hit][data-doc-id="${opened.id}"]`).count(), POLL).toBe(2);
    // The open document: 撤销 goes through its editor, which stays mounted and keeps its Ctrl+Z history
    // (Ctrl+Z then takes the 撤销 back: the replacement shows again and is saved).
    await page.evaluate(() => ((document.querySelector('[data-testid=editor]') as HTMLElement & { __kept?: boolean }).__kept = true));
    await page.click(`[data-testid=issue-find-undo][data-doc-id="${other.id}"]`);
    await expect.poll(() => page.locator('[data-testid=editor]').textContent(), POLL).toContain(`末尾的${WORD}。`);
    await expect.poll(() => contentOf(other.id), POLL).toContain(`末尾的${WORD}。`);
    expect(await page.evaluate(() => (document.querySelector('[data-testid=editor]') as HTMLElement & { __kept?: boolean }).__kept)).toBe(true);
    await page.locator('[data-testid=editor]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid=editor]').textContent(), POLL).toContain(`末尾的${NEW_WORD}。`);
    await page.waitForSelector('[data-testid=save-state][data-state=saved]', POLL);
    await expect.poll(() => contentOf(other.id), POLL).toContain(`末尾的${NEW_WORD}。`);
    // A reload reads the store: the open document keeps its replacement.
    await page.goto('about:blank');
    await page.goto(`${server.url}#/issue/${issueId}/doc/${other.id}`);
    await page.waitForSelector('[data-testid=editor] [data-type=paragraph]');
    expect(await page.locator('[data-testid=editor]').textContent()).toContain(`末尾的${NEW_WORD}。`);
  }, 90_000);

  it('a library search hit opens its document with the hit highlighted, selected and in view', async () => {
    const MARK = '戊己检索词';
    const { content } = await callApi<{ content: Content }>(server, 'documents.get', { documentId: other.id });
    await callApi(server, 'documents.save', { documentId: other.id, content: { ...content, blocks: [...content.blocks, paragraph(`检索到的${MARK}在文末。`)] } });
    await page.goto('about:blank');
    await page.goto(server.url);
    await page.fill('[data-testid=library-search]', MARK);
    const hit = page.locator('[data-testid=search-results] li').first();
    await hit.waitFor(POLL);
    await hit.click();
    await page.waitForSelector('[data-testid=editor] .m-highlight');
    await expect.poll(currentDoc, POLL).toBe(other.id);
    expect(await page.locator('[data-testid=editor] .m-highlight').allTextContents()).toEqual([MARK]);
    expect(await page.inputValue('[data-testid=find-query]')).toBe(MARK);
    await expect.poll(selectedText, POLL).toBe(MARK);
    const inView = () =>
      page.evaluate(() => {
        const rect = document.querySelector('[data-testid=editor] .m-highlight')!.getBoundingClientRect();
        const box = document.querySelector('.editor-scroll')!.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= box.bottom;
      });
    await expect.poll(inView, POLL).toBe(true);
    await page.screenshot({ path: `${process.env.GAZETTE_SHOTS ?? '/tmp'}/search-hit-${process.env.GAZETTE_E2E_VIEWPORT ?? "1280x720"}.png` });
  }, 90_000);
});
