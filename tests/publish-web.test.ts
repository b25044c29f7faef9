/**
 * `gazette publish` on the sample issue, and the folder it writes opened in Chromium from file://:
 * every TOC link followed, each document page's text equal to the document, axe-core with no serious or
 * critical violation (phone and desktop widths), no request leaving the folder, the per-document PDFs'
 * pages and text, issue.json, the search, and the pages without JavaScript.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, squeezeWhitespace, type BlockElement, type GazetteDocument, type IssueTree } from '../common/model';
import type { WebIssueMeta } from '../common/render/toWeb';
import { ROOT, chromiumPath, ensureBuilt, launchBrowser } from './e2e-support';
import { columnOrderErrors, openPdf, pageStructure } from './pdf-structure';

const sample = JSON.parse(readFileSync(path.join(ROOT, 'resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
const sampleDocs = sample.sections.flatMap((s) => s.documents);
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let work = '';
let out = '';
let meta: WebIssueMeta;
let browser: Browser;
/** Every URL a page asked for that is not a file of the edition. */
const outside: string[] = [];

/** The text a reader should see for a document: its blocks, with the 附件： label the list is printed with. */
function expectedText(doc: GazetteDocument): string {
  const blockText = (b: BlockElement) => (b.type === 'attachment-list' ? `附件：${plainText(b)}` : plainText(b));
  return squeezeWhitespace(doc.content.blocks.map(blockText).join(''));
}

