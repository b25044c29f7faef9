/**
 * A decade (or two) of archive for the bench and its test-sized form: monthly issues generated from the
 * sample issue (its documents with the year changed, fresh ids), each with the sample's page map stored
 * under the issue's own source key (the pages are the sample's: same content, same layout), so the
 * 年度总目录 of any year can be built without laying anything out. Then the figures the library screen
 * and the archive depend on: opening the library (the call the screen makes), search (1-, 2- and
 * 3+-character queries), the year index, and opening an issue against a library holding only that issue.
 */
import Database from 'better-sqlite3';
import { newId, type IssueTree } from '../../common/model';
import { sourceKeyOf } from '../../common/render/layoutKey';
import { handleCall } from '../handlers/index';
import { yearIndexOf } from '../export/volume';
import type { Library } from '../store/index';
import { TREE_DOCUMENT_COLUMNS } from '../store/issues';

/** The sample's page map by document position (section order, then document order). */
export interface SamplePages {
  pageCount: number;
  /** First page of the n-th document of the issue. */
  byPosition: number[];
}

export function samplePagesOf(tree: IssueTree, documents: Record<string, number>, pageCount: number): SamplePages {
  return { pageCount, byPosition: tree.sections.flatMap((s) => s.documents.map((d) => documents[d.id] ?? 0)) };
}

/** The sample as issue `number` of `year` (cumulative number given), text and 文号 moved to that year. */
export function archiveIssue(sample: IssueTree, year: number, number: number, cumulative: number): IssueTree {
  const moved = JSON.parse(JSON.stringify(sample).replaceAll(String(sample.issue.year), String(year))) as IssueTree;
  const issueId = newId();
  return {
    issue: { ...moved.issue, id: issueId, year, number, cumulativeNumber: cumulative, date: `${year}-${String(number).padStart(2, '0')}-28`, status: 'published' },
    sections: moved.sections.map((section) => {
      const sectionId = newId();
      return { ...section, id: sectionId, issueId, documents: section.documents.map((d) => ({ ...d, id: newId(), sectionId })) };
    }),
  };
}

/** Insert `years` × `perYear` issues from `firstYear` on; returns their ids (oldest first). */
export function makeArchive(library: Library, sample: IssueTree, opts: { firstYear: number; years: number; perYear?: number; pages?: SamplePages }): string[] {
  const perYear = opts.perYear ?? 12;
  const ids: string[] = [];
  for (let y = 0; y < opts.years; y++) {
    library.transaction(() => {
      for (let n = 1; n <= perYear; n++) {
        const tree = archiveIssue(sample, opts.firstYear + y, n, ids.length + 1);
        const issueId = library.issues.insertTree(tree);
        ids.push(issueId);
        if (opts.pages) {
          const stored = library.issues.getTree(issueId);
          const docs = stored.sections.flatMap((s) => s.documents);
          library.pageMaps.set(issueId, {
            pageCount: opts.pages.pageCount,
            layoutHash: sourceKeyOf(stored),
            pages: Object.fromEntries(docs.map((d, i) => [d.id, opts.pages!.byPosition[i]])),
          });
        }
      }
    });
  }
  return ids;
}

/** The sample's page map (first page of each document, in order; 59 pages), for an archive made without a layout. */
export const SAMPLE_PAGES: SamplePages = { pageCount: 59, byPosition: [3, 7, 14, 17, 35, 41, 44, 53, 53, 54] };

/**
 * Queries of every length class (1-2 characters and 3+), common and rare: a term found in nearly every
 * document, one found in one document per issue, and terms found nowhere (the whole archive is searched).
 */
export const ARCHIVE_QUERIES = ['市', '局', '鲸', '资金', '监督', '体检', '砂金', '鲸鱼', '营商环境', '专项整治', '城市体检 实施方案', '不存在的词语组合'];

