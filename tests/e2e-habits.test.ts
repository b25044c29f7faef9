/**
 * An editor's habits from Word and WPS, through the browser bridge and real key presses: Tab does not
 * throw the focus out of the editor, Backspace after a table does not pull the line into the last cell,
 * a word copied from Word goes in at the caret, two typed full-width spaces do not indent twice.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, waitForCaret, type RunningServer } from './e2e-support';

const hasChromium = !!chromiumPath();
const POLL = { timeout: 20_000 };
type Block = { type: string; children: Array<Block | { text: string }> };
const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string) => ({ type: 'table-cell', children: [p(text)] });
const BLOCKS = [
  p('正文第一段。'),
  { type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [cell('序号'), cell('名称')] }] },
  p('表后段落。'),
  p('末段。'),
];
const text = (b: Block): string => b.children.map((c) => ('text' in c ? c.text : text(c))).join('');
/** Top-level blocks as text; a table as its cells' texts. */
const shape = (blocks: Block[]) => blocks.map((b) => (b.type === 'table' ? b.children.map((row) => (row as Block).children.map((c) => text(c as Block))) : `${b.type}:${text(b)}`));

describe.skipIf(!hasChromium)('editing with Word habits', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let issueId: string;
  let sectionId: string;
  const errors: string[] = [];

  const newDocument = async () => {
    const { documentId } = await callApi<{ documentId: string }>(server, 'documents.add', { sectionId, kind: 'notice', content: { schemaVersion: 1, blocks: BLOCKS }, position: 0 });
    await page.goto('about:blank');
    await page.goto(`${server.url}#/issue/${issueId}/doc/${documentId}`);
    await page.waitForSelector('[data-testid=editor] [data-type=table]');
    return async () => shape((await callApi<{ content: { blocks: Block[] } }>(server, 'documents.get', { documentId })).content.blocks);
  };
  const paragraph = (hasText: string) => page.locator('[data-testid=editor] [data-type=paragraph]', { hasText }).last();

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    issueId = (await callApi<Array<{ id: string }>>(server, 'issues.list', {}))[0].id;
    sectionId = (await callApi<{ sections: Array<{ id: string }> }>(server, 'issues.getTree', { issueId })).sections[0].id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Tab keeps the focus in the editor; Tab in the last cell adds a row', { timeout: 90_000 }, async () => {
    const blocks = await newDocument();
    await paragraph('正文第一段').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    // Typed Chinese has no key of its own: it goes where the browser's caret is, so each key's effect is
    // waited for before typing (see caretInBlock).
    await waitForCaret(page, '正文第一段。|正文第一段。');
    await page.keyboard.type('甲');
    await page.locator('[data-testid=editor] [data-type=table-cell]', { hasText: '名称' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('[data-testid=editor] [data-type=table-row]').count(), POLL).toBe(2);
    await waitForCaret(page, '|');
    await page.keyboard.type('乙');
    await expect.poll(blocks, POLL).toEqual(['paragraph:正文第一段。甲', [['序号', '名称'], ['乙', '']], 'paragraph:表后段落。', 'paragraph:末段。']);
  });

  it('Backspace at the start of the line after a table leaves the cells alone', { timeout: 90_000 }, async () => {
    const blocks = await newDocument();
    await paragraph('表后段落').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Backspace');
    await waitForCaret(page, '名称|名称');
    await page.keyboard.type('丙');
    await expect.poll(blocks, POLL).toEqual(['paragraph:正文第一段。', [['序号', '名称丙']], 'paragraph:表后段落。', 'paragraph:末段。']);
  });

  it('a word copied from Word goes in at the caret; two typed full-width spaces do not indent twice', { timeout: 90_000 }, async () => {
    const blocks = await newDocument();
    await paragraph('末段').click();
    await page.keyboard.press('Home');
    // Chromium hands a rich paste to the editor as beforeinput/insertFromPaste.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<html><body><!--StartFragment--><p class=MsoNormal><span style="font-family:仿宋_GB2312">词语</span></p><!--EndFragment--></body></html>');
      data.setData('text/plain', '词语\r\n');
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
    });
    // A person types after the paste has been drawn: wait for the word and for the caret to stand after it,
    // or the key lands where the DOM caret was before React re-rendered (CI saw 丁词语末段).
    await waitForCaret(page, '词语|词语末段。');
    await page.keyboard.type('丁');
    await paragraph('表后段落').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitForCaret(page, '|');
    await page.keyboard.type('\u3000\u3000新段。');
    await expect.poll(blocks, POLL).toEqual(['paragraph:正文第一段。', [['序号', '名称']], 'paragraph:表后段落。', 'paragraph:新段。', 'paragraph:词语丁末段。']);
    expect(errors).toEqual([]);
  });
});
