/**
 * The main-process log: `<appData>/gazette/logs/gazette.log` (GAZETTE_LOG_DIR overrides the folder), one
 * line per event, rotated at MAX_BYTES into gazette.log.1 … .KEPT. The app, the web bridge and every
 * `gazette` command write here, so "详情已写入日志" is true. Only messages, error names, codes and stack
 * frames are written, never payloads: documents' text stays out of the log.
 */
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { appDataDir } from './paths';
import { makePrivateDir } from './umask';

export const LOG_FILE_NAME = 'gazette.log';
const MAX_BYTES = 1024 * 1024;
const KEPT = 3;
const MAX_LINE = 4000;

export interface FileLogger {
  file: string;
  info(message: string): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function logDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.GAZETTE_LOG_DIR ? path.resolve(env.GAZETTE_LOG_DIR) : path.join(appDataDir(env), 'gazette', 'logs');
}

/** An error as the log shows it: name, code, message and stack frames; any other value by its type only. */
export function describeDetail(detail: unknown): string {
  if (detail === undefined || detail === null || detail === '') return '';
  if (detail instanceof Error) {
    const code = (detail as { code?: unknown }).code;
    const frames = (detail.stack ?? '').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('at ')).slice(0, 8).join(' | ');
    const cause = detail.cause instanceof Error ? ` <- ${detail.cause.name}${(detail.cause as { code?: unknown }).code ? ` ${String((detail.cause as { code?: unknown }).code)}` : ''}: ${detail.cause.message}` : '';
    return `${detail.name}${typeof code === 'string' ? ` ${code}` : ''}: ${detail.message}${cause}${frames ? ` | ${frames}` : ''}`;
  }
  if (typeof detail === 'string') return detail;
  return `(${typeof detail})`;
}

function rotate(file: string): void {
  rmSync(`${file}.${KEPT}`, { force: true });
  for (let n = KEPT - 1; n >= 1; n--) if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  renameSync(file, `${file}.1`);
}

/** A logger appending to the log file; `source` says who wrote (app, web, cli). Never throws. */
export function createFileLogger(source: string, opts: { dir?: string; maxBytes?: number; echo?: (line: string) => void } = {}): FileLogger {
  const dir = opts.dir ?? logDir();
  const file = path.join(dir, LOG_FILE_NAME);
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  const write = (level: string, message: string, detail?: unknown) => {
    const extra = describeDetail(detail);
    const text = `${message}${extra ? ` — ${extra}` : ''}`.replace(/[\r\n]+/g, ' ').slice(0, MAX_LINE);
    opts.echo?.(`${message}${extra && level === 'ERROR' ? ` ${extra.split(' | ')[0]}` : ''}`);
    try {
      makePrivateDir(dir);
      if (existsSync(file) && statSync(file).size >= maxBytes) rotate(file);
      appendFileSync(file, `${new Date().toISOString()} ${level} ${source}[${process.pid}] ${text}\n`, { mode: 0o600 });
    } catch {
      // A log that cannot be written (full disk, read-only folder) must never stop the work.
    }
  };
  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message, detail) => write('WARN', message, detail),
    error: (message, detail) => write('ERROR', message, detail),
  };
}
