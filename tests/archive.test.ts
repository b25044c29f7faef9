/**
 * The archive in a test-sized form (two years of monthly issues generated from the sample; the bench
 * measures twenty): the library lists them, search finds 1-, 2- and 3+-character terms across years, the
 * year index comes from the stored page maps without any layout, and an issue reads the same as in a
 * library of its own. No timing assertions: the bench reports the times.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTree } from '../common/model';
import { indexEntries } from '../common/render/yearIndex';
import { archiveIssue, makeArchive, measureArchive, type SamplePages } from '../main/commands/benchArchive';
import type { PrintEngine } from '../main/export/engine';
import { yearIndexOf } from '../main/export/volume';
import { openLibrary, type Library } from '../main/store/index';
import { tempDir } from './store-fixtures';

const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
const samplePages: SamplePages = { pageCount: 60, byPosition: [3, 7, 14, 17, 35, 41, 44, 54, 54, 55] };
const documentsPerIssue = sample.sections.reduce((n, s) => n + s.documents.length, 0);

let dir: string;
let cleanup: () => void;
let library: Library;
let ids: string[];

beforeAll(() => {
  ({ dir, cleanup } = tempDir('gazette-archive-'));
  library = openLibrary(path.join(dir, 'archive.sqlite'), { logger: { warn: () => {} } });
  ids = makeArchive(library, sample, { firstYear: 2021, years: 2, pages: samplePages });
}, 300_000);

afterAll(() => {
  library?.close();
  cleanup?.();
});

describe('a generated archive', () => {
  it('lists every issue, newest first, with its documents', () => {
    const list = library.issues.list();
    expect(list).toHaveLength(24);
    expect(list.map((i) => `${i.year}-${i.number}`).slice(0, 2)).toEqual(['2022-12', '2022-11']);
    expect(list.every((i) => i.documentCount === documentsPerIssue)).toBe(true);
    // The generated issue is the sample moved to its year.
    const tree = library.issues.getTree(ids[0]);
    expect(tree.sections.flatMap((s) => s.documents.map((d) => d.docNumber))).toContain('格政办〔2021〕9号');
  });

  it('finds 1-, 2- and 3+-character terms in every year', () => {
    for (const query of ['市', '资金', '营商环境', '格政办〔2022〕']) {
      const hits = library.search(query, { limit: 1000 });
      const years = new Set(hits.map((h) => h.year));
      expect(hits.length, query).toBeGreaterThan(0);
      if (!query.includes('2022')) expect([...years].sort(), query).toEqual([2021, 2022]);
      else expect([...years], query).toEqual([2022]);
    }
    // Newest first, and the limit holds.
    const first = library.search('市', { limit: 5 });
    expect(first).toHaveLength(5);
    expect(first[0]).toMatchObject({ year: 2022, number: 12 });
  });

  it('builds a year index from the stored page maps, without laying anything out', async () => {
    // No engine may start: every page map is valid for its issue.
    const refuse = () => Promise.reject(new Error('the index must not lay out'));
    const engine: PrintEngine = { layout: refuse, printPdf: refuse, pageKeys: refuse, printStaticHtml: refuse, processIds: () => [], close: () => Promise.resolve() };
    const index = await yearIndexOf(library, { year: 2022 }, { cacheDir: null, engine });
    const entries = indexEntries(index);
    expect(entries).toHaveLength(12 * documentsPerIssue);
    expect(index.issues.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const first = entries.find((e) => e.issueNumber === 7 && e.docNumber === '格政办发〔2022〕62号');
    expect(first?.page).toBe(7);
    expect(entries.filter((e) => e.page === undefined)).toEqual([]);
  });

  it('lays an issue out again when its stored page map no longer holds', async () => {
    const issue = library.issues.list().find((i) => i.year === 2021 && i.number === 3)!;
    const tree = library.issues.getTree(issue.id);
    library.documents.updateMeta(tree.sections[0].documents[0].id, { tocTitleOverride: '改过的目录标题' });
    let laidOut = 0;
    const refuse = () => Promise.reject(new Error('not expected'));
    const engine: PrintEngine = {
      layout: () => Promise.reject(new Error(`laid out ${++laidOut}`)),
      printPdf: refuse,
      pageKeys: refuse,
      printStaticHtml: refuse,
      processIds: () => [],
      close: () => Promise.resolve(),
    };
    await expect(yearIndexOf(library, { year: 2021 }, { cacheDir: null, engine })).rejects.toThrow('laid out 1');
    expect(laidOut).toBe(1);
  });

  it('opens an issue the same as in a library of its own, and measures', async () => {
    const { dir: aloneDir, cleanup: cleanAlone } = tempDir('gazette-alone-');
    const alone = openLibrary(path.join(aloneDir, 'alone.sqlite'), { logger: { warn: () => {} } });
    try {
      const aloneId = alone.issues.insertTree(archiveIssue(sample, 2022, 6, 18));
      const inArchive = library.issues.list().find((i) => i.year === 2022 && i.number === 6)!;
      const a = library.issues.getTree(inArchive.id);
      const b = alone.issues.getTree(aloneId);
      const shape = (t: IssueTree) => t.sections.map((s) => [s.name, s.documents.map((d) => [d.title, d.docNumber, d.content.blocks.length])]);
      expect(shape(a)).toEqual(shape(b));
      const figures = await measureArchive(library, { library: alone, issueId: aloneId }, inArchive.id, 1);
      expect(figures.issues).toBe(24);
      expect(figures.documents).toBe(24 * documentsPerIssue);
      expect(figures.yearIndexEntries).toBe(12 * documentsPerIssue);
      expect(figures.search.find((s) => s.query === '市')?.hits).toBeGreaterThan(0);
    } finally {
      alone.close();
      cleanAlone();
    }
  }, 300_000);
});
