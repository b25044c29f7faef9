/** The editor's 导入 of a Word file (`documents.importWord`): into the chosen section, or refused with nothing written. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDocx } from '../common/render/toDocx';
import { handleCall, type CallContext } from '../main/handlers/index';
import { createDocxWorkerPool } from '../main/import/docxWorkerHost';
import { openLibrary, type Library } from '../main/store/index';
import { importDocxIntoLibrary } from '../main/import/docxIntoLibrary';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { fixtureIssue } from './fixtures/docx-issue-fixture';
import { makeTree, tempDir } from './store-fixtures';

let cleanup: () => void;
let dir: string;
let lib: Library;
let ctx: CallContext;
let issueId: string;
let sectionId: string;
// The host's Word worker, as the app keeps one for its life; stopped after the file's tests.
const docxWorker = createDocxWorkerPool();
afterAll(() => docxWorker.stop());

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  lib = openLibrary(path.join(dir, 'library.sqlite'), { logger: { warn: () => {} } });
  ctx = { deps: { library: lib, logger: { warn: () => {}, error: () => {} }, docxWorker } };
  issueId = lib.issues.insertTree(makeTree());
  sectionId = lib.issues.getTree(issueId).sections[0].id;
});
afterEach(() => {
  lib.close();
  cleanup();
});

const documentTitles = () => lib.issues.getTree(issueId).sections[0].documents.map((d) => d.title);

describe('documents.importWord', () => {
  it('adds the Word document, with its title and 文号, at the end of the chosen section', async () => {
    const docx = await toDocx(fixtureIssue(), { document: 'doc-notice' });
    const before = documentTitles();
    const result = await handleCall('documents.importWord', { sectionId, fileName: '通知.docx', dataBase64: Buffer.from(docx.bytes).toString('base64') }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { documentId: string; title: string };
    const original = fixtureIssue().sections.flatMap((s) => s.documents).find((d) => d.id === 'doc-notice')!;
    expect(value.title).toBe(original.title);
    expect(documentTitles()).toEqual([...before, original.title]);
    const stored = lib.documents.get(value.documentId);
    expect(stored.docNumber).toBe(original.docNumber);
    expect(stored.sectionId).toBe(sectionId);
    // The conversion ran on the host's worker, which stays for the next import.
    expect(docxWorker.threadId).toBeDefined();
  });

  it('refuses a file that is not a Word document with one clear sentence and writes nothing', async () => {
    const before = JSON.stringify(lib.issues.getTree(issueId));
    const result = await handleCall('documents.importWord', { sectionId, fileName: '坏文件.docx', dataBase64: Buffer.from('not a zip at all').toString('base64') }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.message).toContain('坏文件.docx');
    expect(result.error.message.split('\n')).toHaveLength(1);
    expect(JSON.stringify(lib.issues.getTree(issueId))).toBe(before);
  });

  it('refuses other file types and unknown sections before converting anything', async () => {
    const wrongType = await handleCall('documents.importWord', { sectionId, fileName: 'a.pdf', dataBase64: '' }, ctx);
    expect(wrongType.ok || wrongType.error.code).toBe('bad-request');
    const noSection = await handleCall('documents.importWord', { sectionId: 'missing-section', fileName: 'a.docx', dataBase64: 'AAAA' }, ctx);
    expect(noSection.ok || noSection.error.code).toBe('not-found');
  });

  // Two 公文 typed one after the other in one Word file (each with its title and 文号): the recogniser splits them.
  const centred = (text: string) => para(text, '<w:jc w:val="center"/>');
  const notice = (title: string, number: string, line: string) =>
    centred(title) + centred(number) + para('各乡镇人民政府，市政府各部门：') + para(line) + para('格尔木市人民政府办公室', '<w:jc w:val="right"/>') + para('2025年4月28日', '<w:jc w:val="right"/>');
  const twoNotices = buildDocx({
    'word/document.xml': documentXml(
      notice('格尔木市人民政府办公室关于做好防汛工作的通知', '格政办〔2025〕20号', '请各单位认真做好汛期防范工作。') +
        notice('格尔木市人民政府办公室关于做好森林防火工作的通知', '格政办〔2025〕21号', '请各单位认真做好森林防火工作。'),
    ),
  });
  const TWO_TITLES = ['格尔木市人民政府办公室关于做好防汛工作的通知', '格尔木市人民政府办公室关于做好森林防火工作的通知'];

  it('adds every document a Word file holds, in order, not only the first', async () => {
    const before = documentTitles();
    const result = await handleCall('documents.importWord', { sectionId, fileName: '两篇通知.docx', dataBase64: Buffer.from(twoNotices).toString('base64') }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(documentTitles()).toEqual([...before, ...TWO_TITLES]);
    expect((result.value as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code)).toContain('docx-several-documents');
  });

  it('puts every document of the file into the new issue of `gazette import FILE.docx`', async () => {
    const file = path.join(dir, '两篇通知.docx');
    writeFileSync(file, twoNotices);
    const result = await importDocxIntoLibrary(lib, file, { worker: docxWorker });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.documentIds).toHaveLength(2);
    const tree = lib.issues.getTree(result.issueId);
    expect(tree.sections.flatMap((s) => s.documents.map((d) => [d.title, d.docNumber]))).toEqual([
      [TWO_TITLES[0], '格政办〔2025〕20号'],
      [TWO_TITLES[1], '格政办〔2025〕21号'],
    ]);
  });
});
