/**
 * Errors the store raises on purpose. `message` is user-facing (Chinese, with English detail where it helps);
 * `code` is what handlers and the CLI switch on. Anything else thrown from the store is a bug or an I/O fault.
 */
export type StoreErrorCode =
  | 'newer-version' // the file was written by a newer app
  | 'corrupt' // quick_check failed or the file is not a SQLite database
  | 'not-found' // an id that does not exist
  | 'invalid' // a request that breaks a rule (wrong order list, a document moved into another issue …)
  | 'io'; // the file cannot be opened or written

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function notFound(what: string, whatInEnglish: string, id: string): StoreError {
  return new StoreError('not-found', `${what}不存在 (${whatInEnglish} not found: ${id.slice(0, 100)})`);
}
