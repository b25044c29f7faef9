/** The 回收站: removed documents (alone or with their section) are kept and go back where they were. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

let cleanup: () => void;
let lib: Library;
let file: string;

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'library.sqlite');
  lib = openLibrary(file, { logger: { warn: () => {} } });
});
afterEach(() => {
  lib.close();
  cleanup();
});

const titles = (l: Library, issueId: string) => l.issues.getTree(issueId).sections.map((s) => s.documents.map((d) => d.title));

describe('回收站', () => {
  it('keeps a removed document whole and restores it to its place, across a reopen', () => {
    const issueId = lib.issues.insertTree(makeTree());
    const before = titles(lib, issueId);
    const [section] = lib.issues.getTree(issueId).sections;
    const removed = section.documents[1];
    lib.documents.save(removed.id, { schemaVersion: 1, blocks: [...removed.content.blocks, { type: 'paragraph', children: [{ text: '删除前最后一次修改。' }] }] });
    lib.documents.updateMeta(removed.id, { tocTitleOverride: '目录里的标题' });
    lib.documents.remove(removed.id);
    expect(titles(lib, issueId)[0]).toHaveLength(2);
    expect(lib.deletedDocuments.list(issueId)).toEqual([expect.objectContaining({ id: removed.id, title: '目录里的标题', sectionName: section.name })]);

    lib.close();
    lib = openLibrary(file, { logger: { warn: () => {} } });
    expect(lib.deletedDocuments.restore(removed.id)).toEqual({ documentId: removed.id, sectionId: section.id });
    expect(titles(lib, issueId)).toEqual(before);
    const back = lib.documents.get(removed.id);
    expect(back.tocTitleOverride).toBe('目录里的标题');
    expect(JSON.stringify(back.content)).toContain('删除前最后一次修改。');
    expect(lib.deletedDocuments.list(issueId)).toEqual([]);
    expect(lib.revisions.list(removed.id).at(-1)?.kind).toBe('restore');
    expect(() => lib.deletedDocuments.restore(removed.id)).toThrowError(/不存在/);
  });

  it('keeps the documents of a removed section; they go back into the first section', () => {
    const issueId = lib.issues.insertTree(makeTree());
    const tree = lib.issues.getTree(issueId);
    const personnel = tree.sections[1];
    lib.sections.remove(personnel.id);
    const bin = lib.deletedDocuments.list(issueId);
    expect(bin.map((d) => d.id)).toEqual(personnel.documents.map((d) => d.id));
    lib.deletedDocuments.restore(bin[0].id);
    const first = lib.issues.getTree(issueId).sections[0];
    expect(first.documents.at(-1)?.id).toBe(bin[0].id);
  });

  it('goes with its issue', () => {
    const issueId = lib.issues.insertTree(makeTree());
    lib.documents.remove(lib.issues.getTree(issueId).sections[0].documents[0].id);
    lib.issues.delete(issueId);
    expect((lib.rawDb.prepare('SELECT count(*) AS n FROM deleted_documents').get() as { n: number }).n).toBe(0);
  });
});
