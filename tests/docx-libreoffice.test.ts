/**
 * DOCX -> PDF through LibreOffice headless (skipped with a message when soffice is absent): nothing is lost,
 * and the page count is within 15 % of our own PDF's (PRINT's Chromium export when it runs here, else the
 * reference issue's 56 pages). The figures are printed for the report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import fonteditor from 'fonteditor-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainText, squeezeWhitespace, type IssueTree } from '../common/model';
import { toDocx } from '../common/render/toDocx';
import { findSoffice } from '../main/import/importDocx';
import { loadSampleIssue } from './docx-helpers';

const soffice = findSoffice();
const sample = loadSampleIssue();
const REFERENCE_PAGES = 56;
const dir = mkdtempSync(join(tmpdir(), 'gazette-docx-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (!soffice) console.warn('[docx-libreoffice] LibreOffice (soffice) not found: skipping the DOCX -> PDF check. Install libreoffice-writer-nogui to run it.');

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** Our own PDF's page count and page map, from PRINT's exporter when Chromium runs here. */
async function ourLayout(tree: IssueTree): Promise<{ pages: number; pageMap?: Record<string, number>; compactTables?: string[]; source: string }> {
  try {
    const { exportTreePdf } = await import('../main/export/exportPdf');
    const result = await exportTreePdf(tree, { pdfPath: join(dir, 'ours.pdf') });
    return { pages: result.pages, pageMap: result.pageMap.documents, compactTables: result.pageMap.compactTables, source: 'our PDF (Chromium export)' };
  } catch (error) {
    console.warn(`[docx-libreoffice] our PDF export unavailable (${String(error).slice(0, 80)}); comparing with the reference issue's ${REFERENCE_PAGES} pages`);
    return { pages: REFERENCE_PAGES, source: 'reference issue' };
  }
}

/**
 * A fontconfig setup for soffice alone that maps the DOCX's face names (仿宋, 宋体, 黑体, 楷体, 方正小标宋简体)
 * to the bundled FandolFang, converted to TTF (LibreOffice does not load WOFF). Without a CJK font,
 * LibreOffice sets Chinese in narrow fallback boxes and the page count means little.
 */
function cjkFontEnv(): NodeJS.ProcessEnv {
  const woff = join(import.meta.dirname, '..', 'resources', 'fonts', 'FandolFang-Regular.woff');
  if (!existsSync(woff)) {
    console.warn('[docx-libreoffice] bundled FandolFang not found: LibreOffice uses system fonts');
    return process.env;
  }
  const fontDir = join(dir, 'fonts');
  mkdirSync(fontDir, { recursive: true });
  const font = fonteditor.Font.create(readFileSync(woff), {
    type: 'woff',
    inflate: (data: number[]) => Array.from(inflateSync(Buffer.from(data))),
  } as unknown as Parameters<typeof fonteditor.Font.create>[1]);
  writeFileSync(join(fontDir, 'FandolFang-Regular.ttf'), Buffer.from(font.write({ type: 'ttf' }) as unknown as ArrayBuffer));
  const alias = (family: string) => `<alias binding="same"><family>${family}</family><prefer><family>FandolFang</family></prefer></alias>`;
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>' +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontDir}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir>` +
      ['仿宋', '宋体', '黑体', '楷体', '方正小标宋简体'].map(alias).join('') +
      '</fontconfig>',
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}

/** Every character of the issue's documents, counted. */
function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of squeezeWhitespace(text)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe.skipIf(!soffice || !sample)('DOCX through LibreOffice', () => {
  it('converts to PDF with nothing lost and a page count within 15 % of ours', async () => {
    const tree = sample!;
    const ours = await ourLayout(tree);
    // The DOCX as the app writes it after a PDF export: its page numbers and the tables the layout fitted.
    const { bytes } = await toDocx(tree, { pageMap: ours.pageMap, compactTables: ours.compactTables });
    const docx = join(dir, 'sample-issue.docx');
    writeFileSync(docx, bytes);
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 180_000,
      stdio: 'ignore',
      env: cjkFontEnv(),
    });
    const pdf = join(dir, 'sample-issue.pdf');
    const pages = pdfPages(pdf);
    const ratio = pages / ours.pages;
    console.log(`[docx-libreoffice] LibreOffice PDF: ${pages} pages; ${ours.source}: ${ours.pages} pages; ratio ${ratio.toFixed(3)}`);
    expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(0.15);

    // Nothing lost, character by character (robust to the reading order of two-column pages).
    execFileSync('pdftotext', ['-raw', pdf, join(dir, 'lo.txt')]);
    const pdfText = readFileSync(join(dir, 'lo.txt'), 'utf8');
    const documents = tree.sections.flatMap((s) => s.documents);
    const source = documents.map((d) => d.content.blocks.map(plainText).join('')).join('');
    const have = charCounts(pdfText);
    const lost: string[] = [];
    let lostPunctuation = 0;
    for (const [ch, n] of charCounts(source)) {
      const missing = n - (have.get(ch) ?? 0);
      if (missing <= 0) continue;
      // LibreOffice hangs or squeezes a line-end 、。， now and then so pdftotext misses it; letters and
      // digits must all be there.
      if (/[\p{P}]/u.test(ch)) lostPunctuation += missing;
      else lost.push(`${ch}×${missing}`);
    }
    console.log(`[docx-libreoffice] characters: ${squeezeWhitespace(source).length}; punctuation marks not extracted: ${lostPunctuation}`);
    expect(lost, `characters missing from the LibreOffice PDF: ${lost.slice(0, 20).join(' ')}`).toEqual([]);
    expect(lostPunctuation).toBeLessThanOrEqual(3);

    // And in order: nearly every block's text appears contiguously (page furniture can split a few).
    const flat = squeezeWhitespace(pdfText);
    const pieces = documents.flatMap((d) => d.content.blocks.flatMap((b) => (b.type === 'table' ? b.children.flatMap((r) => r.children.map(plainText)) : [plainText(b)])));
    const checked = pieces.map(squeezeWhitespace).filter(Boolean);
    const found = checked.filter((p) => flat.includes(p)).length;
    console.log(`[docx-libreoffice] blocks found contiguously: ${found}/${checked.length}`);
    expect(found / checked.length).toBeGreaterThan(0.97);
    // A whole-issue PDF export and a LibreOffice conversion (up to 180 s by itself): 300 s at load 26 on 2 cores.
  }, 600_000);
});
