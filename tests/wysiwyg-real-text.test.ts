/**
 * Real documents, imported as a user imports them (`gazette import` of corpus text and web pages, a Word file
 * LibreOffice made from a corpus text, and a text holding characters that show nothing), then exported to PDF
 * (Chromium) and DOCX: every character the editor shows (the model's text, with the 附件： label and the □/☑
 * the editor draws) prints, in order, in the PDF's text layer (pdf.js, and poppler) and in the DOCX's body,
 * and nothing prints that the editor does not show: no invisible character is kept to print as a box or to
 * sit in the PDF's text.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, type IssueTree } from '../common/model';
import { issueJob } from '../common/render/printJob';
import { exportLibraryIssueDocx } from '../main/export/docx';
import { exportTreePdf, type ExportPdfResult } from '../main/export/exportPdf';
import { findSoffice } from '../main/import/importDocx';
import { openLibrary } from '../main/store/library';
import { gazetteJson } from './gazette-cli';
import { badCharacters, compareIssueText, documentPieces, pdfjsPageTexts } from './pdf-text';

const corpus = path.join(import.meta.dirname, 'fixtures/corpus');
/** Text and web pages of several kinds: tables, attachments, 署名/日期, run-in headings with 楷体, a 主席令. */
const SOURCES = ['cee/p9_hjxsydwzfw.txt', 'govcn/23_guobanhan_2004_80.txt', 'web/linan_lzbh_2013_89.html', 'govcn/07_guobanfa_2018_128.html', 'web/chlaws_zhuxiling_40.txt'];
/** Made into a Word file by LibreOffice, as an office would save it. */
const WORD_SOURCE = 'govcn/55_guohan_2018_144.txt';

/** Own wording, with what a web page or Word leaves in: a BEL, zero-width space, soft hyphen, word joiner, BOM. */
const HIDDEN = '关于开展\u200b冬季\u00ad道路巡查的通知\n\n各乡镇人民政府：\n\n　　为做好冬季道路\u2060巡查工作，现将有关\u0007事项通知如下。\ufeff巡查范围包括县道和乡道。\n\n某某县人民政府办公室\n2026年11月20日\n';
/** Control and format characters other than tab, newline, ZWJ and ZWNJ. */
const INVISIBLE = /(?![\t\n\r\u200c\u200d])[\p{Cc}\p{Cf}]/u;

const squeeze = (text: string) => text.replace(/[\s\u3000\u200b]+/g, '');

/** The DOCX body's text (word/document.xml), paragraph by paragraph. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .join('\n');
}

describe('real documents print what the editor shows', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-wysiwyg-text-'));
  const db = path.join(dir, 'library.sqlite');
  let tree: IssueTree;
  let result: ExportPdfResult;
  let docx = '';

  beforeAll(async () => {
    const files = SOURCES.map((source) => {
      const file = path.join(dir, path.basename(source));
      copyFileSync(path.join(corpus, source), file);
      return file;
    });
    const hidden = path.join(dir, '冬季道路巡查.txt');
    writeFileSync(hidden, HIDDEN);
    files.push(hidden);
    const soffice = findSoffice();
    if (soffice) {
      const txt = path.join(dir, path.basename(WORD_SOURCE));
      copyFileSync(path.join(corpus, WORD_SOURCE), txt);
      execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, txt], { timeout: 240_000, stdio: 'ignore' });
      files.push(txt.replace(/\.txt$/, '.docx'));
    }
    const imported = gazetteJson(['import', ...files, '--db', db], dir, 240_000) as { issueId: string };
    const library = openLibrary(db);
    try {
      tree = library.issues.getTree(imported.issueId);
      result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'issue.pdf'), printMemory: false });
      docx = path.join(dir, 'issue.docx');
      await exportLibraryIssueDocx(library, imported.issueId, docx);
    } finally {
      library.close();
    }
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps no character that shows nothing in the editor', () => {
    const documents = tree.sections.flatMap((s) => s.documents);
    expect(documents.length).toBeGreaterThanOrEqual(SOURCES.length + 1);
    const hidden = documents.flatMap((d) => d.content.blocks.map(plainText)).filter((text) => INVISIBLE.test(text));
    expect(hidden).toEqual([]);
  });

  it('prints every character in order, and nothing else, in the PDF text (pdf.js and poppler)', async () => {
    const pages = await pdfjsPageTexts(result.pdfPath);
    expect(badCharacters(pages.join('\n'))).toEqual([]);
    expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
    const poppler = execFileSync('pdftotext', ['-raw', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
    expect(compareIssueText(poppler, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  });

  it('writes every character in order, and nothing else, in the DOCX body', () => {
    const body = squeeze(docxText(docx));
    const documents = tree.sections.flatMap((s) => s.documents);
    const expected = documents.map((d) => squeeze(documentPieces(d).map((p) => p.text).join(''))).join('');
    // The body after the cover, inside cover and TOC (which repeats titles) ends with the documents.
    expect(body.length).toBeGreaterThan(expected.length);
    expect(body.slice(-expected.length)).toBe(expected);
  });
});
