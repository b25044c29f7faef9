/**
 * Migration 004 (main/store/grams.ts): 1- and 2-character search terms answered from the gram index. A
 * library of schema 3 gains the index when opened; every short term finds exactly the documents whose
 * title or text holds it (checked against a plain substring test); edits and deletions keep the index in
 * step; and the query plan uses the index instead of scanning texts.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gramQuery, isGramTerm, searchGrams } from '../main/store/grams';
import { LATEST_VERSION, openLibrary, type Library } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
let lib: Library;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('gazette-grams-'));
});
afterEach(() => {
  lib?.close();
  cleanup();
});

const open = (file: string) => openLibrary(file, { logger: { warn: () => {} } });

function twoIssues(library: Library): void {
  library.issues.insertTree(makeTree());
  library.issues.insertTree(
    makeTree({
      number: 5,
      cumulative: 190,
      sections: [{ name: '市政府文件', docs: [{ title: '关于加强藜麦种植管理的通知', docNumber: '格政〔2024〕3号', body: ['藜麦是高原特色作物，PDF 与 A4 纸。', '检查"引号"和 100% 的_写法。'] }] }],
    }),
  );
}

/** Documents whose title or text holds the term (the definition the index must meet). */
function bySubstring(library: Library, term: string): string[] {
  const rows = library.rawDb.prepare('SELECT id, title, plain_text FROM documents').all() as Array<{ id: string; title: string; plain_text: string }>;
  const lower = term.toLowerCase();
  return rows.filter((r) => `${r.title}\n${r.plain_text}`.toLowerCase().includes(lower)).map((r) => r.id).sort();
}

describe('searchGrams', () => {
  it('gives the distinct pairs of each run of letters and digits, and each run’s last character', () => {
    expect(searchGrams('格尔木市，市政府').split(' ').sort()).toEqual(['尔木', '市', '市政', '府', '政府', '木市', '格尔'].sort());
    expect(searchGrams('A4 纸')).toBe('A4 4 纸');
    expect(searchGrams('')).toBe('');
    expect(isGramTerm('市')).toBe(true);
    expect(isGramTerm('资金')).toBe(true);
    expect(isGramTerm('%')).toBe(false);
    expect(isGramTerm('_写')).toBe(false);
    expect(isGramTerm('营商环境')).toBe(false);
    expect(gramQuery('市')).toBe('"市"*');
    expect(gramQuery('资金')).toBe('"资金"');
  });
});

