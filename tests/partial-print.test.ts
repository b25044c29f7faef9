/**
 * Page-level reuse on the real sample issue through the Chromium engine: after a one-paragraph edit only
 * the changed pages are printed, and the PDF reads exactly like a full print of the edited issue (text
 * per page, page images, fonts, page sizes, outline, metadata). An edit that changes the page count falls
 * back to a full print.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTree, ParagraphElement } from '../common/model';
import { ChromiumEngine } from '../main/export/chromium';
import { exportTreePdf, type ExportPdfResult } from '../main/export/exportPdf';
import { LayoutCache } from '../main/export/layoutCache';

const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
/** Six ideographs found nowhere in the sample; they replace six ideographs, so the lines break the same. */
const MARKERS = ['校验标记甲乙', '校验标记丙丁'];
const IDEOGRAPHS = /[\u4e00-\u9fff]{6}/;

let dir = '';
let engine: ChromiumEngine;
let cache: LayoutCache;
let first: ExportPdfResult;
let firstTexts: string[] = [];

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Each page's text. `-layout` reads in visual order; `-raw` in the content stream's order, which a page
 * moved by the bleed margin keeps, while -layout's character grid may order two cells of one row otherwise.
 */
function pageTexts(pdf: string, order: '-layout' | '-raw' = '-layout'): string[] {
  const text = execFileSync('pdftotext', [order, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').slice(0, -1).map(squeeze);
}

/** md5 of each page rendered at low resolution. */
function pageImages(pdf: string, name: string): string[] {
  const out = path.join(dir, `img-${name}`);
  mkdirSync(out, { recursive: true });
  execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, path.join(out, 'p')]);
  return readdirSync(out)
    .sort()
    .map((f) => createHash('md5').update(readFileSync(path.join(out, f))).digest('hex'));
}

interface Edit {
  tree: IssueTree;
  docId: string;
  original: string;
}

/** Replace six ideographs of a paragraph of the n-th document (counting from the middle) by `marker`. */
function markerEdit(source: IssueTree, marker: string, n: number): Edit {
  const copy = structuredClone(source);
  const docs = copy.sections.flatMap((s) => s.documents);
  const order = [...docs.slice(Math.floor(docs.length / 2)), ...docs.slice(0, Math.floor(docs.length / 2))];
  let seen = 0;
  for (const doc of order) {
    for (const block of doc.content.blocks) {
      if (block.type !== 'paragraph') continue;
      const leaf = (block as ParagraphElement).children.find((c) => 'text' in c && IDEOGRAPHS.test(c.text)) as { text: string } | undefined;
      if (!leaf) continue;
      if (seen++ < n) break;
      const original = IDEOGRAPHS.exec(leaf.text)![0];
      leaf.text = leaf.text.replace(original, marker);
      return { tree: copy, docId: doc.id, original };
    }
  }
  throw new Error('no paragraph to edit');
}

function fontsOf(pdf: string): Array<{ name: string; type: string; emb: string }> {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: type may be two words ("CID TrueType").
      return { name: cols[0], type: cols.slice(1, -6).join(' '), emb: cols[cols.length - 5] };
    });
}

/** [width, height] in points of every page. */
function pageSizes(pdf: string): Array<[number, number]> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

async function outlineAndLabels(pdf: string): Promise<{ bookmarks: number; labels: boolean; title: string | undefined }> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return {
    bookmarks: outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber(),
    labels: doc.catalog.get(PDFName.of('PageLabels')) !== undefined,
    title: doc.getTitle(),
  };
}

