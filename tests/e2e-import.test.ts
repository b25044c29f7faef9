/**
 * End-to-end, importing files from the desktop: two Word files dropped onto a section are both added, in
 * order, and the import report shows what was recognised and each warning, whose button puts the caret there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, ROOT, startServer, type RunningServer } from './e2e-support';

const ready = !!chromiumPath() && existsSync(path.join(ROOT, 'resources/sample/sample-issue.json'));

const center = '<w:jc w:val="center"/>';
const right = '<w:jc w:val="right"/>';

/** A notice typed in Word as people do: the title in several centred paragraphs, the 文号 under it. */
function notice(titleLines: string[], docNumber: string, extra = ''): Buffer {
  const body =
    titleLines.map((l) => para(l, center)).join('') +
    para(docNumber, center) +
    para('各乡镇人民政府，市政府各部门：') +
    para('现将有关事项通知如下。') +
    extra +
    para('某某市人民政府办公室', right) +
    para('2024年7月5日', right);
  return Buffer.from(buildDocx({ 'word/document.xml': documentXml(body) }));
}

describe.skipIf(!ready)('importing files by drag and drop (web bridge)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=issue-table]');
    await page.locator('[data-testid=issue-table] tbody tr').first().locator('.issue-link').click();
    await page.waitForSelector('[data-testid=editor] .el-doc-title');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds both of two .docx dropped onto a section, in order, and reports what was recognised', async () => {
    const files = [
      { name: '甲.docx', data: notice(['某某市人民政府办公室关于做好', '防汛工作的通知'], '某政办〔2024〕21号') },
      // Brackets written as [] (normalised to 〔〕 with a warning).
      { name: '乙.docx', data: notice(['某某市人民政府办公室关于开展', '安全生产大检查的通知'], '某政办[2024]22号') },
    ];
    const section = page.locator('[data-testid=outline-section]').first();
    const before = await section.locator('[data-testid=outline-doc]').count();
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      }
      return dt;
    }, files.map((f) => ({ name: f.name, b64: f.data.toString('base64') })));
    await section.dispatchEvent('dragenter', { dataTransfer });
    await section.dispatchEvent('dragover', { dataTransfer });
    await section.dispatchEvent('drop', { dataTransfer });

    await expect.poll(() => section.locator('[data-testid=outline-doc]').count(), { timeout: 180_000 }).toBe(before + 2);
    const titles = await section.locator('[data-testid=outline-doc] .doc-title').allTextContents();
    expect(titles.slice(-2)).toEqual(['某某市人民政府办公室关于做好防汛工作的通知', '某某市人民政府办公室关于开展安全生产大检查的通知']);

    // The report: per document 标题, 文号, 署名, 日期 and the warnings.
    await page.waitForSelector('[data-testid=import-report]');
    const docs = page.locator('[data-testid=import-report-doc]');
    expect(await docs.count()).toBe(2);
    expect(await docs.nth(0).locator('[data-testid=report-docnumber]').textContent()).toBe('某政办〔2024〕21号');
    expect(await docs.nth(1).locator('[data-testid=report-docnumber]').textContent()).toBe('某政办〔2024〕22号');
    expect(await docs.nth(1).locator('[data-testid=report-signature]').textContent()).toBe('某某市人民政府办公室');
    expect(await docs.nth(1).locator('[data-testid=report-date]').textContent()).toBe('2024-07-05');
    if (process.env.GAZETTE_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.GAZETTE_SCREENSHOTS, 'import-report.png') });
    const warning = docs.nth(1).locator('[data-testid=report-warning]').filter({ hasText: '文号括号' });
    expect(await warning.count()).toBe(1);

    // Its button opens that document with the caret on the 文号.
    await warning.locator('[data-testid=report-goto]').click();
    await page.waitForSelector('[data-testid=import-report]', { state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('[data-slate-node=element]')?.textContent ?? ''), { timeout: 15_000 })
      .toBe('某政办〔2024〕22号');
    await expect.poll(() => page.locator('[data-testid=editor] .el-doc-title').first().textContent(), { timeout: 15_000 }).toBe('某某市人民政府办公室关于开展安全生产大检查的通知');

    // In the library, the documents are really there, with their 文号.
    const issueId = /#\/issue\/([^/]+)/.exec(new URL(page.url()).hash)![1];
    const toc = await callApi<Array<{ docNumber: string }>>(server, 'issues.toc', { issueId });
    expect(toc.map((e) => e.docNumber)).toEqual(expect.arrayContaining(['某政办〔2024〕21号', '某政办〔2024〕22号']));
  }, 300_000); // each Word file converts in a worker thread; on a loaded 2-core machine that takes long
});
