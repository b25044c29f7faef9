/**
 * Opening a SQLite file safely: the driver stays behind this module (so a `nativeBinding` for Electron's ABI
 * can be passed), pragmas are set on every open, the file is checked, and migrations bring it up to date.
 */
import { accessSync, constants as fsConstants, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hasSqliteHeader, snapshotInto } from './backups';
import { sqliteCode, StoreError } from './errors';
import { GRAMS_FUNCTION, indexPendingGrams, searchGrams } from './grams';
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
  // Every write of the store ends by indexing the documents it wrote for short-term search (migration 006).
  const run = db.transaction((...args: A): R => {
    const result = fn(...args);
    indexPendingGrams(db);
    return result;
  });
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
  /** Open read-only (also chosen automatically when the file or its folder cannot be written). */
  readOnly?: boolean;
}

export interface OpenedDb {
  db: Db;
  /** 'wal' normally; 'delete' when WAL could not be enabled (network share, read-only folder …). */
  journalMode: string;
  warnings: string[];
  /** Backup file written before migrating, if one was needed. */
  migrationBackup?: string;
  /** Opened read-only: every write fails with 资料库是只读的. */
  readOnly: boolean;
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

/** Can this process write the file and its folder (WAL needs the folder for -wal and -shm)? */
export function isWritable(file: string): boolean {
  try {
    accessSync(path.dirname(path.resolve(file)), fsConstants.W_OK);
    if (existsSync(file)) accessSync(file, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuse, before SQLite sees it, an existing file that cannot be a library: SQLite would treat a zero-length
 * file as a new empty database and the app would silently start over in it.
 */
function refuseNonDatabase(file: string): void {
  if (file === ':memory:' || file === '' || !existsSync(file)) return;
  if (statSync(file).size === 0)
    throw new StoreError('invalid', `这个文件是空的（0 字节），不是资料库，文件未作改动：${file} (zero-length file, not a library)`);
  if (!hasSqliteHeader(file))
    throw new StoreError('invalid', `这个文件不是资料库（不是 SQLite 文件），文件未作改动：${file} (not a SQLite file)`);
}

function connect(file: string, opts: OpenOptions, readOnly: boolean): Db {
  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  try {
    if (!readOnly) return new Database(file, binding);
    const db = new Database(file, { ...binding, readonly: true, fileMustExist: true });
    try {
      db.pragma('schema_version');
      return db;
    } catch (error) {
      db.close();
      // A WAL library on a read-only file system: SQLite cannot create its -shm file there. Nothing can
      // change the file on such a system, so a snapshot copy (with its -wal, if any) in the temp folder
      // reads exactly the same. (This driver build takes no `immutable=1` URI.)
      if (sqliteCode(error) !== 'SQLITE_CANTOPEN') throw error;
      const copy = path.join(mkdtempSync(path.join(tmpdir(), 'gazette-readonly-')), path.basename(file));
      copyFileSync(file, copy);
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
      return new Database(copy, { ...binding, readonly: true, fileMustExist: true });
    }
  } catch (error) {
    if (readOnly && sqliteCode(error))
      throw new StoreError('read-only', `资料库所在位置是只读的，且无法以只读方式打开：${file} (${(error as Error).message})`, { cause: error });
    throw new StoreError('io', `无法打开资料库文件：${file} (cannot open: ${(error as Error).message})`, { cause: error });
  }
}

/** Set WAL (or fall back to DELETE with a warning), then the durability and integrity pragmas. */
function applyPragmas(db: Db, file: string, warnings: string[], avoidWal = false, readOnly = false): string {
  let journalMode: string;
  if (readOnly) {
    // Nothing may be written: keep the file's journal mode.
    journalMode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  } else if (file === ':memory:' || file === '') {
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

/** A backup's temp file left by a process killed while writing it: removed once older than any backup takes. */
const STALE_BACKUP_TEMP_MS = 60 * 60 * 1000;

function removeStaleBackupTemps(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const prefix = `${path.basename(file)}.v`;
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix) || !/\.bak\.tmp(-journal)?$/.test(name)) continue;
      const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (stat?.isFile() && Date.now() - stat.mtimeMs > STALE_BACKUP_TEMP_MS) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Tidying is best effort: the migration goes on.
  }
}

/**
 * Copy the whole file before changing its schema; returns the backup path. Written under a `.tmp` name and
 * renamed when whole: a process killed during the copy leaves a file marked unfinished, never a truncated
 * `.bak` that looks like a backup.
 */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  removeStaleBackupTemps(file);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${fromVersion}-${stamp}.bak`;
  snapshotInto(db, target, `${target}.tmp`);
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

/** Index the documents queued by another program's writes (migration 006), in one write transaction. */
function repairGrams(db: Db, logger: Logger | undefined): void {
  // Read first: the write lock is taken only when there is something to index.
  if (!db.prepare('SELECT 1 FROM documents_grams_pending LIMIT 1').get()) return;
  const n = db.transaction(() => indexPendingGrams(db)).immediate();
  if (n > 0) logger?.info?.(`检索索引已补齐 ${n} 篇文件 (short-term search index: ${n} documents written by another program indexed)`);
}

/** Open (creating if needed) a library or package file, checked and migrated. */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDb {
  refuseNonDatabase(file);
  const memory = file === ':memory:' || file === '';
  const readOnly = !memory && (opts.readOnly === true || (existsSync(file) && !isWritable(file)));
  const db = connect(file, opts, readOnly);
  // Migration 004 calls it to index the documents an older library holds. (Its triggers called it on every
  // document write too, until migration 006 made them plain SQL.)
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => searchGrams(typeof text === 'string' ? text : null));
  const warnings: string[] = [];
  try {
    checkIntegrity(db, file);
    const appId = Number(db.pragma('application_id', { simple: true }));
    if (appId !== 0 && appId !== APPLICATION_ID) {
      throw new StoreError('invalid', `这个文件不是本程序的资料库：${file} (not a gazette library: application_id ${appId})`);
    }
    const version = refuseNewerVersion(db); // before any pragma writes to the file
    // Our files carry user_version from their first migration on; tables without it belong to another program.
    if (appId === 0 && version === 0 && !isEmptyDatabase(db)) {
      throw new StoreError('invalid', `这个文件是其他程序的数据库，不是资料库，文件未作改动：${file} (a foreign SQLite database)`);
    }
    if (readOnly && version < LATEST_VERSION) {
      throw new StoreError('read-only', `资料库是只读的，又需要升级到新版本，无法打开。请把它复制到可写的位置：${file} (read-only and needs migration)`);
    }
    const journalMode = applyPragmas(db, file, warnings, opts.avoidWal, readOnly);
    if (readOnly) warnings.push(`资料库是只读的，修改不会保存 (read-only): ${file}`);
    const migrationBackup = readOnly ? undefined : migrate(db, file, opts);
    // Documents another program wrote since the app last had the file are indexed for short-term search.
    if (!readOnly) repairGrams(db, opts.logger);
    for (const w of warnings) (opts.logger ?? console).warn(w);
    return { db, journalMode, warnings, migrationBackup, readOnly };
  } catch (error) {
    db.close();
    throw error;
  }
}
