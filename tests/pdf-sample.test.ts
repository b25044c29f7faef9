/**
 * The real PDF of the sample issue (exported once through the Chromium engine), read with poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import { plainText, squeezeWhitespace, type IssueTree } from '../common/model';
import { exportTreePdf, type ExportPdfResult } from '../main/export/exportPdf';
import { issueJob } from '../common/render/printJob';
import { badCharacters, compareIssueText, pdfjsPageTexts } from './pdf-text';

const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
/** The printed folio (renderer/print/runningHeads.ts): — N — */
const folioText = (page: number) => `\u2014 ${page} \u2014`;
let dir = '';
let result: ExportPdfResult;
let pageTexts: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gazette-pdf-test-'));
  result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'sample.pdf') });
  const text = execFileSync('pdftotext', ['-layout', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  pageTexts = text.split('\f');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sample issue PDF', () => {
  it('every TOC entry points at the page whose folio begins that document', () => {
    const { pageMap } = result;
    for (const section of tree.sections) {
      for (const doc of section.documents) {
        const page = pageMap.documents[doc.id];
        expect(page, doc.title).toBeGreaterThanOrEqual(3);
        const physical = pageTexts[pageMap.frontPages + page - 1];
        expect(squeezeWhitespace(physical)).toContain(squeezeWhitespace(folioText(page)));
        const title = squeezeWhitespace(doc.title).slice(-8);
        expect(squeezeWhitespace(physical), doc.title).toContain(title);
      }
    }
    // The printed TOC shows the same numbers.
    const toc = squeezeWhitespace(pageTexts.slice(pageMap.frontPages, pageMap.frontPages + pageMap.tocPages).join(''));
    for (const page of Object.values(pageMap.documents)) expect(toc).toContain(`（${page}）`);
  });

  it('every paragraph and table cell of the issue appears in the PDF text', () => {
    // -raw keeps Chromium's content order (DOM order), so columns and rotated tables read in sequence;
    // running heads and folios sit between pages and are removed first.
    const raw = execFileSync('pdftotext', ['-raw', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const furniture = [/—\s*\d+\s*—/g, ...[...new Set(tree.sections.map((s) => s.name))].map((n) => new RegExp(`^\\s*${n}\\s*$`, 'gm'))];
    let cleaned = raw.replace(/^.*2024年第6期\s*$/gm, '');
    for (const re of furniture) cleaned = cleaned.replace(re, '');
    const all = squeezeWhitespace(cleaned).replace(/[\u200b…]/g, '');
    const missing: string[] = [];
    for (const section of tree.sections) {
      for (const doc of section.documents) {
        for (const block of doc.content.blocks) {
          const pieces =
            block.type === 'table'
              ? block.children.flatMap((row) => row.children.map((cell) => plainText(cell)))
              : block.type === 'attachment-list'
                ? block.children.map((item) => item.children.map((l) => l.text).join(''))
                : [plainText(block)];
          for (const piece of pieces) {
            const text = squeezeWhitespace(piece);
            if (text && !all.includes(text) && !(block.type === 'table' && splitAcrossPages(text, all))) missing.push(text.slice(0, 40));
          }
        }
      }
    }
    // A table row taller than a page (or than half of one) is split across pages: the cell's text is then
    // printed in parts (pdftotext may interleave the last lines of neighbouring cells). Accept a cell made
    // of at most four runs that each appear in the text, the runs longer than 2 characters.
    function splitAcrossPages(text: string, all: string): boolean {
      let runs = 0;
      for (let i = 0; i < text.length; runs++) {
        let j = i + 1;
        while (j <= text.length && all.includes(text.slice(i, j))) j++;
        if (j - 1 - i < 3 && text.length - i >= 3) return false;
        i = j - 1;
      }
      return runs <= 4;
    }
    if (missing.length) console.log(`MISSING ${missing.length}:\n${missing.join("\n")}`);
    expect(missing.slice(0, 30)).toEqual([]);
  });

  it('every page is A4 and every font embedded, none Type 3, only our families', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', result.pdfPath], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(sizes.length).toBe(result.pages);
    for (const [, w, h] of sizes) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(0.5);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(0.5);
    }
    const fonts = execFileSync('pdffonts', [result.pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes/);
      expect(line).toMatch(/\+(FandolFang|NotoSerifSC|NotoSansSC|LXGWWenKai)/);
    }
  });

  it('the header row of the multi-page 城市体检 indicator table appears on each of its pages', () => {
    const doc = tree.sections.flatMap((s) => s.documents).find((d) => d.title.includes('城市体检'))!;
    const table = doc.content.blocks
      .filter((b) => b.type === 'table')
      .sort((a, b) => (b.type === 'table' && a.type === 'table' ? b.children.length - a.children.length : 0))[0];
    if (table?.type !== 'table') throw new Error('no indicator table in the sample');
    const header = table.children[0].children.map((c) => squeezeWhitespace(plainText(c)));
    const rawPages = execFileSync('pdftotext', ['-raw', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\f')
      .map(squeezeWhitespace);
    const bodyTexts = table.children
      .slice(table.headerRows)
      .flatMap((row) => row.children.map((c) => squeezeWhitespace(plainText(c))))
      .filter((t) => t.length >= 12 && !header.includes(t));
    const pages = rawPages.map((text, i) => (bodyTexts.some((t) => text.includes(t)) ? i : -1)).filter((i) => i >= 0);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const i of pages) for (const cell of header) expect(rawPages[i], `page ${i + 1}: ${cell}`).toContain(cell);
  });

  it('every TOC page number is within one page of the reference issue (format doc fidelity target)', () => {
    // The printed reference issue (2024年第6期) listed these pages in its TOC, in TOC order.
    const reference = [3, 6, 13, 16, 35, 42, 44, 53, 53, 54];
    const ours = tree.sections.flatMap((s) => s.documents).map((d) => result.pageMap.documents[d.id]);
    expect(ours).toHaveLength(reference.length);
    ours.forEach((page, i) => expect(Math.abs(page - reference[i]), `entry ${i + 1}: ours ${page}, reference ${reference[i]}`).toBeLessThanOrEqual(1));
  });

  it('sets the very long indicator table in 六号 7.5 pt and ordinary tables in 小五 9 pt', () => {
    // Word boxes from pdftotext -bbox (a word is a line of text, so a table cell of one line is one word):
    // the long side over the number of CJK characters (1 em each) is the type size; on rotated pages the
    // advance runs down the page.
    const xml = execFileSync('pdftotext', ['-bbox', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const sizesOf = (text: string, rotated: boolean): number[] =>
      [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ text: m[5], w: Number(m[3]) - Number(m[1]), h: Number(m[4]) - Number(m[2]) }))
        .filter((word) => word.text === text && word.h > word.w === rotated)
        .map((word) => Math.max(word.w, word.h) / [...text].length);
    // 体检内容: a header cell of 66号 附件1 (56 rows, rotated, header repeated on each of its pages); 年度目标:
    // a label cell of 62号 附件2, the 绩效目标表 (an ordinary one-page table).
    const big = sizesOf('体检内容', true);
    expect(big.length).toBeGreaterThanOrEqual(5);
    for (const size of big) expect(size).toBeCloseTo(7.5, 0);
    const normal = sizesOf('年度目标', false);
    expect(normal.length).toBeGreaterThan(0);
    for (const size of normal) expect(size).toBeCloseTo(9, 0);
  });

  it('the outline has one bookmark per TOC entry', async () => {
    const pdf = await PDFDocument.load(readFileSync(result.pdfPath));
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const entries = tree.sections.reduce((n, s) => n + s.documents.length, 0);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe(String(entries));
  });

  it('the text layer as pdf.js reads it is the model text: no radicals, no control characters', async () => {
    // Search, copy and screen readers read this layer (pdftotext folds radicals back and hides faults).
    const pages = await pdfjsPageTexts(result.pdfPath);
    expect(badCharacters(pages.join('\n'))).toEqual([]);
    expect(pages.join('')).toContain('格尔木市人民政府');
    expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  });
});

