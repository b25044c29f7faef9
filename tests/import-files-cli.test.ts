/** `gazette import FILE... --issue ID [--section NAME]`: documents added in order, by section rule; bad files write nothing. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../main/store/index';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { makeTree, tempDir } from './store-fixtures';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'gazette.mjs');
const corpus = path.join(root, 'tests', 'fixtures', 'corpus');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('gazette-import-files-')));
afterAll(() => cleanup());

function gazette(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GAZETTE_LIBRARY: path.join(dir, 'never-used.sqlite') }, timeout: 110_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixtureDb(name: string): { db: string; issueId: string } {
  const db = path.join(dir, name);
  const lib = openLibrary(db, { logger: { warn: () => {} } });
  const issueId = lib.issues.insertTree(makeTree());
  lib.close();
  return { db, issueId };
}

function toc(db: string, issueId: string) {
  const lib = openLibrary(db, { logger: { warn: () => {} } });
  try {
    return lib.issues.toc(issueId).map((e) => ({ title: e.title, docNumber: e.docNumber, section: e.section }));
  } finally {
    lib.close();
  }
}

describe('gazette import FILE... --issue ID', () => {
  it('adds a web page, a Word file and a text file in that order, each to its section by rule', () => {
    const { db, issueId } = fixtureDb('three.sqlite');
    const before = toc(db, issueId);
    const html = path.join(dir, 'a.html');
    copyFileSync(path.join(corpus, 'govcn', '01_guofa_2019_5.html'), html);
    const docx = path.join(dir, 'b.docx');
    const center = '<w:jc w:val="center"/>';
    const right = '<w:jc w:val="right"/>';
    writeFileSync(
      docx,
      buildDocx({
        'word/document.xml': documentXml(
          para('某某市人民政府关于张三等', center) + para('同志职务任免的通知', center) + para('某政人〔2024〕11号', center) + para('各乡镇人民政府，市政府各部门：') + para('经研究，决定：') + para('任命张三为某某局局长。') + para('某某市人民政府', right) + para('2024年7月5日', right),
        ),
      }),
    );
    const txt = path.join(dir, 'c.txt');
    copyFileSync(path.join(corpus, 'govcn', '59_guobanhan_2018_74.txt'), txt);

    const { code, stdout, stderr } = gazette(['import', html, docx, txt, '--db', db, '--issue', issueId]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { issueId: string; documents: Array<{ id: string; title: string; docNumber: string; section: string; warnings: unknown[]; signature: string[]; date: string }> };
    expect(out.issueId).toBe(issueId);
    expect(out.documents.map((d) => [d.title, d.docNumber, d.section])).toEqual([
      ['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '国发〔2019〕5号', '市政府办公室文件'],
      ['某某市人民政府关于张三等同志职务任免的通知', '某政人〔2024〕11号', '人事任免'],
      ['国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知', '国办函〔2018〕74号', '市政府办公室文件'],
    ]);
    expect(out.documents[1]).toMatchObject({ signature: ['某某市人民政府'], date: '2024-07-05' });
    for (const d of out.documents) expect(Array.isArray(d.warnings)).toBe(true);
    // In the library: appended at the ends of their sections, in file order.
    const after = toc(db, issueId);
    expect(after.length).toBe(before.length + 3);
    const office = after.filter((e) => e.section === '市政府办公室文件').map((e) => e.docNumber);
    expect(office.slice(-2)).toEqual(['国发〔2019〕5号', '国办函〔2018〕74号']);
    expect(after.filter((e) => e.section === '人事任免').map((e) => e.docNumber).at(-1)).toBe('某政人〔2024〕11号');
  });

  it('puts documents into the section named with --section', () => {
    const { db, issueId } = fixtureDb('section.sqlite');
    const txt = path.join(dir, 'd.txt');
    copyFileSync(path.join(corpus, 'govcn', '25_guobanhan_2005_21.txt'), txt);
    const { code, stdout } = gazette(['import', txt, '--db', db, '--issue', issueId, '--section', '规范性文件']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).documents[0].section).toBe('规范性文件');
    expect(toc(db, issueId).at(-1)?.section).toBe('规范性文件');
  });

  it('refuses bad input with one sentence and writes nothing (binary renamed .txt, an HTML page that is no document, mojibake)', () => {
    const { db, issueId } = fixtureDb('bad.sqlite');
    const before = toc(db, issueId);
    const good = path.join(dir, 'good.txt');
    copyFileSync(path.join(corpus, 'govcn', '25_guobanhan_2005_21.txt'), good);
    const binary = path.join(dir, 'binary.txt');
    writeFileSync(binary, new Uint8Array(4096).map((_, i) => (i * 131) % 256));
    const page = path.join(dir, 'login.html');
    writeFileSync(page, '<html><body><form><input name=user></form><p>Login</p></body></html>');
    // Mojibake that cannot be repaired whole: UTF-8 read as GBK and saved again; Latin-1 mojibake with a broken byte.
    const document = readFileSync(path.join(corpus, 'govcn', '03_guofa_2019_4.txt'), 'utf8');
    const gbkMojibake = path.join(dir, 'gbk-mojibake.txt');
    writeFileSync(gbkMojibake, new TextDecoder('gbk').decode(new TextEncoder().encode(document)));
    const latinMojibake = path.join(dir, 'latin-mojibake.txt');
    writeFileSync(latinMojibake, new TextDecoder('windows-1252').decode(new TextEncoder().encode(document)).replace('æ', 'æ\u4e00'));
    for (const bad of [binary, page, gbkMojibake, latinMojibake]) {
      const { code, stdout, stderr } = gazette(['import', good, bad, '--db', db, '--issue', issueId]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(path.basename(bad));
    }
    expect(toc(db, issueId)).toEqual(before);
    // Four `gazette` processes of up to 110 s each (77 s in all at load 26 on 2 cores).
  }, 480_000);
});