export interface ArchiveFigures {
  issues: number;
  documents: number;
  /** issues.list through the contract wrapper (what the library screen calls on open): median and max. */
  openMs: { median: number; max: number };
  /** Per query class: p95 over every run of its queries, and the hits of the last run. */
  search: Array<{ query: string; p95: number; hits: number }>;
  searchP95: number;
  /** The year index model from stored page maps (no layout): median. */
  yearIndexMs: number;
  yearIndexEntries: number;
  /** issues.getTree of one issue in the archive and in a library holding only that issue: medians. */
  openIssueMs: number;
  openIssueAloneMs: number;
  /** The same figures in CPU time of this process (what they cost without other work on the machine). */
  cpu: { openMs: number; searchP95: number; yearIndexMs: number; openIssueMs: number; openIssueAloneMs: number };
  /** CPU of the store's reads alone (rows of the issue's documents) in a fresh connection, cold page cache: medians. */
  storeReadCpuMs: { archive: number; alone: number };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Wall time, and this process's CPU time (user + system): on a machine shared with other work the wall time
 * includes waiting for a core, while the CPU time of these single-threaded calls is what they cost alone.
 */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

async function call(library: Library, channel: Parameters<typeof handleCall>[0], payload: unknown): Promise<unknown> {
  const result = await handleCall(channel, payload, { deps: { library }, logger: { warn: () => {}, error: () => {} } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * CPU time of the store's part of opening an issue (its sections and documents' rows, the columns getTree
 * reads) in a fresh read-only connection: SQLite's page cache is empty, so the pages come from the file,
 * and a big file would show here if its size (page cache, overflow pages, index depth) cost anything.
 */
function coldTreeReadCpuMs(file: string, issueId: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const c0 = process.cpuUsage();
    const sections = db.prepare('SELECT id FROM sections WHERE issue_id = ? ORDER BY position, rowid').pluck().all(issueId) as string[];
    const documents = db.prepare(`SELECT ${TREE_DOCUMENT_COLUMNS} FROM documents WHERE section_id = ? ORDER BY position, rid`);
    for (const section of sections) documents.all(section);
    const cpu = process.cpuUsage(c0);
    return (cpu.user + cpu.system) / 1000;
  } finally {
    db.close();
  }
}

/** Measure an archive library; `alone` holds one issue (the same as the archive's `issueId`), for comparison. */
export async function measureArchive(library: Library, alone: { library: Library; issueId: string }, issueId: string, runs = 5): Promise<ArchiveFigures> {
  const list = (await call(library, 'issues.list', {})) as Array<{ year: number; documentCount: number }>;
  const open: number[] = [];
  const cpu = { open: [] as number[], search: [] as number[], index: [] as number[], issue: [] as number[], alone: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const t = await timed(() => call(library, 'issues.list', {}));
    open.push(t.ms);
    cpu.open.push(t.cpuMs);
  }
  const search: ArchiveFigures['search'] = [];
  const all: number[] = [];
  for (const query of ARCHIVE_QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, cpuMs, value } = await timed(() => call(library, 'search', { query }));
      times.push(ms);
      cpu.search.push(cpuMs);
      hits = (value as unknown[]).length;
    }
    all.push(...times);
    search.push({ query, p95: percentile(times, 95), hits });
  }
  // The year of the issue measured (its page maps are the generated ones: nothing is laid out).
  const year = library.issues.get(issueId).year;
  const indexTimes: number[] = [];
  let entries = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, cpuMs, value } = await timed(() => yearIndexOf(library, { year }, { cacheDir: null }));
    indexTimes.push(ms);
    cpu.index.push(cpuMs);
    entries = value.groups.reduce((n, g) => n + g.entries.length, 0);
  }
  const openIssue: number[] = [];
  const openAlone: number[] = [];
  // Each call is ~10 ms, mostly JSON parsing and normalisation, so single slow runs (a garbage collection,
  // a core taken by other work) decide a median of 5: more runs, and the two libraries take turns going first.
  const issueRuns = Math.max(runs, 4 * runs + 1);
  for (let i = 0; i < issueRuns; i++) {
    const openArchive = () => timed(() => call(library, 'issues.getTree', { issueId }));
    const openOwn = () => timed(() => call(alone.library, 'issues.getTree', { issueId: alone.issueId }));
    const first = i % 2 === 0 ? await openArchive() : await openOwn();
    const second = i % 2 === 0 ? await openOwn() : await openArchive();
    const [inArchive, inOwn] = i % 2 === 0 ? [first, second] : [second, first];
    openIssue.push(inArchive.ms);
    openAlone.push(inOwn.ms);
    cpu.issue.push(inArchive.cpuMs);
    cpu.alone.push(inOwn.cpuMs);
  }
  const storeRead = { archive: [] as number[], alone: [] as number[] };
  for (let i = 0; i < issueRuns; i++) {
    storeRead.archive.push(coldTreeReadCpuMs(library.file, issueId));
    storeRead.alone.push(coldTreeReadCpuMs(alone.library.file, alone.issueId));
  }
  return {
    issues: list.length,
    documents: list.reduce((n, i) => n + i.documentCount, 0),
    openMs: { median: percentile(open, 50), max: round(Math.max(...open)) },
    search,
    searchP95: percentile(all, 95),
    yearIndexMs: percentile(indexTimes, 50),
    yearIndexEntries: entries,
    openIssueMs: percentile(openIssue, 50),
    openIssueAloneMs: percentile(openAlone, 50),
    cpu: {
      openMs: percentile(cpu.open, 50),
      searchP95: percentile(cpu.search, 95),
      yearIndexMs: percentile(cpu.index, 50),
      openIssueMs: percentile(cpu.issue, 50),
      openIssueAloneMs: percentile(cpu.alone, 50),
    },
    storeReadCpuMs: { archive: percentile(storeRead.archive, 50), alone: percentile(storeRead.alone, 50) },
  };
}
