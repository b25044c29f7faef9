/**
 * Automatic backups of the library and restoring them. Once a day, on open, the library is copied with
 * `VACUUM INTO` to `backups/<name>-<YYYY-MM-DD>.sqlite` beside it (a consistent snapshot even while it is
 * written); the newest BACKUPS_KEPT are kept. Restoring never deletes anything: the current file is moved
 * aside to `<file>.before-restore-<time>` first.
 */
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db';
import { StoreError } from './errors';
import { makePrivateDir, makePrivateFiles } from '../umask';

export const BACKUPS_KEPT = 7;
const SQLITE_HEADER = 'SQLite format 3\0';

export function backupDir(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups');
}

function baseName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** The local calendar day, YYYY-MM-DD (a backup per day as the user counts days). */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface BackupInfo {
  file: string;
  /** The day in the name, YYYY-MM-DD. */
  day: string;
  size: number;
  modified: string;
}

/** This library's automatic backups, newest first. */
export function listBackups(file: string): BackupInfo[] {
  const dir = backupDir(file);
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${baseName(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$`);
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => {
      const full = path.join(dir, name);
      const stat = statSync(full);
      return { file: full, day: match[1], size: stat.size, modified: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}

/**
 * A consistent copy of the library at `target`, written whole: VACUUM INTO `temp`, made private, renamed
 * when complete. A process killed during the copy leaves `temp` (marked unfinished), never a truncated
 * `target`; a failure removes `temp` and the journal VACUUM INTO keeps beside it.
 */
export function snapshotInto(db: Db, target: string, temp: string): void {
  for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    makePrivateFiles(temp);
    renameSync(temp, target);
  } catch (error) {
    for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
    throw error;
  }
}

/** A backup's temp file (and its journal) left by a process killed while writing it, once older than any backup takes. */
const STALE_TEMP_MS = 60 * 60 * 1000;

function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!/\.sqlite\.tmp-\d+(-journal)?$/.test(name)) continue;
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile() && Date.now() - stat.mtimeMs > STALE_TEMP_MS) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Take today's snapshot if there is none yet, then keep the newest BACKUPS_KEPT. Returns the new backup's
 * path, or null when today's exists. Written to a temporary name first, so a crash leaves no half backup.
 */
export function dailyBackup(db: Db, file: string, now = new Date()): string | null {
  const dir = backupDir(file);
  const target = path.join(dir, `${baseName(file)}-${localDay(now)}.sqlite`);
  if (existsSync(target)) return null;
  makePrivateDir(dir);
  removeStaleTemps(dir);
  snapshotInto(db, target, `${target}.tmp-${process.pid}`);
  for (const old of listBackups(file).slice(BACKUPS_KEPT)) rmSync(old.file, { force: true });
  return target;
}

/** Does the file start with SQLite's header? (A zero-length or foreign file does not.) */
export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    return readSync(fd, buffer, 0, 16, 0) === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Opens read-only and runs quick_check; true when the file is a sound SQLite database. */
export function isSoundDatabase(file: string, nativeBinding?: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0 || !hasSqliteHeader(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('quick_check') as Array<Record<string, unknown>>;
    return rows.length === 1 && Object.values(rows[0])[0] === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The newest backup that passes quick_check, or null. */
export function newestGoodBackup(file: string, nativeBinding?: string): BackupInfo | null {
  return listBackups(file).find((b) => isSoundDatabase(b.file, nativeBinding)) ?? null;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** Where the file that was replaced now is (null when there was none). */
  previous: string | null;
}

/**
 * Put a backup (the newest good one, or `from`) in place of the library. The library must be closed. The
 * current file and its -wal/-shm are moved aside, never deleted; the backup is copied, not moved.
 */
export function restoreBackup(file: string, opts: { from?: string; nativeBinding?: string; now?: Date } = {}): RestoreResult {
  const candidate = opts.from
    ? listBackups(file).find((b) => path.resolve(b.file) === path.resolve(opts.from!)) ??
      { file: path.resolve(opts.from), day: '', size: existsSync(opts.from) ? statSync(opts.from).size : 0, modified: '' }
    : newestGoodBackup(file, opts.nativeBinding);
  if (!candidate) throw new StoreError('not-found', `没有可用的备份：${backupDir(file)} (no good backup found)`);
  if (!isSoundDatabase(candidate.file, opts.nativeBinding)) throw new StoreError('corrupt', `这个备份已损坏，不能用于恢复：${candidate.file}`);
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const temp = `${file}.restoring-${process.pid}`;
  copyFileSync(candidate.file, temp);
  let previous: string | null = null;
  if (existsSync(file)) {
    previous = `${file}.before-restore-${stamp}`;
    renameSync(file, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, previous + suffix);
  }
  renameSync(temp, file);
  return { restored: candidate, previous };
}
