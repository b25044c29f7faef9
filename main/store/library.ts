/**
 * The library: one SQLite file holding every issue. `openLibrary` returns plain repository functions that
 * take and return the domain types of common/model; SQL stays inside main/store.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dailyBackup, newestGoodBackup } from './backups';
import { openDatabase, transactional, type Db, type OpenOptions, type OpenedDb } from './db';
import { StoreError } from './errors';
import { createAssetsRepo } from './assets';
import { createDocumentsRepo } from './documents';
import { createDeletedDocumentsRepo } from './deletedDocuments';
import { createIssuesRepo, requireIssue } from './issues';
import { exportIssuePackage, importIssuePackage } from './packages';
import { createPageMapsRepo } from './pageMaps';
import { createRevisionsRepo } from './revisions';
import { searchDocuments } from './search';
import { createSectionsRepo } from './sections';
import type { SearchHit } from './types';
import { makePrivateDir, makePrivateFiles } from '../umask';

/** nativeBinding (better_sqlite3.node built for Electron's ABI), logger, avoidWal, skipMigrationBackup, readOnly. */
export interface LibraryOptions extends OpenOptions {
  /** Take the day's automatic backup on open (backups/ beside the file; the app's and the CLI's libraries). */
  dailyBackup?: boolean;
}

/** A damaged library: say so, and name the newest good backup and how to restore it. */
function withBackupAdvice(error: unknown, file: string, nativeBinding?: string): unknown {
  if (!(error instanceof StoreError) || error.code !== 'corrupt') return error;
  const backup = newestGoodBackup(file, nativeBinding);
  const advice = backup
    ? `最近的完好备份是 ${backup.day} 的备份，可在程序中选“恢复”或运行 gazette restore 恢复。`
    : '没有找到完好的自动备份。';
  return new StoreError('corrupt', `${error.message} ${advice}`, { cause: error });
}

export function openLibrary(file: string, opts: LibraryOptions = {}) {
  const memory = file === ':memory:' || file === '';
  // A folder the library makes is the user's alone (main/umask.ts); so is a file it creates, with its -wal and -shm.
  if (!memory) makePrivateDir(path.dirname(path.resolve(file)));
  const isNew = !memory && !existsSync(file);
  let opened: OpenedDb;
  try {
    opened = openDatabase(file, opts);
  } catch (error) {
    throw withBackupAdvice(error, file, opts.nativeBinding);
  }
  if (isNew) makePrivateFiles(file, `${file}-wal`, `${file}-shm`);
  const db: Db = opened.db;
  if (opts.dailyBackup && !memory && !opened.readOnly) {
    try {
      dailyBackup(db, file);
    } catch (error) {
      // A failed backup must not stop the work (a full disk says so on the next save); it is logged.
      (opts.logger ?? console).warn(`今天的自动备份没有完成 (daily backup failed): ${(error as Error).message}`);
    }
  }
  const issuesRepo = createIssuesRepo(db);
  const sections = createSectionsRepo(db);
  const documents = createDocumentsRepo(db);
  const deletedDocuments = createDeletedDocumentsRepo(db);
  const revisions = createRevisionsRepo(db, documents);
  const assets = createAssetsRepo(db);
  const pageMaps = createPageMapsRepo(db);
  const logger = opts.logger ?? console;

  /** Deleted issues are kept as packages in a folder beside the library. */
  const deletedIssuesDir = (): string => path.join(path.dirname(path.resolve(file)), 'deleted-issues');

  const library = {
    file,
    journalMode: opened.journalMode,
    /** Opened read-only (the file or its folder cannot be written): the app shows a banner. */
    readOnly: opened.readOnly,
    warnings: opened.warnings,
    migrationBackup: opened.migrationBackup,
    nativeBinding: opts.nativeBinding,
    logger,
    /** The driver, for store internals and tests only; handlers never touch it. */
    rawDb: db,
    issues: {
      ...issuesRepo,
      /** Delete an issue, first writing it to `deleted-issues/<year>-<number>-<time>.gazette` beside the library. */
      delete(issueId: string): { backupPath: string | null } {
        const issue = requireIssue(db, issueId);
        let backupPath: string | null = null;
        if (file !== ':memory:' && file !== '') {
          makePrivateDir(deletedIssuesDir());
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          backupPath = path.join(deletedIssuesDir(), `${issue.year}-${issue.number}-${stamp}.gazette`);
          exportIssuePackage(library, openLibrary, issueId, backupPath);
        }
        issuesRepo.removeRow(issueId);
        return { backupPath };
      },
    },
    sections,
    documents,
    /** The 回收站: removed documents, restorable. */
    deletedDocuments,
    revisions,
    assets,
    pageMaps,
    journals: {
      list: () =>
        (db.prepare('SELECT name FROM journals ORDER BY updated_at DESC').all() as Array<{ name: string }>).map((r) => r.name),
    },
    search: (query: string, searchOpts?: { limit?: number; issueId?: string }): SearchHit[] => searchDocuments(db, query, searchOpts),
    exportIssuePackage: (issueId: string, target: string) => exportIssuePackage(library, openLibrary, issueId, target),
    importIssuePackage: (source: string) => importIssuePackage(library, openLibrary, source),
    /** Run several repository calls as one write transaction, BEGIN IMMEDIATE (they nest as savepoints). */
    transaction: <T>(fn: () => T): T => transactional(db, fn)(),
    close: () => {
      if (db.open) db.close();
    },
  };
  return library;
}

export type Library = ReturnType<typeof openLibrary>;