async function newContext(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(pathToFileURL(out).href)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

const canRun = !!chromiumPath();

beforeAll(async () => {
  if (!canRun) return;
  ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'gazette-publish-'));
  out = path.join(work, 'web');
  // The command as a user runs it; a library at GAZETTE_LIBRARY starts with the sample issue.
  const run = spawnSync(process.execPath, ['bin/gazette.mjs', 'publish', '--issue', 'sample-issue', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, GAZETTE_LIBRARY: path.join(work, 'library.sqlite') },
    encoding: 'utf8',
    timeout: 840_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout) as { documents: number; pages: number; untaggedPdfs: string[] };
  expect(summary).toMatchObject({ documents: sampleDocs.length, untaggedPdfs: [] });
  // The page count it reports is the issue PDF's own.
  const issuePdf = await PDFDocument.load(readFileSync(path.join(out, 'pdf', 'issue.pdf')), { updateMetadata: false });
  expect(summary.pages).toBe(issuePdf.getPageCount());
  meta = JSON.parse(readFileSync(path.join(out, 'issue.json'), 'utf8')) as WebIssueMeta;
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!canRun)('web edition of the sample issue', () => {
  it('writes the folder: index, a page and a PDF per document, the issue PDF, issue.json', () => {
    for (const file of ['index.html', 'issue.json', 'edition.css', 'fonts.css', 'search.js', 'search-data.js', 'pdf/issue.pdf']) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    expect(meta.documents.map((d) => d.id)).toEqual(sampleDocs.map((d) => d.id));
    const nine = meta.documents.find((d) => d.docNumber === '格政办〔2024〕9号')!;
    expect(nine).toMatchObject({ section: '市政府办公室文件', title: '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', files: { html: 'docs/sample-doc-01.html', pdf: 'pdf/sample-doc-01.pdf' } });
    expect(nine.issuer).toBe('格尔木市人民政府办公室');
    expect(nine.date).toMatch(/^2024-07-\d\d$/);
    for (const doc of meta.documents) {
      expect(existsSync(path.join(out, doc.files.html)), doc.files.html).toBe(true);
      expect(doc.pages, doc.title).not.toBeNull();
      expect(existsSync(path.join(out, doc.files.pdf!)), doc.files.pdf!).toBe(true);
    }
  });

  it('follows every TOC link to a page whose text is the document, with no request outside the folder', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const links = await page.locator('a.toc-title').all();
    expect(links).toHaveLength(sampleDocs.length);
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    for (const [i, href] of hrefs.entries()) {
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
      await page.locator(`a.toc-title[href="${href}"]`).click();
      await page.waitForURL(`**/${href}`);
      const doc = sampleDocs[i];
      expect(await page.getAttribute('article', 'data-doc-id')).toBe(doc.id);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(squeezeWhitespace(await page.locator('.doc-body').innerText()), doc.title).toBe(expectedText(doc));
      expect(await page.locator('h1').count()).toBe(1);
    }
    await context.close();
    expect(outside).toEqual([]);
  }, 600_000);

  it('has tables with header cells and attachments as sections', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'docs/sample-doc-04.html')).href);
    // The 城市体检 indicator table: one header row of 9 columns.
    const headers = await page.locator('thead th[scope="col"]').allInnerTexts();
    expect(headers.slice(0, 9).map(squeezeWhitespace)).toEqual(['维度', '序号', '指标项', '体检内容', '牵头单位', '配合单位', '指标解释/数据内容', '空间数据', '体检方法']);
    expect(await page.locator('section.attachment > h2').count()).toBeGreaterThan(0);
    expect(await page.locator('td').count()).toBeGreaterThan(100);
    await context.close();
  }, 120_000);

  it('passes axe-core with no serious or critical violation, on a phone and a desktop', async () => {
    const problems: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      for (const file of ['index.html', ...meta.documents.map((d) => d.files.html)]) {
        await page.goto(pathToFileURL(path.join(out, file)).href);
        for (const problem of await seriousViolations(page)) problems.push(`${viewport.width}px ${file}: ${problem}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  }, 900_000);

  it('fits a phone: no page scrolls sideways (wide tables scroll inside their own region)', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    for (const file of ['index.html', ...meta.documents.map((d) => d.files.html)]) {
      await page.goto(pathToFileURL(path.join(out, file)).href);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, file).toBeLessThanOrEqual(0);
    }
    await context.close();
  }, 120_000);

  it('each document PDF holds its pages of the issue PDF, with their printed folios, its text and its own tags', async () => {
    const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', path.join(out, file), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
    const issuePages = pdfText('pdf/issue.pdf');
    const frontPages = 2;
    for (const doc of meta.documents) {
      const { first, last } = doc.pages!;
      const pages = pdfText(doc.files.pdf!).filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
      expect(pages.length, doc.title).toBe(last - first + 1);
      expect(squeezeWhitespace(pages[0])).toContain(`\u2014${first}\u2014`);
      expect(squeezeWhitespace(pages[0]), doc.title).toContain(squeezeWhitespace(doc.title).slice(-8));
      // The same text page by page (pdftotext's -layout spacing may differ between the two prints).
      pages.forEach((text, i) => expect(squeezeWhitespace(text), `${doc.files.pdf} page ${i + 1}`).toBe(squeezeWhitespace(issuePages[frontPages + first - 1 + i])));
      const bytes = readFileSync(path.join(out, doc.files.pdf!));
      const loaded = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(loaded.catalog.get(PDFName.of('StructTreeRoot')), doc.files.pdf!).toBeDefined();
      expect(loaded.catalog.get(PDFName.of('Lang'))?.toString()).toContain('zh-CN');
      const pdf = await openPdf(new Uint8Array(bytes));
      for (let n = 1; n <= pdf.numPages; n++) {
        const structure = await pageStructure(pdf, n);
        expect(structure.untagged, `${doc.files.pdf} page ${n}`).toEqual([]);
        expect(structure.runs.length).toBeGreaterThan(0);
        expect(structure.artifacts.join('')).toContain(`— ${first + n - 1} —`);
      }
    }
  });

  it('the issue PDF is tagged: every two-column page reads column 1 then column 2, furniture is artifact', async () => {
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(out, 'pdf/issue.pdf'))));
    const middle = 595.28 / 2;
    let twoColumnPages = 0;
    for (let n = 3; n <= pdf.numPages; n++) {
      const { runs, untagged, artifacts } = await pageStructure(pdf, n);
      expect(untagged, `page ${n}: text neither tagged nor artifact`).toEqual([]);
      if (n >= 2 + meta.documents[0].pages!.first) expect(artifacts.join(''), `page ${n}: folio`).toMatch(/—\s*\d+\s*—/);
      expect(columnOrderErrors(runs, 595.28), `page ${n}`).toEqual([]);
      const text = runs.filter((r) => !r.inTable && !r.rotated);
      if (text.some((r) => r.x1 < middle - 4) && text.some((r) => r.x0 > middle + 4)) twoColumnPages++;
    }
    // Most of the sample's text pages are two-column.
    expect(twoColumnPages).toBeGreaterThan(15);
  }, 120_000);

  it('finds a document by title, 文号 or words, offline, and works without JavaScript', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    const results = page.locator('.search-results a');
    for (const [query, docId] of [
      ['格政办发〔2024〕71号', 'sample-doc-07'],
      ['首套印章', 'sample-doc-05'],
      ['李润', 'sample-doc-08'],
    ] as const) {
      await page.fill('#search-input', query);
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      expect(await results.first().getAttribute('href')).toBe(`docs/${docId}.html`);
    }
    await page.fill('#search-input', '没有这样的词语');
    await expect.poll(() => page.locator('.search-status').innerText()).toContain('没有找到');
    await context.close();

    const noScript = await newContext(PHONE, false);
    const plain = await noScript.newPage();
    await plain.goto(pathToFileURL(path.join(out, 'index.html')).href);
    expect(await plain.locator('form.search').isVisible()).toBe(false);
    await plain.locator('a.toc-title').nth(2).click();
    expect(squeezeWhitespace(await plain.locator('.doc-body').innerText())).toBe(expectedText(sampleDocs[2]));
    await noScript.close();
    expect(outside).toEqual([]);
  }, 120_000);
});
