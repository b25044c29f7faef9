/**
 * Where the first document starts. The format (journal-format.md §9, §10) puts the TOC on pages 1–2 and the
 * first document on p.3, a right-hand page: the print page pads a one-page TOC with a blank verso
 * (renderer/print/print.ts padToEven), as in the reference issue (out/sample-issue.pdf: cover, inside cover,
 * a one-page TOC, a blank page, then p.3 as the PDF's fifth page). TOC pages carry no running head and no
 * folio, so the blank verso carries nothing at all. A single-document issue imported from the corpus with `gazette import` and
 * printed with `gazette export --pdf`, read from the PDF: 5 pages, the 4th blank, the document on the 5th
 * with folio — 3 — and the TOC saying （3）.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS_FILE = path.join(ROOT, 'tests/fixtures/corpus/govcn/31_guobanhan_2004_88.html');
const { dir, cleanup } = tempDir('gazette-first-page-');
afterAll(cleanup);

const gazette = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gazette.mjs'), ...args], { encoding: 'utf8', timeout: 600_000 });
/** Each page's text as pdftotext reads it, white space removed. */
const pageTexts = (pdf: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ''));

it('starts the first document on p.3, a right-hand page, after a blank TOC verso without head or folio', () => {
  const db = path.join(dir, 'library.sqlite');
  const imported = JSON.parse(gazette('import', CORPUS_FILE, '--db', db)) as { issueId: string; documents: number };
  expect(imported.documents).toBe(1);
  const pdf = path.join(dir, 'issue.pdf');
  const summary = JSON.parse(gazette('export', '--db', db, '--issue', imported.issueId, '--pdf', pdf)) as { pages: number; documents: Record<string, number> };
  expect(Object.values(summary.documents)).toEqual([3]);

  const pages = pageTexts(pdf);
  // Cover, inside cover, TOC p.1, blank p.2, the document from p.3.
  expect(pages).toHaveLength(5);
  expect(summary.pages).toBe(5);
  expect(pages[2]).toMatch(/^目录/);
  expect(pages[2]).toContain('国办函〔2004〕88号');
  expect(pages[2]).toMatch(/（3）$/);
  expect(pages[3]).toBe('');
  // p.3 is odd: the section name as its head, the title, and the folio — 3 —.
  expect(pages[4]).toMatch(/^市政府办公室文件国务院办公厅关于同意以深圳市名义申办/);
  expect(pages[4]).toMatch(/—3—$/);
}, 620_000);
