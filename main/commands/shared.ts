/** Helpers shared by CLI commands: argument parsing, opening the library, calling the contract. */
import { inspect, parseArgs } from 'node:util';
import type { Channel, ChannelOutput, ChannelRequest } from '../../common/ipc/index';
import type { ExportHost } from '../handlers/export';
import { handleCall, type HandlerDeps } from '../handlers/index';
import { createFileLogger, type FileLogger } from '../log';
import { defaultLibraryPath, openAppLibrary } from '../paths';
import { AppError } from '../../common/errors';
import { openLibrary, type Library } from '../store/index';

export interface CliContext {
  /** Write to stdout (a newline is added). */
  out(text: string): void;
  /** Write to stderr (a newline is added). */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The log file the command writes to; main() (main/cli.ts, the CLI's composition root) gives every command one. */
  log?: FileLogger;
}

/** The command's log: the one main() made, or a fresh one for a command run on its own (a logger holds no resources). */
export function cliLog(ctx: CliContext): FileLogger {
  return ctx.log ?? createFileLogger('cli');
}

/** A failure to report as one line on stderr, with an exit code. */
/** A command's one-line refusal (common/errors.ts style): printed on stderr, then exit with `exitCode`. */
export class CliError extends AppError<'cli'> {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super('cli', message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

type OptionKind = 'string' | 'boolean';
/** An option: its kind, or node:util parseArgs' form `{ type, short?, default? }`. */
export type OptionDef = OptionKind | { type: OptionKind; short?: string; default?: string | boolean };
export type OptionSpec = Record<string, OptionDef>;
type KindOf<D> = D extends OptionKind ? D : D extends { type: infer K } ? K : never;
export type OptionValues<S extends OptionSpec> = { [K in keyof S]?: KindOf<S[K]> extends 'string' ? string : boolean };

/** Parse argv strictly; unknown options and missing values become a CliError (exit 2). */
export function parseCommandArgs<S extends OptionSpec>(argv: string[], spec: S): { values: OptionValues<S>; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(spec).map(([name, def]) => [name, typeof def === 'string' ? { type: def } : def]));
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues<S>, positionals };
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

export const dbOption = { db: { type: 'string' } } as const;
export const jsonOption = { json: { type: 'boolean', default: false } } as const;

/**
 * Open the library named by --db, or the desktop app's library. An explicit --db file starts empty;
 * the app's own library starts with the sample issue, as in the app.
 */
export function openCliLibrary(db: string | undefined, ctx: CliContext): Library {
  const log = cliLog(ctx);
  const silent = {
    warn: (m: string) => {
      log.warn(m);
      process.stderr.write(`${m}\n`);
    },
  };
  return db ? openLibrary(db, { logger: silent, dailyBackup: true }) : openAppLibrary(defaultLibraryPath(ctx.env), { logger: silent });
}

export async function withLibrary<T>(db: string | undefined, ctx: CliContext, fn: (library: Library) => Promise<T>): Promise<T> {
  const library = openCliLibrary(db, ctx);
  try {
    return await fn(library);
  } finally {
    library.close();
  }
}

/**
 * Call a channel through the same wrapper as the app; a refused or failed call becomes a CliError. `host`
 * gives the command's own arguments to the handlers: the files it writes or reads (chooseSaveFile,
 * chooseOpenFile), never as fields of the payload.
 */
export async function callChannel<C extends Channel>(
  ctx: CliContext,
  library: Library,
  channel: C,
  payload: ChannelRequest<C>,
  host: Omit<HandlerDeps, 'library'> & ExportHost = {},
): Promise<ChannelOutput<C>> {
  const log = cliLog(ctx);
  const result = await handleCall(channel, payload, {
    deps: { library, ...host },
    logger: {
      warn: (m) => log.warn(m),
      error: (m, d) => {
        log.error(m, d);
        process.stderr.write(`${m}: ${d instanceof Error ? d.message : typeof d === 'string' ? d : inspect(d ?? '')}\n`);
      },
    },
  });
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as ChannelOutput<C>;
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}
