/**
 * The IPC contract: channel -> { input, output } zod schemas, plus events. One file per area; an area is
 * added with one spread line in `contract` (and `events`). Shared by the Electron preload/ipcMain wiring, the
 * HTTP bridge (`POST /api/<channel>`) and the renderer.
 *
 * Every channel is reachable from the renderer, so no input is a file path (tests/contract-paths.test.ts
 * checks it). A channel that writes a file for the user returns `savedFile` (schemas.ts): the host chose the
 * place (main/handlers/userFiles.ts `writeUserFile`: Electron's save dialog, the CLI's argument, else a fresh
 * name in `exports/`), and the caller gets an `exportId` for `export.download` and `shell.reveal`. A channel
 * that reads a user's file takes its bytes, or `{ pick: true }` to let the host ask (HandlerDeps.chooseOpenFile).
 */
import type { z } from 'zod';
import { libraryChannels, libraryEvents } from './library';
import { exportChannels, exportEvents } from './export';
import { appEvents } from './app';
import { wordImportChannels } from './wordImport';
import { libraryHealthChannels } from './libraryHealth';
import { publishChannels } from './publish';
import { fileImportChannels } from './fileImport';
import { volumeChannels, volumeEvents } from './volume';

export const contract = {
  ...libraryChannels,
  ...exportChannels,
  ...wordImportChannels,
  ...libraryHealthChannels,
  ...publishChannels,
  ...fileImportChannels,
  ...volumeChannels,
} as const;

export const events = {
  ...libraryEvents,
  ...exportEvents,
  ...appEvents,
  ...volumeEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a handler receives (after parsing). */
export type ChannelInput<C extends Channel> = z.output<Contract[C]['input']>;
/** What a caller sends. */
export type ChannelRequest<C extends Channel> = z.input<Contract[C]['input']>;
/** What a caller receives. */
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Codes of the errors a call may return (an AppError thrown with one of them reaches the caller as it is). */
export const ERROR_CODES = [
  'unknown-channel',
  'bad-request', // payload refused by the input schema (wrong type, too large, unknown fields)
  'not-found',
  'invalid', // a rule was broken (e.g. a wrong order list)
  'newer-version',
  'corrupt',
  'io', // a file cannot be read or written (the library, an output folder)
  'busy', // another program is writing the library (资料库正被另一程序写入)
  'disk-full',
  'read-only', // the library was opened read-only, or cannot be written
  'running', // one of a kind at a time: another 年度总目录 or 合订本 is being made
  'cancelled', // the user cancelled a long job
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

export interface CallError {
  code: ErrorCode;
  message: string;
}

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CallError };

export * as schemas from './schemas';
