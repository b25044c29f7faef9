import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentPlainText, type IssueTree } from '../common/model/index';
import { APPLICATION_ID, LATEST_VERSION, openLibrary, StoreError, type Library } from '../main/store/index';
import { MIGRATIONS } from '../main/store/migrations/index';
import { makeTree, para, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
let lib: Library;
const silent = { warn: () => {} };

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  lib = openLibrary(path.join(dir, 'library.sqlite'), { logger: silent });
});
afterEach(() => {
  lib.close();
  cleanup();
});

function docTitles(tree: IssueTree): string[][] {
  return tree.sections.map((s) => s.documents.map((d) => d.title));
}

function counts(l: Library) {
  const n = (sql: string) => (l.rawDb.prepare(sql).get() as { n: number }).n;
  return {
    issues: n('SELECT count(*) AS n FROM issues'),
    sections: n('SELECT count(*) AS n FROM sections'),
    documents: n('SELECT count(*) AS n FROM documents'),
    revisions: n('SELECT count(*) AS n FROM revisions'),
  };
}

describe('opening a library', () => {
  it('migrates an empty file to the latest schema and sets the pragmas on every open', () => {
    const db = lib.rawDb;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    for (const t of ['journals', 'issues', 'sections', 'documents', 'revisions', 'assets', 'page_maps', 'documents_fts']) expect(tables).toContain(t);
    lib.close();
    lib = openLibrary(path.join(dir, 'library.sqlite'), { logger: silent });
    expect(lib.journalMode).toBe('wal');
    expect(lib.rawDb.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.rawDb.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(lib.rawDb.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.rawDb.pragma('busy_timeout', { simple: true })).toBe(10_000);
    expect(lib.migrationBackup).toBeUndefined();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it unchanged', () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    let error: unknown;
    try {
      openLibrary(file, { logger: silent });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('newer-version');
    expect((error as Error).message).toContain('这个资料库由更新版本的程序创建');
    expect((error as Error).message).toContain('newer version');
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(dir, 'garbage.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openLibrary(file, { logger: silent })).toThrowError(/损坏|不是资料库/);
  });

  it('migrates a version-1 library, keeping its data, after a backup', () => {
    const file = path.join(dir, 'v1.sqlite');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0].sql);
    raw.pragma('user_version = 1');
    raw.exec(`INSERT INTO issues VALUES ('i1', 'J', 2024, 5, 190, '', 'draft', '{}', '{}', NULL, 't', 't');
              INSERT INTO sections VALUES ('s1', 'i1', '栏目', 0);
              INSERT INTO documents (id, section_id, kind, title, doc_number, position, content, plain_text, updated_at)
                VALUES ('d1', 's1', 'notice', '旧标题', '', 0, '{"schemaVersion":1,"blocks":[]}', '旧的正文', 't');
              INSERT INTO revisions (document_id, content, created_at) VALUES ('d1', '{"schemaVersion":1,"blocks":[]}', 't');`);
    raw.close();
    const migrated = openLibrary(file, { logger: silent });
    try {
      expect(migrated.rawDb.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(migrated.migrationBackup).toMatch(/\.v1-.*\.bak$/);
      expect(migrated.revisions.list('d1')).toMatchObject([{ kind: 'save' }]);
      expect(migrated.search('旧的正文').map((h) => h.documentId)).toEqual(['d1']);
      expect(migrated.issues.getTree('i1').sections[0].documents[0].title).toBe('旧标题');
    } finally {
      migrated.close();
    }
    const backup = new Database(migrated.migrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('backs up a non-empty database before migrating it', () => {
    const file = path.join(dir, 'old.sqlite');
    // A library written by the first version (schema 1); tables without a user_version are another
    // program's database and are refused (tests/store-damaged.test.ts).
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0].sql);
    raw.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me')");
    raw.pragma('user_version = 1');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const old = openLibrary(file, { logger: silent });
    expect(old.migrationBackup).toBeDefined();
    old.close();
    const backup = new Database(old.migrationBackup!);
    expect(backup.prepare('SELECT t FROM notes').get()).toEqual({ t: 'keep me' });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });
});

describe('issues, sections and documents', () => {
  it('stores an imported tree and gives it back in order, content normalised', () => {
    const tree = makeTree();
    const id = lib.issues.insertTree(tree);
    expect(id).toBe(tree.issue.id);
    const back = lib.issues.getTree(id);
    expect(back.sections.map((s) => s.name)).toEqual(['市政府办公室文件', '人事任免', '大事记']);
    expect(docTitles(back)).toEqual(docTitles(tree));
    expect(back.sections[0].documents[1].docNumber).toBe('格政办发〔2024〕62号');
    expect(back.issue.frontMatter.members).toEqual(['马建伟', '马媛']);
    const toc = lib.issues.toc(id);
    expect(toc).toHaveLength(5);
    expect(toc[0]).toMatchObject({ section: '市政府办公室文件', docNumber: '格政办〔2024〕9号' });
    expect(toc[4]).toMatchObject({ section: '大事记', title: '大事记', docNumber: '' });
    expect(lib.issues.list()[0]).toMatchObject({ id, year: 2024, number: 6, cumulativeNumber: 191, documentCount: 5, pageCount: null });
  });

  it('renews ids when an inserted tree collides with existing ones', () => {
    const tree = makeTree();
    const first = lib.issues.insertTree(tree);
    const second = lib.issues.insertTree(tree);
    expect(second).not.toBe(first);
    expect(lib.issues.list()).toHaveLength(2);
    expect(docTitles(lib.issues.getTree(second))).toEqual(docTitles(tree));
  });

  it('moves documents within and between sections with stable, gap-free positions', () => {
    const id = lib.issues.insertTree(makeTree());
    const [office, personnel] = lib.issues.getTree(id).sections;
    const [a, b, c] = office.documents;
    lib.documents.move(c.id, office.id, 0);
    expect(lib.documents.list(office.id).map((d) => d.id)).toEqual([c.id, a.id, b.id]);
    lib.documents.move(a.id, personnel.id, 1);
    expect(lib.documents.list(office.id).map((d) => [d.id, d.position])).toEqual([
      [c.id, 0],
      [b.id, 1],
    ]);
    expect(lib.documents.list(personnel.id).map((d) => d.id)).toEqual([personnel.documents[0].id, a.id]);
    expect(lib.documents.list(personnel.id).map((d) => d.position)).toEqual([0, 1]);
    expect(lib.issues.toc(id).map((e) => e.title)[0]).toBe('关于开展城市体检工作的通知');
  });

  it('reorders sections and documents, and refuses an order that is not a permutation', () => {
    const id = lib.issues.insertTree(makeTree());
    const tree = lib.issues.getTree(id);
    const sectionIds = tree.sections.map((s) => s.id);
    lib.sections.reorder(id, [sectionIds[2], sectionIds[0], sectionIds[1]]);
    expect(lib.sections.list(id).map((s) => s.name)).toEqual(['大事记', '市政府办公室文件', '人事任免']);
    const docIds = tree.sections[0].documents.map((d) => d.id);
    expect(() => lib.documents.reorder(tree.sections[0].id, [docIds[0], docIds[1]])).toThrow(StoreError);
    expect(() => lib.documents.reorder(tree.sections[0].id, [docIds[0], docIds[0], docIds[1]])).toThrow(StoreError);
    expect(lib.documents.list(tree.sections[0].id).map((d) => d.id)).toEqual(docIds);
    lib.documents.reorder(tree.sections[0].id, [...docIds].reverse());
    expect(lib.documents.list(tree.sections[0].id).map((d) => d.id)).toEqual([...docIds].reverse());
  });

  it('adds, renames and removes sections and documents', () => {
    const id = lib.issues.insertTree(makeTree());
    const added = lib.sections.add(id, ' 规范性文件 ', 1);
    expect(lib.sections.list(id).map((s) => s.name)).toEqual(['市政府办公室文件', '规范性文件', '人事任免', '大事记']);
    lib.sections.rename(added.id, '政策解读');
    const doc = lib.documents.add(added.id, { content: [{ type: 'doc-title', children: [{ text: '新文件' }] }] });
    expect(doc).toMatchObject({ title: '新文件', position: 0, kind: 'notice' });
    lib.sections.remove(added.id);
    expect(lib.sections.list(id).map((s) => [s.name, s.position])).toEqual([
      ['市政府办公室文件', 0],
      ['人事任免', 1],
      ['大事记', 2],
    ]);
    expect(() => lib.documents.get(doc.id)).toThrow(/不存在/);
  });

  it('creates the next issue from a previous one: numbers up, front matter and sections copied, no documents', () => {
    const id = lib.issues.insertTree(makeTree());
    const nextId = lib.issues.createNextFrom(id);
    const next = lib.issues.getTree(nextId);
    expect(next.issue).toMatchObject({ year: 2024, number: 7, cumulativeNumber: 192, status: 'draft' });
    expect(next.issue.frontMatter).toEqual(lib.issues.get(id).frontMatter);
    expect(next.sections.map((s) => [s.name, s.documents.length])).toEqual([
      ['市政府办公室文件', 0],
      ['人事任免', 0],
      ['大事记', 0],
    ]);
    const copyId = lib.issues.duplicate(id);
    expect(docTitles(lib.issues.getTree(copyId))).toEqual(docTitles(lib.issues.getTree(id)));
    expect(lib.issues.list().map((i) => i.number)).toEqual([7, 6, 6]);
  });

  it('updates issue metadata', () => {
    const id = lib.issues.insertTree(makeTree());
    const updated = lib.issues.updateMeta(id, { number: 7, status: 'final', date: '2024-07-31' });
    expect(updated).toMatchObject({ number: 7, status: 'final', date: '2024-07-31', cumulativeNumber: 191 });
    expect(lib.issues.updateMeta(id, { year: undefined, frontMatter: undefined })).toMatchObject({ year: 2024, number: 7 });
    expect(lib.issues.get(id).frontMatter.members).toEqual(['马建伟', '马媛']);
    expect(lib.journals.list()).toEqual(['格尔木市人民政府政务公开信息']);
  });

  it('records page maps so the TOC shows first pages', () => {
    const id = lib.issues.insertTree(makeTree());
    const docs = lib.issues.toc(id);
    lib.pageMaps.set(id, { pageCount: 24, layoutHash: 'h1', pages: { [docs[0].documentId]: 3, [docs[1].documentId]: 6, unknown: 9 } });
    const toc = lib.issues.toc(id);
    expect(toc.map((e) => e.page)).toEqual([3, 6, undefined, undefined, undefined]);
    expect(lib.issues.list()[0].pageCount).toBe(24);
    expect(lib.pageMaps.get(id)).toEqual({ pageCount: 24, layoutHash: 'h1', pages: { [docs[0].documentId]: 3, [docs[1].documentId]: 6 }, compactTables: [] });
  });

  it('keeps the tables a layout set compact with their documents, for the DOCX export', () => {
    const id = lib.issues.insertTree(makeTree());
    const [a, b] = lib.issues.toc(id).map((e) => e.documentId);
    const compactTables = [`t-${a}-1-2`, `t-${b}-0-4`, 't-unknown-0-1'];
    lib.pageMaps.set(id, { pageCount: 8, layoutHash: 'h2', pages: { [a]: 3, [b]: 5 }, compactTables });
    expect(lib.pageMaps.get(id).compactTables.sort()).toEqual([`t-${a}-1-2`, `t-${b}-0-4`].sort());
    // A later layout without compact tables clears them.
    lib.pageMaps.set(id, { pageCount: 8, layoutHash: 'h3', pages: { [a]: 3, [b]: 5 } });
    expect(lib.pageMaps.get(id).compactTables).toEqual([]);
  });
});

describe('saving, revisions and rollback', () => {
  it('derives title and 文号 on save, appends a revision, and restores an old one', () => {
    const id = lib.issues.insertTree(makeTree());
    const doc = lib.issues.getTree(id).sections[0].documents[0];
    expect(lib.revisions.list(doc.id)).toHaveLength(1);
    const v2 = { schemaVersion: 1, blocks: [{ type: 'doc-title', children: [{ text: '修改后的标题' }] }, { type: 'doc-number', children: [{ text: '格政办〔2024〕10号' }] }, para('第二版正文')] };
    const saved = lib.documents.save(doc.id, v2);
    expect(saved).toMatchObject({ title: '修改后的标题', docNumber: '格政办〔2024〕10号' });
    // identical content again: no new revision
    lib.documents.save(doc.id, v2);
    const revisions = lib.revisions.list(doc.id);
    expect(revisions.map((r) => r.title)).toEqual(['修改后的标题', doc.title]);
    expect(lib.search('第二版正文').map((h) => h.documentId)).toEqual([doc.id]);
    const restored = lib.revisions.restore(revisions[1].id);
    expect(restored.title).toBe(doc.title);
    expect(contentPlainText(lib.documents.get(doc.id).content)).toBe(contentPlainText(doc.content));
    expect(lib.revisions.list(doc.id)).toHaveLength(3);
    expect(lib.search('第二版正文')).toEqual([]);
    expect(lib.revisions.get(revisions[0].id).content.blocks[2]).toEqual(para('第二版正文'));
  });

  it('normalises content on save (unknown blocks become paragraphs, text kept)', () => {
    const id = lib.issues.insertTree(makeTree());
    const doc = lib.issues.getTree(id).sections[0].documents[0];
    const saved = lib.documents.save(doc.id, { blocks: [{ type: 'marquee', children: [{ text: '保留的文字', blink: true }] }] });
    expect(saved.content.blocks).toEqual([para('保留的文字')]);
    expect(saved.title).toBe(doc.title); // no doc-title: keeps the one it had
  });

  it('prunes old revisions but keeps the newest of each document', () => {
    const id = lib.issues.insertTree(makeTree());
    const doc = lib.issues.getTree(id).sections[0].documents[0];
    const backdate = lib.rawDb.prepare('UPDATE revisions SET created_at = ? WHERE id = (SELECT max(id) FROM revisions)');
    for (let i = 0; i < 4; i += 1) {
      lib.documents.save(doc.id, [para(`版本${i}`)]);
      backdate.run(`2000-01-0${i + 1}T00:00:00.000Z`); // a different day each: not folded together
    }
    lib.rawDb.prepare("UPDATE revisions SET created_at = '2000-01-01T00:00:00.000Z' WHERE kind = 'import'").run();
    // 5 documents imported (one revision each) + 4 saves of the first: 9 revisions, all old.
    const deleted = lib.revisions.prune('2020-01-01T00:00:00.000Z', 2);
    expect(deleted).toBe(3);
    expect(counts(lib).revisions).toBe(6);
    expect(lib.revisions.list(doc.id).map((r) => r.chars)).toEqual(['版本3'.length, '版本2'.length]);
    expect(lib.revisions.prune('2020-01-01T00:00:00.000Z', 2)).toBe(0);
  });

  it('folds autosaves of the same minute into one revision, but keeps imports and restores', () => {
    const id = lib.issues.insertTree(makeTree());
    const doc = lib.issues.getTree(id).sections[0].documents[0];
    for (let i = 0; i < 5; i += 1) lib.documents.save(doc.id, [para(`第${i}次保存`)]);
    let revisions = lib.revisions.list(doc.id);
    // the 5 saves almost surely fall within one minute; at most one minute boundary can split them
    expect(revisions.length).toBeLessThanOrEqual(3);
    expect(revisions[0]).toMatchObject({ kind: 'save', chars: '第4次保存'.length });
    expect(revisions.at(-1)).toMatchObject({ kind: 'import', title: doc.title });
    lib.revisions.restore(revisions.at(-1)!.id);
    lib.documents.save(doc.id, [para('恢复后再改')]);
    revisions = lib.revisions.list(doc.id);
    expect(revisions.slice(0, 2).map((r) => r.kind)).toEqual(['save', 'restore']);
    expect(revisions.at(-1)!.kind).toBe('import');
  });
});

describe('search', () => {
  beforeEach(() => {
    lib.issues.insertTree(makeTree());
    lib.issues.insertTree(
      makeTree({
        number: 5,
        cumulative: 190,
        sections: [{ name: '市政府文件', docs: [{ title: '关于加强藜麦种植管理的通知', docNumber: '格政〔2024〕3号', body: ['藜麦是高原特色作物。', '检查"引号"和 100% 的_写法。'] }] }],
      }),
    );
  });

  it('finds 1-character queries with LIKE', () => {
    const hits = lib.search('藜');
    // issue 6: the 藜麦 notice and the 大事记 entry; issue 5: its 藜麦 notice. Hits in the title first (the
    // two notices), newest issue first among them; then the 大事记, whose text alone holds the term.
    expect(hits.map((h) => [h.number, h.sectionName])).toEqual([
      [6, '市政府办公室文件'],
      [5, '市政府文件'],
      [6, '大事记'],
    ]);
    expect(hits.every((h) => h.snippet.includes('«藜»'))).toBe(true);
  });

  it('finds 2-character queries with LIKE', () => {
    const hits = lib.search('体检');
    expect(hits.map((h) => h.title)).toEqual(['关于开展城市体检工作的通知']);
    expect(hits[0].snippet).toContain('«体检»');
    expect(hits[0]).toMatchObject({ sectionName: '市政府办公室文件', docNumber: '格政办发〔2024〕64号', year: 2024 });
  });

  it('finds 5-character queries through the trigram index', () => {
    const plan = lib.rawDb.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM documents_fts WHERE documents_fts MATCH '\"高原特色作\"'").all();
    expect(JSON.stringify(plan)).toMatch(/VIRTUAL TABLE INDEX/);
    const hits = lib.search('高原特色作');
    expect(hits.map((h) => h.title)).toEqual(['关于加强藜麦种植管理的通知']);
    expect(hits[0].snippet).toContain('«高原特色作»');
    expect(lib.search('城市体检工作')[0].title).toBe('关于开展城市体检工作的通知');
  });

  it('requires every term, mixes short and long terms, and treats query syntax as text', () => {
    expect(lib.search('藜麦 高原').map((h) => h.number)).toEqual([5]);
    expect(lib.search('藜麦产业 扶持资金').map((h) => h.number)).toEqual([6]);
    expect(lib.search('"引号"').length).toBe(1);
    expect(lib.search('100%').length).toBe(1);
    expect(lib.search('%')).toHaveLength(1);
    expect(lib.search('_写')).toHaveLength(1);
    expect(lib.search('OR AND NOT')).toEqual([]);
    expect(lib.search('藜麦产业\u0000扶持')).toHaveLength(1); // NUL would break the FTS5 parser
    expect(() => lib.search('"\u0000*^(')).not.toThrow();
    expect(lib.search('   ')).toEqual([]);
    expect(lib.search('不存在的词语')).toEqual([]);
  });

  it('can be limited to one issue', () => {
    const [newest] = lib.issues.list();
    expect(lib.search('藜', { issueId: newest.id }).every((h) => h.issueId === newest.id)).toBe(true);
  });
});

describe('a write that fails half-way', () => {
  it('leaves the database as it was when inserting a tree fails on its last document', () => {
    lib.issues.insertTree(makeTree());
    const before = counts(lib);
    lib.rawDb.exec("CREATE TRIGGER inject BEFORE INSERT ON documents WHEN new.title = '大事记' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    expect(() => lib.issues.insertTree(makeTree({ number: 7 }))).toThrow(/injected failure/);
    expect(counts(lib)).toEqual(before);
    expect(lib.issues.list()).toHaveLength(1);
    expect(lib.search('营商环境监督员')).toHaveLength(1);
  });

  it('leaves a document, its revisions and the search index unchanged when a save fails after the update', () => {
    const id = lib.issues.insertTree(makeTree());
    const doc = lib.issues.getTree(id).sections[0].documents[0];
    const before = counts(lib);
    // The document row is updated first, then the revision insert fails.
    lib.rawDb.exec("CREATE TRIGGER inject BEFORE INSERT ON revisions WHEN new.content LIKE '%半途失败%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    expect(() => lib.documents.save(doc.id, [{ type: 'doc-title', children: [{ text: '半途失败的标题' }] }])).toThrow(/injected failure/);
    expect(lib.documents.get(doc.id)).toEqual(doc);
    expect(counts(lib)).toEqual(before);
    expect(lib.search('半途失败')).toEqual([]);
    expect(lib.search('营商环境监督员')).toHaveLength(1);
  });

  it('rolls back every call of one user action run in library.transaction', () => {
    const id = lib.issues.insertTree(makeTree());
    const [office, personnel] = lib.issues.getTree(id).sections;
    const before = lib.issues.getTree(id);
    expect(() =>
      lib.transaction(() => {
        lib.documents.move(office.documents[0].id, personnel.id, 0);
        lib.sections.rename(office.id, '改名');
        throw new Error('injected');
      }),
    ).toThrow('injected');
    expect(lib.issues.getTree(id)).toEqual(before);
  });
});

describe('assets and issue packages', () => {
  it('stores each asset once per content hash', () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const a = lib.assets.put(bytes, 'image/png');
    const b = lib.assets.put(new Uint8Array(bytes), 'image/png');
    expect(b.id).toBe(a.id);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.from(lib.assets.get(a.id)!.bytes)).toEqual(Array.from(bytes));
    expect(lib.assets.get('nope')).toBeUndefined();
  });

  it('exports an issue as a SQLite package and imports it into another library (with its images)', () => {
    const tree = makeTree();
    const asset = lib.assets.put(new Uint8Array([1, 2, 3, 4]), 'image/png');
    tree.sections[0].documents[0].content.blocks.push({ type: 'image', assetId: asset.id, width: 200, children: [{ text: '' }] });
    const id = lib.issues.insertTree(tree);
    lib.issues.insertTree(makeTree({ number: 5 })); // another issue that must not travel
    const file = path.join(dir, '2024-6.gazette');
    expect(lib.exportIssuePackage(id, file)).toEqual({ file, documents: 5 });
    expect(readdirSync(dir).filter((f) => f.startsWith('2024-6.gazette'))).toEqual(['2024-6.gazette']);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect((raw.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n).toBe(1);
    raw.close();

    const other = openLibrary(path.join(dir, 'other', 'library.sqlite'), { logger: silent });
    try {
      other.assets.put(new Uint8Array([9, 9]), 'image/png');
      const [importedId] = other.importIssuePackage(file);
      const imported = other.issues.getTree(importedId);
      expect(imported.issue.id).toBe(id); // no collision: ids kept
      expect(docTitles(imported)).toEqual(docTitles(tree));
      const image = imported.sections[0].documents[0].content.blocks.at(-1);
      expect(image).toMatchObject({ type: 'image' });
      const importedAsset = other.assets.get((image as { assetId: string }).assetId);
      expect(Array.from(importedAsset!.bytes)).toEqual([1, 2, 3, 4]);
      expect(other.search('营商环境监督员')).toHaveLength(1);
    } finally {
      other.close();
    }
    // importing into the library it came from renews the ids
    const [again] = lib.importIssuePackage(file);
    expect(again).not.toBe(id);
    expect(docTitles(lib.issues.getTree(again))).toEqual(docTitles(tree));
  });

  it('keeps a package of a deleted issue beside the library, from which it can be restored', () => {
    const id = lib.issues.insertTree(makeTree());
    const { backupPath } = lib.issues.delete(id);
    expect(lib.issues.list()).toEqual([]);
    expect(counts(lib)).toEqual({ issues: 0, sections: 0, documents: 0, revisions: 0 });
    expect(lib.search('营商环境')).toEqual([]);
    expect(backupPath && existsSync(backupPath)).toBe(true);
    expect(path.dirname(backupPath!)).toBe(path.join(dir, 'deleted-issues'));
    const [restored] = lib.importIssuePackage(backupPath!);
    expect(restored).toBe(id);
    expect(lib.issues.toc(id)).toHaveLength(5);
  });

  it('refuses a package from a newer version', () => {
    const file = path.join(dir, 'future.gazette');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => lib.importIssuePackage(file)).toThrow(/更新版本/);
  });
});
