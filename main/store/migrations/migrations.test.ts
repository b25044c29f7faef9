/**
 * One test per migration (Signal's habit): a real SQLite file at the previous version, holding data, gets
 * the migration, and the data is checked afterwards. A new migration without its test fails the first test.
 * The last test opens a version-1 file through openLibrary, so the real runner (backup, transactions,
 * user_version) takes it to the latest version with the data the app reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRAMS_FUNCTION, indexPendingGrams, searchGrams } from '../grams';
import { LATEST_VERSION, openLibrary } from '../index';
import { MIGRATIONS } from './index';

type Db = InstanceType<typeof Database>;

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'gazette-migrations-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A library file at `version`, migrated the way migrate() does it (one transaction per migration). */
function fileAtVersion(name: string, version: number): Db {
  const db = new Database(path.join(dir, name));
  db.pragma('foreign_keys = ON');
  // Registered on every connection by main/store/db.ts; migration 004's triggers call it.
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => searchGrams(typeof text === 'string' ? text : null));
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) applyMigration(db, m.version);
  return db;
}

function applyMigration(db: Db, version: number): void {
  const migration = MIGRATIONS.find((m) => m.version === version)!;
  db.transaction(() => {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  }).immediate();
}

/** One issue, section and document, with a revision and a page map: what every version-1 library holds. */
function seedVersion1(db: Db): void {
  db.exec(`INSERT INTO issues VALUES ('i1', '政务公开信息', 2024, 5, 190, '2024-06-30', 'draft', '{}', '{}', 48, 't', 't');
           INSERT INTO sections VALUES ('s1', 'i1', '市政府文件', 0);
           INSERT INTO documents (id, section_id, kind, title, doc_number, position, content, plain_text, updated_at)
             VALUES ('d1', 's1', 'notice', '关于开展安全生产大检查的通知', '格政〔2024〕5号', 0, '{"schemaVersion":1,"blocks":[]}', '各乡镇人民政府', 't');
           INSERT INTO revisions (document_id, content, created_at) VALUES ('d1', '{"schemaVersion":1,"blocks":[]}', '2024-06-01T08:00:00Z');
           INSERT INTO page_maps (document_id, issue_id, first_page, layout_hash, updated_at) VALUES ('d1', 'i1', 3, 'h1', 't');`);
}

const tested = new Set<number>();
function migrationTest(version: number, title: string, body: () => void): void {
  tested.add(version);
  it(`${String(version).padStart(3, '0')}: ${title}`, body);
}

