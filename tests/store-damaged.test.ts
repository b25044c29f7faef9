/**
 * Damaged and unusual library files: refused with one sentence and left exactly as they were, opened
 * read-only when they cannot be written, and a damaged library restored from the newest good backup.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentPlainText } from '../common/model/index';
import { handleCall } from '../main/handlers/index';
import { BACKUPS_KEPT, dailyBackup, listBackups, openLibrary, restoreBackup, StoreError } from '../main/store/index';
import { ROOT } from './e2e-support';
import { makeTree, para, tempDir } from './store-fixtures';

const silent = { warn: () => {} };
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('gazette-damaged-')));
afterEach(() => cleanup());

function gazette(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gazette.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function openError(file: string): StoreError {
  try {
    openLibrary(file, { logger: silent }).close();
  } catch (error) {
    return error as StoreError;
  }
  throw new Error('opened');
}

describe('files that are not libraries', () => {
  it('`gazette list --db EMPTY` on a zero-length file exits non-zero with one sentence and leaves the file as it was', () => {
    const file = path.join(dir, 'empty.sqlite');
    writeFileSync(file, '');
    const run = gazette('list', '--db', file);
    expect(run.code).not.toBe(0);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toContain('这个文件是空的（0 字节），不是资料库');
    expect(readFileSync(file)).toHaveLength(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a text file and another program’s SQLite database, byte for byte unchanged', () => {
    const text = path.join(dir, 'notes.sqlite');
    writeFileSync(text, '会议记录：这不是数据库。\n');
    expect(openError(text)).toMatchObject({ code: 'invalid', message: expect.stringContaining('不是 SQLite 文件') });
    expect(readFileSync(text, 'utf8')).toBe('会议记录：这不是数据库。\n');

    const foreign = path.join(dir, 'other.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'张三\');');
    other.close();
    const before = readFileSync(foreign);
    expect(openError(foreign)).toMatchObject({ code: 'invalid', message: expect.stringContaining('其他程序的数据库') });
    expect(readFileSync(foreign).equals(before)).toBe(true);
  });
});

describe('automatic backups and restore', () => {
  it('takes one backup a day on open and keeps the newest seven', () => {
    const file = path.join(dir, 'library.sqlite');
    const lib = openLibrary(file, { logger: silent, dailyBackup: true });
    expect(listBackups(file)).toHaveLength(1);
    for (let day = 1; day <= 9; day++) dailyBackup(lib.rawDb, file, new Date(2020, 0, day, 12));
    expect(dailyBackup(lib.rawDb, file, new Date(2020, 0, 9, 18))).toBeNull(); // once a day
    lib.close();
    const days = listBackups(file).map((b) => b.day);
    expect(days).toHaveLength(BACKUPS_KEPT);
    // Today's backup is the newest; the oldest test days were pruned.
    expect(days.slice(1)).toEqual(['2020-01-09', '2020-01-08', '2020-01-07', '2020-01-06', '2020-01-05', '2020-01-04']);
  });

  it('offers the newest good backup for a damaged library, and `gazette restore` brings it back', () => {
    const file = path.join(dir, 'library.sqlite');
    const lib = openLibrary(file, { logger: silent });
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    lib.documents.save(documentId, { schemaVersion: 1, blocks: [para('备份之前保存的正文')] });
    dailyBackup(lib.rawDb, file, new Date(2026, 0, 2));
    // An older backup that is itself damaged must be passed over for the good one.
    const bad = path.join(dir, 'backups', 'library-2026-01-01.sqlite');
    writeFileSync(bad, 'damaged');
    // A newer backup that is damaged, too.
    writeFileSync(path.join(dir, 'backups', 'library-2026-01-03.sqlite'), Buffer.alloc(8192, 7));
    lib.rawDb.pragma('wal_checkpoint(TRUNCATE)');
    lib.close();

    // Damage the file: overwrite pages past the header (the schema and data pages).
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
    writeFileSync(file, bytes);
    const damaged = openError(file);
    expect(damaged.code).toBe('corrupt');
    expect(damaged.message).toContain('最近的完好备份是 2026-01-02 的备份');
    expect(damaged.message).toContain('gazette restore');

    const listed = gazette('restore', '--db', file, '--list');
    expect(listed.out).toContain('2026-01-02');
    const run = gazette('restore', '--db', file);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('已从 2026-01-02 的备份恢复资料库');
    const previous = run.out.match(/原来的文件保留为：(.+)/)![1].trim();
    expect(readFileSync(previous).equals(bytes)).toBe(true); // nothing deleted

    const restored = openLibrary(file, { logger: silent });
    try {
      expect(contentPlainText(restored.documents.get(documentId).content)).toBe('备份之前保存的正文');
    } finally {
      restored.close();
    }
  });

  it('refuses to restore from a damaged file', () => {
    const file = path.join(dir, 'library.sqlite');
    openLibrary(file, { logger: silent }).close();
    const bad = path.join(dir, 'bad.sqlite');
    writeFileSync(bad, 'x');
    expect(() => restoreBackup(file, { from: bad })).toThrow('已损坏');
    expect(() => restoreBackup(path.join(dir, 'none.sqlite'))).toThrow('没有可用的备份');
  });
});

describe('a library that cannot be written', () => {
  it('opens read-only: reading works, a save gets one sentence and changes nothing', async () => {
    const file = path.join(dir, 'library.sqlite');
    const setup = openLibrary(file, { logger: silent });
    const issueId = setup.issues.insertTree(makeTree());
    const documentId = setup.issues.toc(issueId)[0].documentId;
    setup.close();
    const lib = openLibrary(file, { logger: silent, readOnly: true });
    try {
      expect(lib.readOnly).toBe(true);
      expect(lib.issues.list()).toHaveLength(1);
      const saved = await handleCall('documents.save', { documentId, content: { schemaVersion: 1, blocks: [para('不应保存')] } }, { deps: { library: lib, logger: { warn() {}, error() {} } } });
      expect(saved).toEqual({ ok: false, error: { code: 'read-only', message: expect.stringContaining('资料库是只读的') } });
    } finally {
      lib.close();
    }
  });

  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('opens a library on a read-only file system read-only by itself', () => {
    const mnt = path.join(dir, 'mnt');
    mkdirSync(mnt);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt]).status !== 0) return;
    try {
      const file = path.join(mnt, 'library.sqlite');
      const setup = openLibrary(file, { logger: silent });
      setup.issues.insertTree(makeTree());
      setup.close();
      copyFileSync(file, path.join(dir, 'copy.sqlite'));
      expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
      const warnings: string[] = [];
      const lib = openLibrary(file, { logger: { warn: (m) => warnings.push(m) }, dailyBackup: true });
      try {
        expect(lib.readOnly).toBe(true);
        expect(lib.issues.list()).toHaveLength(1);
        expect(warnings.join('\n')).toContain('资料库是只读的');
      } finally {
        lib.close();
      }
      const run = gazette('list', '--db', file);
      expect(run.code).toBe(0);
      expect(run.out).toContain('2024年第6期');
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
