/** CLI: `gazette import FILE.docx` into a library, `gazette export --docx`, and bad files leaving the library as it was. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main/cli';
import { openLibrary } from '../main/store/index';
import { toDocx } from '../common/render/toDocx';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { fixtureIssue } from './fixtures/docx-issue-fixture';
import { partText, unzipDocx } from './docx-helpers';

const dir = mkdtempSync(join(tmpdir(), 'gazette-docx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'library.sqlite');

async function gazette(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), env: { ...process.env, GAZETTE_LIBRARY: db } });
  return { code, out, err };
}

/** What the library holds: issues with their documents' titles and text lengths. */
function librarySnapshot(): string {
  const library = openLibrary(db);
  try {
    return JSON.stringify(
      library.issues.list().map((i) => {
        const tree = library.issues.getTree(i.id);
        return [i.id, tree.sections.map((s) => [s.name, s.documents.map((d) => [d.title, d.docNumber, JSON.stringify(d.content).length])])];
      }),
    );
  } finally {
    library.close();
  }
}

describe('gazette import/export with Word files', () => {
  it('imports a .docx as a document and exports the issue with --docx', async () => {
    const tree = fixtureIssue();
    const file = join(dir, 'notice.docx');
    writeFileSync(file, (await toDocx(tree, { document: 'doc-notice' })).bytes);
    const imported = await gazette('import', file, '--db', db);
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.out);
    expect(summary.documents).toBe(1);
    const library = openLibrary(db);
    const importedTree = library.issues.getTree(summary.issueId);
    library.close();
    const doc = importedTree.sections[0].documents[0];
    expect(importedTree.sections[0].name).toBe('市政府办公室文件');
    expect(doc.docNumber).toBe('格政办发〔2024〕66号');
    expect(doc.title).toBe('格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知');

    const out = join(dir, 'exported.docx');
    const exported = await gazette('export', '--db', db, '--issue', summary.issueId, '--docx', out);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).docx).toBe(out);
    const text = partText(unzipDocx(new Uint8Array(readFileSync(out)))['word/document.xml']);
    expect(text).toContain('格政办发〔2024〕66号');
    expect(text).toContain('城市体检指标体系');
  });

  it('rejects bad Word files with one line on stderr and leaves the library as it was', async () => {
    const before = librarySnapshot();
    const bad = [
      ['truncated.docx', (await toDocx(fixtureIssue(), { document: 'doc-notice' })).bytes.subarray(0, 400)],
      ['missing.docx', buildDocx({ 'word/styles.xml': '<w:styles/>' })],
      ['old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
    ] as const;
    for (const [name, bytes] of bad) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const result = await gazette('import', file, '--db', db);
      expect(result.code, name).not.toBe(0);
      expect(result.err.trim().split('\n').length, result.err).toBe(1);
    }
    expect(librarySnapshot()).toBe(before);
    expect(existsSync(db)).toBe(true);
    // Two Word-worker jobs (20 s limit each) and a LibreOffice attempt on old.doc (60 s limit): 54 s at load 26.
  }, 300_000);

  it('a .docx with only body text still becomes a document', async () => {
    const file = join(dir, 'plain.docx');
    writeFileSync(file, buildDocx({ 'word/document.xml': documentXml(para('关于开展春季植树活动的通知', '<w:jc w:val="center"/>') + para('各单位：') + para('请按时参加。')) }));
    const result = await gazette('import', file, '--db', db);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).documents).toBe(1);
  });
});
