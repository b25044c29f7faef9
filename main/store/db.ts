/**
 * Opening a SQLite file safely: the driver stays behind this module (so a `nativeBinding` for Electron's ABI
 * can be passed), pragmas are set on every open, the file is checked, and migrations bring it up to date.
 */
import { existsSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

/** The driver's connection. An interface (not an alias) so declaration emit can name it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Db extends Database.Database {}

/**
 * `db.transaction(fn)` typed as the plain function it wraps: the whole call is one transaction, and calls
 * nested inside another transaction become savepoints (so a failure rolls back only as far as it should).
 * Write transactions start IMMEDIATE: the write lock is taken at BEGIN, where busy_timeout waits for another
 * writer (a second window, the CLI). A deferred transaction that read first cannot upgrade to a write while
 * another connection writes and fails with SQLITE_BUSY at once, whatever the timeout.
 */
export function transactional<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const run = db.transaction(fn);
  return (...args: A) => run.immediate(...args);
}

/** How long a write waits for another writer before giving up with 资料库正被另一程序写入. */
export const BUSY_TIMEOUT_MS = 10_000;

/** 'GZTE': marks a file as a gazette library or issue package (PRAGMA application_id). */
export const APPLICATION_ID = 0x475a5445;

export interface Logger {
  warn(message: string): void;
  info?(message: string): void;
}

export interface OpenOptions {
  /** Path to better_sqlite3.node built for another ABI (Electron). */
  nativeBinding?: string;
  logger?: Logger;
  /** Do not take the pre-migration backup (temporary copies, packages). */
  skipMigrationBackup?: boolean;
  /** Force DELETE journaling, e.g. for a library on a mapped network drive the app cannot detect. */
  avoidWal?: boolean;
}

export interface OpenedDb {
  db: Db;
  /** 'wal' normally; 'delete' when WAL could not be enabled (network share, read-only folder …). */
  journalMode: string;
  warnings: string[];
  /** Backup file written before migrating, if one was needed. */
  migrationBackup?: string;
}

/** UNC paths (\\server\share) and `//server/share` are network shares, where WAL's shared memory is unsafe. */
export function looksLikeNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(file);
}

/** statfs f_type of network file systems (Linux): NFS, SMB, CIFS, SMB2, AFS, Coda, NCP, 9P, FUSE (sshfs …). */
const NETWORK_FS_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x5346414f, 0x73757245, 0x564c, 0x01021997, 0x65735546]);

export function isNetworkFsType(type: number): boolean {
  return NETWORK_FS_TYPES.has(type >>> 0);
}

/** A UNC path, or (on Linux) a folder on a network file system. Mapped Windows drives cannot be told apart here. */
export function isOnNetworkShare(file: string): boolean {
  if (looksLikeNetworkPath(file)) return true;
  if (process.platform !== 'linux') return false;
  try {
    return isNetworkFsType(statfsSync(path.dirname(path.resolve(file))).type);
  } catch {
    return false;
  }
}

function connect(file: string, opts: OpenOptions): Db {
  try {
    return new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (error) {
    throw new StoreError('io', `无法打开资料库文件：${file} (cannot open: ${(error as Error).message})`, { cause: error });
  }
}

/** Set WAL (or fall back to DELETE with a warning), then the durability and integrity pragmas. */
function applyPragmas(db: Db, file: string, warnings: string[], avoidWal = false): string {
  let journalMode: string;
  if (file === ':memory:' || file === '') {
    journalMode = String(db.pragma('journal_mode', { simple: true }));
  } else if (avoidWal || isOnNetworkShare(file)) {
    journalMode = String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase();
    warnings.push(`资料库位于网络共享上，已改用 DELETE 日志模式 (network share: WAL disabled, using DELETE): ${file}`);
  } else {
    journalMode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
    if (journalMode !== 'wal') {
      journalMode = String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase();
      warnings.push(`无法启用 WAL，已改用 ${journalMode} 日志模式 (WAL unavailable, using ${journalMode}): ${file}`);
    }
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return journalMode;
}

function checkIntegrity(db: Db, file: string): void {
  let result: unknown[];
  try {
    result = db.pragma('quick_check') as unknown[];
  } catch (error) {
    throw new StoreError('corrupt', `资料库文件已损坏或不是资料库：${file} (not a valid database: ${(error as Error).message})`, {
      cause: error,
    });
  }
  const messages = result.map((row) => Object.values(row as Record<string, unknown>)[0]);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new StoreError(
      'corrupt',
      `资料库文件已损坏，请从备份恢复：${file} (quick_check failed: ${messages.slice(0, 3).join('; ')})`,
    );
  }
}

function isEmptyDatabase(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n === 0;
}

/** Copy the whole file before changing its schema; returns the backup path. */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${fromVersion}-${stamp}.bak`;
  if (existsSync(target)) rmSync(target);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** The file's schema version; refuses a file written by a newer app. */
function refuseNewerVersion(db: Db): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > LATEST_VERSION) {
    throw new StoreError(
      'newer-version',
      `这个资料库由更新版本的程序创建（版本 ${current}），当前程序只支持到版本 ${LATEST_VERSION}，请升级程序后再打开。` +
        ` (This library was created by a newer version of the app: schema ${current} > ${LATEST_VERSION}. Update the app.)`,
    );
  }
  return current;
}

/** Apply every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, file: string, opts: OpenOptions = {}): string | undefined {
  const current = refuseNewerVersion(db);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return undefined;
  const memory = file === ':memory:' || file === '';
  const backup = !memory && !opts.skipMigrationBackup && !isEmptyDatabase(db) ? backupBeforeMigration(db, file, current) : undefined;
  for (const migration of pending) {
    // IMMEDIATE, and the version read again under the write lock: another process opening the same new
    // library at the same moment may have applied this migration already.
    db.transaction(() => {
      if (Number(db.pragma('user_version', { simple: true })) >= migration.version) return;
      db.exec(migration.sql);
      // PRAGMA cannot take bound parameters; the version is an integer from our own table.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  if (Number(db.pragma('application_id', { simple: true })) === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
  return backup;
}

/** Open (creating if needed) a library or package file, checked and migrated. */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDb {
  const db = connect(file, opts);
  const warnings: string[] = [];
  try {
    checkIntegrity(db, file);
    const appId = Number(db.pragma('application_id', { simple: true }));
    if (appId !== 0 && appId !== APPLICATION_ID) {
      throw new StoreError('invalid', `这个文件不是本程序的资料库：${file} (not a gazette library: application_id ${appId})`);
    }
    refuseNewerVersion(db); // before any pragma writes to the file
    const journalMode = applyPragmas(db, file, warnings, opts.avoidWal);
    const migrationBackup = migrate(db, file, opts);
    for (const w of warnings) (opts.logger ?? console).warn(w);
    return { db, journalMode, warnings, migrationBackup };
  } catch (error) {
    db.close();
    throw error;
  }
}
