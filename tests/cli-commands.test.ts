import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openLibrary } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'gazette.mjs');
const referenceText = path.join(root, 'tests', 'fixtures', 'reference-issue-2024-06.txt');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('gazette-cli-')));
afterAll(() => cleanup());

function gazette(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GAZETTE_LIBRARY: path.join(dir, 'never-used.sqlite'), ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A library with two issues; the 2024年第6期 one has pages from a layout. */
function fixtureDb(name: string): { db: string; issueId: string } {
  const db = path.join(dir, name);
  const lib = openLibrary(db, { logger: { warn: () => {} } });
  lib.issues.insertTree(makeTree({ number: 5, cumulative: 190 }));
  const issueId = lib.issues.insertTree(makeTree());
  const toc = lib.issues.toc(issueId);
  lib.pageMaps.set(issueId, { pageCount: 12, layoutHash: 'x', pages: { [toc[0].documentId]: 3, [toc[1].documentId]: 6 } });
  lib.close();
  return { db, issueId };
}

describe('gazette CLI', () => {
  it('lists its commands with --help', () => {
    const { code, stdout } = gazette(['--help']);
    expect(code).toBe(0);
    for (const command of ['import FILE', 'list', 'toc', 'search']) expect(stdout).toContain(command);
  });

  it('fails with one line and a non-zero exit on bad use', () => {
    const unknown = gazette(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const missing = gazette(['import', path.join(dir, 'nope.txt'), '--db', path.join(dir, 'x.sqlite')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/找不到文件.*nope\.txt/)]);
    const badOption = gazette(['list', '--bogus']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints list, toc (with pages once laid out) and search as JSON', () => {
    const { db, issueId } = fixtureDb('three.sqlite');
    const list = gazette(['list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((i: { number: number; documentCount: number }) => [i.number, i.documentCount])).toEqual([
      [6, 5],
      [5, 5],
    ]);
    const toc = gazette(['toc', '--db', db, '--issue', issueId, '--json']);
    expect(toc.code).toBe(0);
    const entries = JSON.parse(toc.stdout);
    expect(entries).toHaveLength(5);
    expect(entries[0]).toEqual({ section: '市政府办公室文件', title: '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', docNumber: '格政办〔2024〕9号', page: 3 });
    expect(entries[2]).toEqual({ section: '市政府办公室文件', title: '关于开展城市体检工作的通知', docNumber: '格政办发〔2024〕64号' });
    const ambiguous = gazette(['toc', '--db', db, '--json']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/--issue/);
    const search = gazette(['search', '--db', db, '藜麦产业', '--json']);
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout);
    expect(hits.map((h: { number: number }) => h.number).sort()).toEqual([5, 5, 6, 6]); // ranked by relevance
    expect(hits[0].snippet).toContain('«藜麦产业»');
  });

  it('refuses a library from a newer version with a one-line reason', () => {
    const db = path.join(dir, 'newer.sqlite');
    const raw = new Database(db);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const result = gazette(['list', '--db', db, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('这个资料库由更新版本的程序创建')]);
  });

  it('uses the desktop library (GAZETTE_LIBRARY) without --db, creating it on first use', () => {
    const library = path.join(dir, 'app', 'gazette', 'library.sqlite');
    const result = gazette(['list', '--json'], { GAZETTE_LIBRARY: library });
    expect(result.code).toBe(0);
    expect(existsSync(library)).toBe(true);
    const issues = JSON.parse(result.stdout);
    // a new library starts with the sample issue once it is shipped
    expect(issues).toHaveLength(existsSync(path.join(root, 'resources', 'sample', 'sample-issue.json')) ? 1 : 0);
  });

  it('imports an issue package and rejects an unsupported file type', () => {
    const { db, issueId } = fixtureDb('source.sqlite');
    const lib = openLibrary(db, { logger: { warn: () => {} } });
    const pkg = path.join(dir, 'issue.gazette');
    lib.exportIssuePackage(issueId, pkg);
    lib.close();
    const target = path.join(dir, 'target.sqlite');
    const imported = gazette(['import', pkg, '--db', target]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ issueId, documents: 5, warnings: [] });
    const odd = path.join(dir, 'issue.pdf');
    writeFileSync(odd, '%PDF');
    const refused = gazette(['import', odd, '--db', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/不支持的文件类型/);
  });

  it('imports the reference issue from text: 10 TOC entries under 3 sections, in order', () => {
    const db = path.join(dir, 'reference.sqlite');
    const imported = gazette(['import', referenceText, '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(Object.keys(summary)).toEqual(['issueId', 'documents', 'warnings']);
    expect(summary.documents).toBeGreaterThanOrEqual(10);
    const toc = JSON.parse(gazette(['toc', '--db', db, '--json']).stdout) as Array<{ section: string; title: string; docNumber: string }>;
    expect(toc.map((e) => [e.section, e.title, e.docNumber])).toEqual([
      ['市政府办公室文件', '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', '格政办〔2024〕9号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发2024年度藜麦产业扶持资金补贴项目实施方案的通知', '格政办发〔2024〕62号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发砂石行业“亮剑”专项整治行动工作方案的通知', '格政办发〔2024〕63号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知', '格政办发〔2024〕66号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发新开办企业首套印章免费刻制实施方案的通知', '格政办发〔2024〕68号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发打击盗采砂金专项整治行动工作方案的通知', '格政办发〔2024〕69号'],
      ['市政府办公室文件', '格尔木市人民政府办公室关于印发格尔木市打击非法集资专项行动工作方案的通知', '格政办发〔2024〕71号'],
      ['人事任免', '格尔木市人民政府关于李润等同志职务任免的通知', '格政人〔2024〕11号'],
      ['人事任免', '格尔木市人民政府关于张光利等同志职务任免的通知', '格政人〔2024〕12号'],
      ['大事记', '7月份大事记', ''],
    ]);
    const search = JSON.parse(gazette(['search', '--db', db, '城市体检', '--json']).stdout) as Array<{ title: string }>;
    expect(search.map((h) => h.title)).toContain('格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知');
  });
});
