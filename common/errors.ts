/**
 * The one error style of the app. Whatever goes wrong in a way a person should hear about carries
 *   - `code`: a short kebab-case word that code switches on (`not-found`, `busy`, `not-text` …), and
 *   - `message`: one sentence in Chinese, as the UI shows it (English detail in brackets where it helps
 *     the log or the CLI), that says what happened and that nothing was lost.
 * Two forms of the same thing:
 *   - a result, `{ ok: true, … } | { ok: false, error: UserError }`, where failing is an ordinary outcome
 *     (importers: a file that is not a 公文 is no bug);
 *   - a thrown `AppError`, where the caller cannot go on (the store refusing a rule, a CLI argument).
 * The AppErrors: StoreError (main/store/errors.ts; handlers throw it too, e.g. `invalid` for a file that
 * cannot be imported), CliError (main/commands/shared.ts) and plain AppErrors of the year's work
 * (main/export/volume.ts, main/handlers/volume.ts). `handleCall` (main/handlers/call.ts) passes an
 * AppError's code and message to the caller as the contract's `{ ok: false, error }` when the code is one of
 * the contract's (ERROR_CODES in common/ipc/index.ts); any other exception is a bug: logged, and the caller
 * gets a generic sentence. Word conversion results carry a DocxError (main/import/docxProtocol.ts).
 */

export interface UserError {
  code: string;
  message: string;
}

/** The failure half of a result. */
export interface Failure<C extends string = string> {
  ok: false;
  error: UserError & { code: C };
}

export function failure<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, error: { code, message } };
}

export class AppError<C extends string = string> extends Error implements UserError {
  readonly code: C;
  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}