/** Everything a reader or a print shop sees is the same as in a full print of the same tree. */
async function expectSameAsFullPrint(result: ExportPdfResult, edited: IssueTree, name: string): Promise<void> {
  const full = await exportTreePdf(edited, { pdfPath: path.join(dir, `${name}-full.pdf`), engine, cache, printMemory: false });
  expect(full.timings.printedPages).toBe(full.pages);
  expect(result.pages).toBe(full.pages);
  expect(pageTexts(result.pdfPath)).toEqual(pageTexts(full.pdfPath));
  expect(pageImages(result.pdfPath, name)).toEqual(pageImages(full.pdfPath, `${name}-full`));
  const sizes = pageSizes(result.pdfPath);
  expect(sizes).toHaveLength(result.pages);
  for (const [width, height] of sizes) {
    expect(Math.abs(width - 595.28)).toBeLessThan(0.5);
    expect(Math.abs(height - 841.89)).toBeLessThan(0.5);
  }
  expect(await outlineAndLabels(result.pdfPath)).toEqual(await outlineAndLabels(full.pdfPath));
  const fonts = fontsOf(result.pdfPath);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.type, font.name).toBe('CID TrueType');
    expect(font.emb, font.name).toBe('yes');
  }
  // Subsets from different prints never share a tag, and the families are those of the full print.
  expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length);
  const families = (list: typeof fonts) => [...new Set(list.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort();
  expect(families(fonts)).toEqual(families(fontsOf(full.pdfPath)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gazette-partial-'));
  engine = await ChromiumEngine.launch();
  cache = new LayoutCache();
  first = await exportTreePdf(tree, { pdfPath: path.join(dir, 'first.pdf'), engine, cache });
  firstTexts = pageTexts(first.pdfPath);
});

afterAll(async () => {
  await engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('re-export after an edit', () => {
  let edit: Edit;
  let second: ExportPdfResult;

  it('the first export prints every page', () => {
    expect(first.timings).toMatchObject({ printedPages: first.pages, reusedPages: 0 });
    expect(first.timings.fullPrintReason).toMatch(/no earlier print/);
    expect(firstTexts).toHaveLength(first.pages);
  });

  it('prints only the changed pages; the marker is on the page of the replaced text, every other page is as before', async () => {
    edit = markerEdit(tree, MARKERS[0], 0);
    second = await exportTreePdf(edit.tree, { pdfPath: path.join(dir, 'second.pdf'), engine, cache });
    expect(second.timings.fullPrintReason).toBeUndefined();
    expect(second.pages).toBe(first.pages);
    expect(second.timings.printedPages).toBeGreaterThan(0);
    expect(second.timings.printedPages).toBeLessThanOrEqual(first.pages / 2);
    expect(second.timings.printedPages + second.timings.reusedPages).toBe(second.pages);

    const texts = pageTexts(second.pdfPath);
    expect(texts).toHaveLength(first.pages);
    const markerPages = texts.flatMap((t, i) => (t.includes(MARKERS[0]) ? [i] : []));
    expect(markerPages).toHaveLength(1);
    const [page] = markerPages;
    const docStart = second.pageMap.frontPages + second.pageMap.documents[edit.docId] - 1;
    expect(page).toBeGreaterThanOrEqual(docStart);
    expect(firstTexts[page]).toContain(edit.original);
    expect(texts[page]).toBe(firstTexts[page].replace(edit.original, MARKERS[0]));
    texts.forEach((text, i) => {
      if (i !== page) expect(text, `page ${i + 1}`).toBe(firstTexts[i]);
    });
  });

  it('reads exactly like a full print of the edited issue', async () => {
    await expectSameAsFullPrint(second, edit.tree, 'second');
  });

  it('re-exporting without a change prints nothing and reuses every page', async () => {
    const again = await exportTreePdf(edit.tree, { pdfPath: path.join(dir, 'again.pdf'), engine, cache });
    expect(again.timings).toMatchObject({ printedPages: 0, reusedPages: again.pages });
    expect(pageTexts(again.pdfPath)).toEqual(pageTexts(second.pdfPath));
    // Post-processing works on the assembled pages as on a fresh print: bleed and padding.
    const bled = await exportTreePdf(edit.tree, { pdfPath: path.join(dir, 'bleed.pdf'), engine, cache, bleed: true, padToMultipleOf4: true });
    expect(bled.timings.printedPages).toBe(0);
    const sizes = pageSizes(bled.pdfPath);
    expect(sizes.length % 4).toBe(0);
    expect(sizes.length).toBeGreaterThanOrEqual(bled.pages);
    for (const [width] of sizes) expect(width).toBeGreaterThan(595.28 + 2 * 12);
    expect(pageTexts(bled.pdfPath, '-raw').slice(0, bled.pages)).toEqual(pageTexts(second.pdfPath, '-raw'));
  });

  it('a second edit elsewhere, on top of the assembled print, is still exact', async () => {
    const next = markerEdit(edit.tree, MARKERS[1], 3);
    const third = await exportTreePdf(next.tree, { pdfPath: path.join(dir, 'third.pdf'), engine, cache });
    expect(third.timings.fullPrintReason).toBeUndefined();
    expect(third.timings.printedPages).toBeGreaterThan(0);
    const texts = pageTexts(third.pdfPath);
    expect(texts.filter((t) => t.includes(MARKERS[0]))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(MARKERS[1]))).toHaveLength(1);
    await expectSameAsFullPrint(third, next.tree, 'third');
  });

  it('an edit that changes the page count prints everything and is still right', async () => {
    const grown = structuredClone(tree);
    const doc = grown.sections[0].documents[0];
    const para = doc.content.blocks.find((b): b is ParagraphElement => b.type === 'paragraph' && IDEOGRAPHS.test(squeeze(b.children.map((c) => ('text' in c ? c.text : '')).join(''))))!;
    const extra = Array.from({ length: 40 }, (_, i) => ({ ...structuredClone(para), children: [{ text: `${MARKERS[1]}增补第${i + 1}段。${'格尔木市人民政府办公室'.repeat(6)}` }] }));
    doc.content.blocks.splice(doc.content.blocks.indexOf(para) + 1, 0, ...extra);
    const result = await exportTreePdf(grown, { pdfPath: path.join(dir, 'grown.pdf'), engine, cache });
    expect(result.pages).toBeGreaterThan(first.pages);
    expect(result.timings.fullPrintReason).toMatch(/page count changed/);
    expect(result.timings).toMatchObject({ printedPages: result.pages, reusedPages: 0 });
    const texts = pageTexts(result.pdfPath);
    expect(texts).toHaveLength(result.pages);
    expect(texts.join('')).toContain(`${MARKERS[1]}增补第40段`);
    expect(pageSizes(result.pdfPath)).toHaveLength(result.pages);
    for (const font of fontsOf(result.pdfPath)) expect(font.type).toBe('CID TrueType');
  });
});

describe('the print page server', () => {
  it('answers a request it cannot read (a folder) with 404 instead of leaving it pending', async () => {
    const page = (engine as unknown as { page: { evaluate<T>(script: string): Promise<T> } }).page;
    const status = await page.evaluate<number>(`fetch('/print/').then((r) => r.status)`);
    expect(status).toBe(404);
  });
});