describe('migration 004', () => {
  it('indexes the documents of a schema-3 library when it is opened', () => {
    const file = path.join(dir, 'old.sqlite');
    lib = open(file);
    twoIssues(lib);
    lib.close();
    // Back to schema 3: no gram table, no triggers, and none of the later migrations' tables (005: 回收站,
    // 006: the queue of documents to index).
    const raw = new Database(file);
    raw.exec('DROP TRIGGER documents_grams_insert; DROP TRIGGER documents_grams_update; DROP TRIGGER documents_grams_delete; DROP TABLE documents_grams;');
    raw.exec('DROP TABLE deleted_documents; DROP TABLE documents_grams_pending;');
    raw.pragma('user_version = 3');
    raw.close();
    lib = open(file);
    expect(lib.rawDb.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(4);
    const documents = lib.rawDb.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(lib.rawDb.prepare('SELECT count(*) FROM documents_grams').pluck().get()).toBe(documents);
    // Title hits first (both issues' 藜麦 notices), then issue 6's 大事记.
    expect(lib.search('藜').map((h) => h.number)).toEqual([6, 5, 6]);
    expect(lib.search('体检').map((h) => h.title)).toEqual(['关于开展城市体检工作的通知']);
  });
});

describe('migration 006', () => {
  it('lets another program write documents without the app, and indexes its writes at the next open', () => {
    const file = path.join(dir, 'shared.sqlite');
    lib = open(file);
    twoIssues(lib);
    const tree = lib.issues.getTree(lib.issues.list()[0].id);
    const [first, second] = tree.sections[0].documents;
    lib.close();
    // What the sqlite3 shell or a repair tool does: a plain connection, without the app's SQL functions.
    const raw = new Database(file);
    raw.prepare(
      `INSERT INTO documents (id, section_id, kind, title, doc_number, position, content, plain_text, updated_at)
       VALUES ('foreign', ?, 'notice', '鲸鱼保护通知', '', 9, '{"schemaVersion":1,"blocks":[]}', '海豚与鲸鱼同游。', 't')`,
    ).run(tree.sections[0].id);
    raw.prepare("UPDATE documents SET plain_text = '高原牦牛。' WHERE id = ?").run(first.id);
    raw.prepare('DELETE FROM documents WHERE id = ?').run(second.id);
    expect(raw.prepare('SELECT count(*) FROM documents_grams_pending').pluck().get()).toBe(2);
    raw.close();

    lib = open(file);
    expect(lib.rawDb.prepare('SELECT count(*) FROM documents_grams_pending').pluck().get()).toBe(0);
    for (const term of ['鲸', '鲸鱼', '海豚', '牦牛', '牦', '藜', '引号', '市', '通知']) {
      expect(lib.search(term, { limit: 1000 }).map((h) => h.documentId).sort(), term).toEqual(bySubstring(lib, term));
    }
    expect(lib.search('鲸鱼').map((h) => h.documentId)).toEqual(['foreign']);
    expect(lib.search('牦牛').map((h) => h.documentId)).toEqual([first.id]);
    expect(lib.rawDb.prepare('SELECT count(*) FROM documents_grams').pluck().get()).toBe(lib.rawDb.prepare('SELECT count(*) FROM documents').pluck().get());
  });

  it('indexes the app’s own writes in the transaction that made them', () => {
    lib = open(path.join(dir, 'own.sqlite'));
    twoIssues(lib);
    const doc = lib.issues.getTree(lib.issues.list()[0].id).sections[0].documents[0];
    lib.documents.save(doc.id, [{ type: 'paragraph', children: [{ text: '牦牛。' }] }]);
    expect(lib.rawDb.prepare('SELECT count(*) FROM documents_grams_pending').pluck().get()).toBe(0);
    expect(lib.search('牦').map((h) => h.documentId)).toEqual([doc.id]);
  });
});

describe('short terms', () => {
  beforeEach(() => {
    lib = open(path.join(dir, 'library.sqlite'));
    twoIssues(lib);
  });

  it('find exactly the documents holding them, for every 1- and 2-character term of the texts', () => {
    const texts = (lib.rawDb.prepare("SELECT title || char(10) || plain_text FROM documents").pluck().all() as string[]).join('\n');
    const terms = new Set<string>(['pdf', 'Pd', 'a4', '鲸', '鲸鱼', '市人']);
    for (const [run] of texts.matchAll(/[\p{L}\p{N}]+/gu)) {
      const chars = Array.from(run);
      chars.forEach((c, i) => {
        terms.add(c);
        if (chars[i + 1]) terms.add(c + chars[i + 1]);
      });
    }
    expect(terms.size).toBeGreaterThan(100);
    for (const term of terms) {
      const found = lib.search(term, { limit: 1000 }).map((h) => h.documentId).sort();
      expect(found, term).toEqual(bySubstring(lib, term));
    }
  });

  it('follow edits and deletions', () => {
    const doc = lib.issues.getTree(lib.issues.list()[1].id).sections[0].documents[0];
    expect(lib.search('引号').map((h) => h.documentId)).toContain(doc.id);
    lib.documents.save(doc.id, [{ type: 'paragraph', children: [{ text: '高原作物。' }] }]);
    expect(lib.search('引号').map((h) => h.documentId)).not.toContain(doc.id);
    expect(lib.search('作物').map((h) => h.documentId)).toContain(doc.id);
    lib.documents.remove(doc.id);
    expect(lib.search('作物').map((h) => h.documentId)).not.toContain(doc.id);
    expect(lib.rawDb.prepare('SELECT count(*) FROM documents_grams').pluck().get()).toBe(lib.rawDb.prepare('SELECT count(*) FROM documents').pluck().get());
  });

  it('use the gram index, not a scan of the texts', () => {
    const plan = JSON.stringify(lib.rawDb.prepare('EXPLAIN QUERY PLAN SELECT rowid FROM documents_grams WHERE documents_grams MATCH ?').all('"市"*'));
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    // A short term with punctuation still scans, and still finds.
    expect(lib.search('_写')).toHaveLength(1);
    expect(lib.search('%')).toHaveLength(1);
  });
});
