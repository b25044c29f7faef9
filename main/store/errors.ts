/**
 * Errors the store raises on purpose: AppErrors (common/errors.ts) with the store's codes. `message` is
 * user-facing (Chinese, with English detail where it helps); `code` is what handlers and the CLI switch on.
 * Anything else thrown from the store is a bug or an I/O fault.
 */
import { AppError } from '../../common/errors';

export type StoreErrorCode =
  | 'newer-version' // the file was written by a newer app
  | 'corrupt' // quick_check failed or the file is not a SQLite database
  | 'not-found' // an id that does not exist
  | 'invalid' // a request that breaks a rule (wrong order list, a document moved into another issue …)
  | 'io' // the file cannot be opened or written
  | 'busy' // another program holds the write lock longer than the busy timeout
  | 'disk-full' // SQLITE_FULL: nothing was written
  | 'read-only'; // the file or its folder cannot be written

export class StoreError extends AppError<StoreErrorCode> {
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}

export function notFound(what: string, whatInEnglish: string, id: string): StoreError {
  return new StoreError('not-found', `${what}不存在 (${whatInEnglish} not found: ${id.slice(0, 100)})`);
}

/** One clear sentence per SQLite failure a user can meet; the English code stays for the log. */
const SQLITE_SENTENCES: Array<[prefix: string, code: StoreErrorCode, sentence: string]> = [
  ['SQLITE_BUSY', 'busy', '资料库正被另一程序写入，请稍候再试，刚才的修改没有保存。'],
  ['SQLITE_LOCKED', 'busy', '资料库正被另一程序写入，请稍候再试，刚才的修改没有保存。'],
  ['SQLITE_FULL', 'disk-full', '磁盘已满，刚才的修改没有保存。请腾出磁盘空间后再试，已保存的内容不受影响。'],
  ['SQLITE_READONLY', 'read-only', '资料库是只读的（文件或所在文件夹不可写），不能保存修改。'],
  ['SQLITE_CORRUPT', 'corrupt', '资料库文件已损坏，请从备份恢复（文件 → 恢复）。'],
  ['SQLITE_NOTADB', 'corrupt', '这个文件不是资料库，或已损坏，请从备份恢复（文件 → 恢复）。'],
  ['SQLITE_IOERR', 'io', '读写资料库文件时出错（磁盘或网络故障），刚才的修改没有保存。'],
  ['SQLITE_CANTOPEN', 'io', '无法打开资料库文件（文件被移走或没有权限）。'],
  ['SQLITE_PERM', 'read-only', '没有写入资料库的权限，不能保存修改。'],
];

/** The driver's error code (`SQLITE_BUSY`, `SQLITE_IOERR_WRITE` …), or undefined for other errors. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * A StoreError with a clear sentence for a SQLite failure (busy, disk full, read-only, corrupt, I/O), or
 * null when the error is something else. Extended codes (SQLITE_READONLY_DBMOVED …) map by their prefix.
 */
export function storeErrorFromSqlite(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (!code) return null;
  const match = SQLITE_SENTENCES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  if (!match) return null;
  return new StoreError(match[1], `${match[2]} (${code})`, { cause: error });
}
