/**
 * 年度总目录 and 合订本 through the CLI, on a library with issues 1–12 of one year (small issues: the
 * point is the binding and the numbers, not the layout). Checked in the PDFs themselves (pdftotext per
 * page, outline with pdf-lib) and in the DOCX's XML.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squeezeWhitespace } from '../common/model';
import { openLibrary } from '../main/store/index';
import { gazetteBin, gazetteJson, pageTexts, repoRoot } from './gazette-cli';
import { makeTree, tempDir } from './store-fixtures';

const ISSUES = 12;

let dir: string;
let cleanup: () => void;
let db: string;

function gazetteRaw(args: string[]) {
  return spawnSync(process.execPath, [gazetteBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, GAZETTE_LIBRARY: path.join(dir, 'never-used.sqlite') } });
}

const gazette = (args: string[]) => gazetteJson(args, dir, 900_000);

/** Issue n: two notices, one 人事任免 notice (issue 12 has no 人事任免: a section may be missing). */
function issueTree(n: number) {
  return makeTree({
    year: 2024,
    number: n,
    cumulative: 185 + n,
    sections: [
      {
        name: '市政府办公室文件',
        docs: [1, 2].map((k) => ({ title: `关于第${n}期事项${k}的通知`, docNumber: `格政办〔2024〕${n * 10 + k}号`, body: [`第${n}期第${k}件的正文。`] })),
      },
      ...(n < ISSUES ? [{ name: '人事任免', docs: [{ kind: 'personnel' as const, title: `关于第${n}期人员任免的通知`, docNumber: `格政人〔2024〕${n}号`, body: ['任命张三为局长。'] }] }] : []),
    ],
  });
}

interface Placed {
  issueId: string;
  label: string;
  firstPageIndex: number;
  pages: number;
  frontPages: number;
  reused: boolean;
}

let volume: { pdf: string; pages: number; indexPages: number; issues: Placed[]; entries: number };
const titles: Array<{ issueId: string; number: number; title: string; docNumber: string; documentId: string }> = [];

beforeAll(() => {
  ({ dir, cleanup } = tempDir('gazette-volume-'));
  db = path.join(dir, 'library.sqlite');
  const lib = openLibrary(db, { logger: { warn: () => {} } });
  // Inserted out of order, plus an issue of another year that must stay out.
  for (const n of [3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]) lib.issues.insertTree(issueTree(n));
  lib.issues.insertTree(makeTree({ year: 2023, number: 12, cumulative: 185 }));
  for (const issue of lib.issues.list().filter((i) => i.year === 2024)) {
    for (const e of lib.issues.toc(issue.id)) titles.push({ issueId: issue.id, number: issue.number, title: e.title, docNumber: e.docNumber, documentId: e.documentId });
  }
  lib.close();
  volume = gazette(['volume', '--year', '2024', '--db', db, '--pdf', path.join(dir, 'volume.pdf')]) as typeof volume;
}, 900_000);

afterAll(() => cleanup?.());

describe('gazette volume', () => {
  it('binds the index and the twelve issues in order, each with its own pages', async () => {
    expect(volume.issues.map((i) => i.label)).toEqual(Array.from({ length: ISSUES }, (_, k) => `2024年第${k + 1}期`));
    const pdf = await PDFDocument.load(readFileSync(volume.pdf));
    const issuePages = volume.issues.reduce((sum, i) => sum + i.pages, 0);
    expect(pdf.getPageCount()).toBe(volume.indexPages + issuePages);
    expect(volume.issues[0].firstPageIndex).toBe(volume.indexPages);
    const texts = pageTexts(volume.pdf);
    // Each issue starts with its own cover (its number) and keeps its own TOC.
    for (const [k, issue] of volume.issues.entries()) {
      expect(texts[issue.firstPageIndex]).toContain(`2024年第${k + 1}期`);
      expect(texts[issue.firstPageIndex]).toContain(`总第${186 + k}期`);
    }
    expect(texts.join('')).not.toContain('2023年第12期');
  });

  it('lists every document with 期 and 页, and each 页 is the bound page where the document starts', () => {
    const texts = pageTexts(volume.pdf);
    const index = texts.slice(0, volume.indexPages).join('');
    expect(volume.entries).toBe(titles.length);
    expect(titles.length).toBe(ISSUES * 3 - 1);
    const lib = openLibrary(db, { logger: { warn: () => {} } });
    try {
      for (const t of titles) {
        const issue = volume.issues.find((i) => i.issueId === t.issueId)!;
        const page = lib.pageMaps.get(t.issueId).pages[t.documentId];
        expect(page, t.title).toBeGreaterThanOrEqual(3);
        // In the index: the title, then its 文号 line ending in 第N期（页）.
        const at = index.indexOf(t.title);
        expect(at, t.title).toBeGreaterThanOrEqual(0);
        const line = index.slice(at, index.indexOf('）', at + t.title.length) + 1);
        expect(line, t.title).toContain(t.docNumber);
        expect(line.endsWith(`第${t.number}期（${page}）`), line).toBe(true);
        // In the bound volume: that issue's page with that folio shows the document's title.
        const bound = texts[issue.firstPageIndex + issue.frontPages + page - 1];
        expect(bound, t.title).toContain(squeezeWhitespace(`— ${page} —`));
        expect(bound, t.title).toContain(t.title);
      }
    } finally {
      lib.close();
    }
  });

  it('has an outline year -> index and issues -> documents', async () => {
    const pdf = await PDFDocument.load(readFileSync(volume.pdf));
    const lookup = (d: PDFDict, key: string) => d.lookup(PDFName.of(key));
    const title = (d: PDFDict) => {
      const t = lookup(d, 'Title');
      return t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '';
    };
    const children = (d: PDFDict): PDFDict[] => {
      const out: PDFDict[] = [];
      for (let c = lookup(d, 'First') as PDFDict | undefined; c; c = lookup(c, 'Next') as PDFDict | undefined) out.push(c);
      return out;
    };
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines')) as PDFDict;
    const [year] = children(outlines);
    expect(title(year)).toContain('2024年');
    const [index, ...issues] = children(year);
    expect(title(index)).toBe('2024年度总目录');
    expect(issues.map(title)).toEqual(Array.from({ length: ISSUES }, (_, k) => `2024年第${k + 1}期（总第${186 + k}期）`));
    expect(children(issues[0]).map(title)).toEqual([
      '关于第1期事项1的通知（格政办〔2024〕11号）',
      '关于第1期事项2的通知（格政办〔2024〕12号）',
      '关于第1期人员任免的通知（格政人〔2024〕1号）',
    ]);
  });
});

