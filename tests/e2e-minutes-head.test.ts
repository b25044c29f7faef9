/**
 * The editor shows a 纪要's 「机关 日期」 line under its title as the print sets it: one line, the organ at the
 * left edge of the text, the date at the right (it showed a 署名 over a date, both at the right).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';

const POLL = { timeout: 60_000 };
const P = (type: string, text: string) => ({ type, children: [{ text }] });
const BLOCKS = [
  P('doc-title', '某某县人民政府城乡环境整治专题会议纪要'),
  P('doc-number', '〔2026〕3号'),
  P('signature', '某某县人民政府办公室'),
  P('date-line', '2026年11月20日'),
  P('paragraph', '11月19日，副县长主持召开专题会议，研究城乡环境整治工作。纪要如下：'),
  P('paragraph', '会议要求，各乡镇要落实属地责任，月底前完成集中整治。'),
];

/** Where the organ's and the date's text stand in the editor, relative to the text block (whole pixels). */
function placed(): { organ: number[]; date: number[]; text: number[] } | null {
  const box = (sel: string) => {
    const el = document.querySelector(`[data-testid=editor] ${sel}`);
    if (!el) return null;
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)];
  };
  const organ = box('[data-type=signature]');
  const date = box('[data-type=date-line]');
  const text = document.querySelector('[data-testid=editor] [data-type=paragraph]')?.getBoundingClientRect();
  return organ && date && text ? { organ, date, text: [Math.round(text.left), Math.round(text.right)] } : null;
}

describe.skipIf(!chromiumPath())('纪要 head line in the editor', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    const issues = await callApi<Array<{ id: string }>>(server, 'issues.list', {});
    const issueId = issues[0].id;
    const tree = await callApi<{ sections: Array<{ id: string }> }>(server, 'issues.getTree', { issueId });
    const { documentId } = await callApi<{ documentId: string }>(server, 'documents.add', { sectionId: tree.sections[0].id, kind: 'other', content: { schemaVersion: 1, blocks: BLOCKS }, position: 0 });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}#/issue/${issueId}/doc/${documentId}`);
    await page.waitForSelector('[data-testid=editor] [data-type=date-line]');
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows organ and date on one line, organ at the left of the text, date at the right', async () => {
    await expect.poll(() => page.evaluate(placed), POLL).not.toBeNull();
    const { organ, date, text } = (await page.evaluate(placed))!;
    // The same line: each text's vertical middle lies within the other's box.
    expect((date[1] + date[3]) / 2).toBeGreaterThan(organ[1]);
    expect((date[1] + date[3]) / 2).toBeLessThan(organ[3]);
    // Organ flush left, date flush right (a few pixels of slack), organ before date.
    expect(Math.abs(organ[0] - text[0])).toBeLessThanOrEqual(4);
    expect(Math.abs(date[2] - text[1])).toBeLessThanOrEqual(4);
    expect(organ[2]).toBeLessThan(date[0]);
  });
});