describe('migrations', () => {
  migrationTest(1, 'creates the schema in an empty file; documents are searchable by any 3 characters', () => {
    const db = fileAtVersion('v0.sqlite', 0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    applyMigration(db, 1);
    seedVersion1(db);
    expect(db.prepare("SELECT d.id FROM documents_fts f JOIN documents d ON d.rid = f.rowid WHERE documents_fts MATCH '乡镇人'").all()).toEqual([{ id: 'd1' }]);
    // Deleting an issue takes its sections, documents, revisions and page map along.
    db.exec("DELETE FROM issues WHERE id = 'i1'");
    for (const table of ['sections', 'documents', 'revisions', 'page_maps']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.close();
  });

  migrationTest(2, 'revisions get a kind: existing ones are saves, new ones are checked', () => {
    const db = fileAtVersion('v1.sqlite', 1);
    seedVersion1(db);
    applyMigration(db, 2);
    expect(db.prepare('SELECT document_id, kind, created_at FROM revisions').all()).toEqual([
      { document_id: 'd1', kind: 'save', created_at: '2024-06-01T08:00:00Z' },
    ]);
    db.prepare("INSERT INTO revisions (document_id, content, created_at, kind) VALUES ('d1', '{}', 't', 'import')").run();
    expect(() => db.prepare("INSERT INTO revisions (document_id, content, created_at, kind) VALUES ('d1', '{}', 't', 'autosave')").run()).toThrow(/CHECK/);
    db.close();
  });

  migrationTest(3, 'page maps get the compact tables: existing rows have none', () => {
    const db = fileAtVersion('v2.sqlite', 2);
    seedVersion1(db);
    applyMigration(db, 3);
    expect(db.prepare('SELECT document_id, first_page, layout_hash, compact_tables FROM page_maps').all()).toEqual([
      { document_id: 'd1', first_page: 3, layout_hash: 'h1', compact_tables: '[]' },
    ]);
    db.close();
  });

  migrationTest(4, 'short search terms get an index: existing documents are indexed, later writes follow', () => {
    const db = fileAtVersion('v3.sqlite', 3);
    seedVersion1(db);
    applyMigration(db, 4);
    const match = (q: string) => db.prepare('SELECT d.id FROM documents_grams g JOIN documents d ON d.rid = g.rowid WHERE documents_grams MATCH ?').all(q);
    // The existing document, by a 2-character term of its text and a 1-character prefix of its title.
    expect(match('"乡镇"')).toEqual([{ id: 'd1' }]);
    expect(match('"检"*')).toEqual([{ id: 'd1' }]);
    db.prepare("UPDATE documents SET plain_text = '各街道办事处' WHERE id = 'd1'").run();
    expect(match('"乡镇"')).toEqual([]);
    expect(match('"街道"')).toEqual([{ id: 'd1' }]);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(match('"街道"')).toEqual([]);
    db.close();
  });

  migrationTest(5, 'the 回收站 table: empty at first, rows go with their issue', () => {
    const db = fileAtVersion('v4.sqlite', 4);
    seedVersion1(db);
    applyMigration(db, 5);
    expect(db.prepare('SELECT count(*) AS n FROM deleted_documents').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT id FROM documents').all()).toEqual([{ id: 'd1' }]);
    db.prepare(
      "INSERT INTO deleted_documents (id, issue_id, section_id, section_name, position, kind, title, doc_number, content, deleted_at) VALUES ('d9', 'i1', 's1', '市政府文件', 1, 'notice', '已删除', '', '{}', 't')",
    ).run();
    db.exec("DELETE FROM issues WHERE id = 'i1'");
    expect(db.prepare('SELECT count(*) AS n FROM deleted_documents').get()).toEqual({ n: 0 });
    db.close();
  });

  migrationTest(6, 'the gram index needs no app function: plain connections write, the store indexes what they queued', () => {
    const db = fileAtVersion('v5.sqlite', 5);
    seedVersion1(db);
    applyMigration(db, 6);
    db.close();
    // A connection without gz_search_grams (the sqlite3 shell, a backup tool) writes documents.
    const plain = new Database(path.join(dir, 'v5.sqlite'));
    const match = (q: string) => plain.prepare('SELECT d.id FROM documents_grams g JOIN documents d ON d.rid = g.rowid WHERE documents_grams MATCH ? ORDER BY d.id').all(q);
    expect(match('"乡镇"')).toEqual([{ id: 'd1' }]); // indexed by 004, kept
    plain.exec(`INSERT INTO documents (id, section_id, kind, title, doc_number, position, content, plain_text, updated_at)
                VALUES ('d2', 's1', 'notice', '关于防汛的通知', '', 1, '{}', '各乡镇做好防汛', 't')`);
    plain.prepare("UPDATE documents SET plain_text = '各街道办事处' WHERE id = 'd1'").run();
    expect(match('"乡镇"')).toEqual([]); // the old text's pairs left with the update
    expect(plain.prepare('SELECT rid FROM documents_grams_pending ORDER BY rid').pluck().all()).toHaveLength(2);
    // What the store does on open and in its write transactions.
    expect(indexPendingGrams(plain)).toBe(2);
    expect(match('"乡镇"')).toEqual([{ id: 'd2' }]);
    expect(match('"街道"')).toEqual([{ id: 'd1' }]);
    expect(match('"汛"*')).toEqual([{ id: 'd2' }]);
    plain.exec("DELETE FROM documents WHERE id = 'd2'");
    expect(match('"乡镇"')).toEqual([]);
    expect(plain.prepare('SELECT count(*) AS n FROM documents_grams_pending').get()).toEqual({ n: 0 });
    plain.close();
  });

  it('every migration has a test above', () => {
    expect(MIGRATIONS.map((m) => m.version).filter((v) => !tested.has(v))).toEqual([]);
  });

  it('the runner takes a version-1 library with data to the latest version, keeping the data', () => {
    const db = fileAtVersion('old.sqlite', 1);
    seedVersion1(db);
    db.close();
    const lib = openLibrary(path.join(dir, 'old.sqlite'), { logger: { warn: () => {} } });
    try {
      expect(lib.rawDb.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(lib.migrationBackup).toMatch(/\.v1-.*\.bak$/);
      expect(lib.revisions.list('d1')).toMatchObject([{ kind: 'save' }]);
      expect(lib.pageMaps.get('i1')).toEqual({ pageCount: 48, layoutHash: 'h1', pages: { d1: 3 }, compactTables: [] });
      expect(lib.issues.getTree('i1').sections[0].documents[0].title).toBe('关于开展安全生产大检查的通知');
    } finally {
      lib.close();
    }
  });
});