describe('gazette index', () => {
  it('writes the index alone (PDF and DOCX) from the stored page numbers', () => {
    const out = gazette(['index', '--year', '2024', '--db', db, '--pdf', path.join(dir, 'index.pdf'), '--docx', path.join(dir, 'index.docx')]) as {
      pages: number;
      entries: Array<{ title: string; issue: number; page: number; section: string }>;
    };
    expect(out.pages).toBe(volume.indexPages);
    expect(out.entries.length).toBe(titles.length);
    const texts = pageTexts(path.join(dir, 'index.pdf'));
    expect(texts.filter(Boolean).length).toBe(volume.indexPages);
    // The same entries with the same numbers as the volume's index.
    const volumeIndex = pageTexts(volume.pdf).slice(0, volume.indexPages).join('');
    const alone = texts.join('');
    for (const e of out.entries) expect(alone).toContain(`第${e.issue}期（${e.page}）`);
    expect(alone.replace(/—\s*\d+\s*—/g, '')).toBe(volumeIndex.replace(/—\s*\d+\s*—/g, ''));
    // Sections in order of first appearance, 人事任免 after the notices.
    expect(out.entries.findIndex((e) => e.section === '人事任免')).toBe(ISSUES * 2);
    const xml = strFromU8(unzipSync(readFileSync(path.join(dir, 'index.docx')))['word/document.xml']);
    for (const t of titles) expect(xml).toContain(t.title);
    expect(xml).toContain(`第12期（${out.entries.find((e) => e.issue === 12)!.page}）`);
    expect(xml).toContain('w:leader="middleDot"');
  }, 600_000);

  it('a second volume reuses every unchanged issue and lays out only the changed one', () => {
    const lib = openLibrary(db, { logger: { warn: () => {} } });
    const changed = titles.find((t) => t.number === 5)!;
    lib.documents.updateMeta(changed.documentId, { tocTitleOverride: '关于第5期事项1的通知（修订）' });
    lib.close();
    const again = gazette(['volume', '--year', '2024', '--db', db, '--pdf', path.join(dir, 'volume2.pdf')]) as typeof volume;
    expect(again.issues.filter((i) => !i.reused).map((i) => i.label)).toEqual(['2024年第5期']);
    const index = pageTexts(again.pdf).slice(0, again.indexPages).join('');
    expect(index).toContain('关于第5期事项1的通知（修订）');
  }, 600_000);
});

describe('bad use', () => {
  it('says in one line what is wrong, and writes nothing', () => {
    const noYear = gazetteRaw(['volume', '--db', db, '--pdf', path.join(dir, 'x.pdf')]);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr.trim().split('\n')).toHaveLength(1);
    const empty = gazetteRaw(['index', '--year', '1999', '--db', db, '--pdf', path.join(dir, 'none.pdf')]);
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim().split('\n')).toEqual([expect.stringMatching(/1999年没有期刊/)]);
    expect(existsSync(path.join(dir, 'none.pdf'))).toBe(false);
  }, 300_000);
});
