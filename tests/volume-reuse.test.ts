/**
 * The 合订本 after the year's exports: `gazette export` leaves each issue's laid-out units and PDF in
 * `cache/` beside the library, and `gazette volume` binds them instead of laying out and printing again.
 * An issue exported and then edited is laid out again from its unchanged units; an issue never exported
 * is laid out whole. The 年度总目录's 页 must still match the bound pages, reused or not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squeezeWhitespace, type ParagraphElement } from '../common/model';
import { openLibrary } from '../main/store/index';
import { gazetteJson, pageTexts } from './gazette-cli';
import { makeTree, tempDir } from './store-fixtures';


let dir: string;
let cleanup: () => void;
let db: string;
const ids: string[] = [];

const gazette = (args: string[]) => gazetteJson(args, dir, 600_000);

/** Issue n of 2025: three notices (three pagination units) and a 人事任免 notice. */
function issueTree(n: number) {
  return makeTree({
    year: 2025,
    number: n,
    cumulative: 200 + n,
    sections: [
      {
        name: '市政府办公室文件',
        docs: [1, 2, 3].map((k) => ({
          title: `关于第${n}期事项${k}的通知`,
          docNumber: `格政办〔2025〕${n * 10 + k}号`,
          body: Array.from({ length: 6 }, (_, p) => `第${n}期第${k}件第${p + 1}段：为进一步做好有关工作，现将事项通知如下，请认真贯彻执行。`),
        })),
      },
      { name: '人事任免', docs: [{ kind: 'personnel' as const, title: `关于第${n}期人员任免的通知`, docNumber: `格政人〔2025〕${n}号`, body: ['任命张三为局长。'] }] },
    ],
  });
}

interface VolumeOut {
  pdf: string;
  indexPages: number;
  issues: Array<{ issueId: string; label: string; firstPageIndex: number; pages: number; frontPages: number; reused: boolean }>;
  reuse: { issuesReused: number; issuesPrinted: number; unitsLaidOut: number; unitsCached: number };
}

let volume: VolumeOut;
let exportedPages: number[];

beforeAll(() => {
  ({ dir, cleanup } = tempDir('gazette-volume-reuse-'));
  db = path.join(dir, 'library.sqlite');
  const lib = openLibrary(db, { logger: { warn: () => {} } });
  for (const n of [1, 2, 3]) ids.push(lib.issues.insertTree(issueTree(n)));
  lib.close();
  // Issues 1 and 2 are exported as the office does during the year; issue 3 never is.
  exportedPages = [0, 1].map((i) => gazette(['export', '--db', db, '--issue', ids[i], '--pdf', path.join(dir, `issue-${i + 1}.pdf`)]).pages as number);
  // Issue 2 is corrected after its export: one paragraph of its second notice.
  const edit = openLibrary(db, { logger: { warn: () => {} } });
  const doc = edit.issues.getTree(ids[1]).sections[0].documents[1];
  const content = structuredClone(doc.content);
  const para = content.blocks.find((b): b is ParagraphElement => b.type === 'paragraph')!;
  para.children.push({ text: '（已更正）' });
  edit.documents.save(doc.id, content);
  edit.close();
  volume = gazette(['volume', '--year', '2025', '--db', db, '--pdf', path.join(dir, 'volume.pdf')]) as unknown as VolumeOut;
}, 900_000);

afterAll(() => cleanup?.());

describe('a volume after the year’s exports', () => {
  it('binds the exported issue as printed and lays out only what changed or was never exported', () => {
    expect(volume.issues.map((i) => [i.label, i.reused])).toEqual([
      ['2025年第1期', true],
      ['2025年第2期', false],
      ['2025年第3期', false],
    ]);
    expect(volume.reuse.issuesReused).toBe(1);
    expect(volume.reuse.issuesPrinted).toBe(2);
    // Issue 2: one unit changed, its other units come from its export's layout; issue 3: every unit laid out
    // (3 notices + the 人事任免 unit each).
    expect(volume.reuse.unitsLaidOut).toBe(1 + 4);
    expect(volume.reuse.unitsCached).toBe(3);
    // The reused issue keeps the export's page count.
    expect(volume.issues[0].pages).toBe(exportedPages[0]);
  });

  it('has index pages that match the bound pages', () => {
    const texts = pageTexts(volume.pdf);
    const index = texts.slice(0, volume.indexPages).join('');
    const lib = openLibrary(db, { logger: { warn: () => {} } });
    try {
      for (const [k, issueId] of ids.entries()) {
        const issue = volume.issues[k];
        for (const entry of lib.issues.toc(issueId)) {
          const page = lib.pageMaps.get(issueId).pages[entry.documentId];
          const at = index.indexOf(entry.title);
          expect(at, entry.title).toBeGreaterThanOrEqual(0);
          const line = index.slice(at, index.indexOf('）', at + entry.title.length) + 1);
          expect(line.endsWith(`第${k + 1}期（${page}）`), line).toBe(true);
          const bound = texts[issue.firstPageIndex + issue.frontPages + page - 1];
          expect(bound, entry.title).toContain(squeezeWhitespace(`— ${page} —`));
          expect(bound, entry.title).toContain(entry.title);
        }
      }
      // The corrected paragraph is in the bound volume.
      expect(texts.join('')).toContain('（已更正）');
    } finally {
      lib.close();
    }
  });

  it('a second volume binds every issue as printed', () => {
    const again = gazette(['volume', '--year', '2025', '--db', db, '--pdf', path.join(dir, 'volume2.pdf')]) as unknown as VolumeOut;
    expect(again.reuse).toEqual({ issuesReused: 3, issuesPrinted: 0, unitsLaidOut: 0, unitsCached: 0 });
    expect(readFileSync(again.pdf).length).toBeGreaterThan(0);
    // One PDF (and its meta) per issue in the cache, nothing else.
    expect(readdirSync(path.join(dir, 'cache', 'issues')).sort()).toEqual(ids.flatMap((id) => [`${id}.json`, `${id}.pdf`]).sort());
  }, 600_000);
});
