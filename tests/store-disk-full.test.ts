/**
 * A full disk during saves: a library on a small tmpfs is written until the disk is full. Every save that
 * was acknowledged must be in the file afterwards; every refused one gets the 磁盘已满 sentence; the file
 * stays sound, and works again once space is freed. Needs root (mount); skipped with a message otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentPlainText } from '../common/model/index';
import { handleCall } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree, para, tempDir } from './store-fixtures';

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
if (!canMount) console.warn('store-disk-full: skipped (needs root to mount a small tmpfs)');

let dir: string;
let cleanup: () => void;
let mnt: string;
let mounted = false;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('gazette-full-'));
  mnt = path.join(dir, 'disk');
  mkdirSync(mnt);
  mounted = canMount && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mnt]).status === 0;
});
afterEach(() => {
  if (mounted) spawnSync('umount', [mnt]);
  cleanup();
});

/** Varied text (so it does not compress into a few pages), about `chars` characters. */
function filler(seed: number, chars: number): string {
  const words = ['城市体检', '营商环境', '专项整治', '实施方案', '工作要求', '责任单位', '时间节点', '保障措施'];
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${words[(seed * 7 + i * 3) % words.length]}${(seed * 131 + i * 17) % 9973}，`;
  return out;
}

describe.skipIf(!canMount)('a full disk during saves', () => {
  it('loses no acknowledged save and says 磁盘已满 for the others', async () => {
    expect(mounted).toBe(true);
    const file = path.join(mnt, 'library.sqlite');
    const setup = openLibrary(file, { logger: { warn: () => {} } });
    const issueId = setup.issues.insertTree(makeTree());
    const tree = setup.issues.getTree(issueId);
    setup.close();
    const sectionId = tree.sections[0].id;
    const savedDocument = tree.sections[0].documents[0].id;
    // Leave little room: a filler file we can delete later to free the disk.
    const ballast = path.join(mnt, 'ballast.bin');
    writeFileSync(ballast, Buffer.alloc(3 * 1024 * 1024, 1));

    const library: Library = openLibrary(file, { logger: { warn: () => {} } });
    const deps = { library, logger: { warn: () => {}, error: () => {} } };
    const acknowledged = new Map<string, string>(); // documentId -> text
    let lastSave: string | undefined;
    const refusals: string[] = [];
    let consecutiveFull = 0;
    for (let i = 0; i < 400 && consecutiveFull < 12; i++) {
      const text = filler(i, 6000);
      // Alternate: a new document, and a save of an existing one (revision appended, index updated).
      const result =
        i % 2 === 0
          ? await handleCall('documents.add', { sectionId, content: { schemaVersion: 1, blocks: [para(text)] } }, { deps })
          : await handleCall('documents.save', { documentId: savedDocument, content: { schemaVersion: 1, blocks: [para(text)] } }, { deps });
      if (result.ok) {
        consecutiveFull = 0;
        if (i % 2 === 0) acknowledged.set((result.value as { documentId: string }).documentId, text);
        else lastSave = text;
      } else {
        consecutiveFull++;
        refusals.push(`${result.error.code}: ${result.error.message}`);
      }
    }
    expect(consecutiveFull).toBeGreaterThanOrEqual(12); // the disk did fill
    expect(acknowledged.size).toBeGreaterThan(5);
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r).toMatch(/^disk-full: 磁盘已满/);
    // Reading still works on the full disk, and sees every acknowledged write.
    for (const [documentId, text] of acknowledged) expect(contentPlainText(library.documents.get(documentId).content)).toBe(text);
    library.close();

    // Free the disk, open again: sound, and everything acknowledged is there.
    rmSync(ballast);
    const reopened = openLibrary(file, { logger: { warn: () => {} } });
    try {
      expect(String(reopened.rawDb.pragma('quick_check', { simple: true }))).toBe('ok');
      let lost = 0;
      for (const [documentId, text] of acknowledged) if (contentPlainText(reopened.documents.get(documentId).content) !== text) lost++;
      if (lastSave !== undefined && contentPlainText(reopened.documents.get(savedDocument).content) !== lastSave) lost++;
      expect(lost).toBe(0);
      // Saving works again once there is room.
      const after = await handleCall('documents.save', { documentId: savedDocument, content: { schemaVersion: 1, blocks: [para('腾出空间后的保存')] } }, { deps: { library: reopened } });
      expect(after.ok).toBe(true);
      console.log(`disk full: ${acknowledged.size + (lastSave ? 1 : 0)} writes acknowledged before the disk filled, ${refusals.length} refused with 磁盘已满, 0 lost`);
    } finally {
      reopened.close();
    }
  }, 300_000);
});

describe.skipIf(!canMount)('a full disk during an import', () => {
  const uploads = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      fileName: `通知${i + 1}.txt`,
      dataBase64: Buffer.from(`关于做好第${i + 1}批次城市体检工作的通知\n\n各单位：\n${filler(i, 60_000)}\n\n市政府办公室\n2024年6月${i + 1}日\n`).toString('base64'),
    }));
  const documentCount = (library: Library) => (library.rawDb.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

  it('the temp folder full: one sentence, the library untouched', async () => {
    expect(mounted).toBe(true);
    const library = openLibrary(path.join(dir, 'library.sqlite'), { logger: { warn: () => {} } });
    const tree = library.issues.getTree(library.issues.insertTree(makeTree()));
    const before = documentCount(library);
    // The uploads are staged in the temp folder (os.tmpdir() follows TMPDIR), here a full disk.
    writeFileSync(path.join(mnt, 'ballast.bin'), Buffer.alloc(6 * 1024 * 1024 - 64 * 1024, 1));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = mnt;
    try {
      const deps = { library, logger: { warn: () => {}, error: () => {} } };
      const result = await handleCall('documents.importFiles', { sectionId: tree.sections[0].id, uploads: uploads(3) }, { deps });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('io');
      expect(result.error.message).toMatch(/磁盘已满/);
      expect(result.error.message).not.toMatch(/\n/);
      expect(documentCount(library)).toBe(before);
      expect(readdirSync(mnt)).toEqual(['ballast.bin']);
    } finally {
      process.env.TMPDIR = previous;
      if (previous === undefined) delete process.env.TMPDIR;
      library.close();
    }
  });

  it('the library’s disk full: 磁盘已满, no document of the batch in, the file sound', async () => {
    expect(mounted).toBe(true);
    const file = path.join(mnt, 'library.sqlite');
    const library = openLibrary(file, { logger: { warn: () => {} } });
    const tree = library.issues.getTree(library.issues.insertTree(makeTree()));
    const before = documentCount(library);
    const free = Number(spawnSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
    writeFileSync(path.join(mnt, 'ballast.bin'), Buffer.alloc(Math.max(0, free - 256 * 1024), 1));
    const deps = { library, logger: { warn: () => {}, error: () => {} } };
    try {
      const result = await handleCall('documents.importFiles', { sectionId: tree.sections[0].id, uploads: uploads(8) }, { deps });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/^磁盘已满/) });
      expect(documentCount(library)).toBe(before);
    } finally {
      library.close();
    }
    rmSync(path.join(mnt, 'ballast.bin'));
    const reopened = openLibrary(file, { logger: { warn: () => {} } });
    try {
      expect(String(reopened.rawDb.pragma('quick_check', { simple: true }))).toBe('ok');
      expect(documentCount(reopened)).toBe(before);
    } finally {
      reopened.close();
    }
  });
});
