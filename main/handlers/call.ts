/**
 * The one wrapper every contract call goes through (Electron ipcMain, the HTTP bridge, the CLI):
 * parse the payload with the channel's zod input, call the handler, check its output, and turn any error
 * into `{ ok: false, error: { code, message } }`: an AppError (common/errors.ts) with a contract code keeps its
 * sentence, anything else gets a generic one. Details go to the logger, never to the caller.
 * It never throws.
 */
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import { contract, isChannel, isErrorCode, type CallError, type CallResult, type Channel } from '../../common/ipc/index';
import { storeErrorFromSqlite } from '../store/index';
import type { HandlerDeps, HandlerLogger } from './deps';
import { handlers } from './registry';
import type { Handler } from './types';

export interface CallContext {
  deps: HandlerDeps;
  logger?: HandlerLogger;
}

const consoleLogger: HandlerLogger = {
  warn: (message, detail) => console.warn(message, detail ?? ''),
  error: (message, detail) => console.error(message, detail ?? ''),
};

/** A readable, value-free summary of why a payload was refused: where and what, never the data itself. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(payload)';
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > max) parts.push(`… ${error.issues.length - max} more`);
  return parts.join('; ');
}

function fail(code: CallError['code'], message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

/** An AppError whose code the contract knows: its sentence goes to the caller as it is. */
function knownAppError(error: unknown): CallError | null {
  if (!(error instanceof AppError)) return null;
  const { code, message } = error as AppError<string>;
  return isErrorCode(code) ? { code, message } : null;
}

export async function handleCall(channel: string, rawPayload: unknown, ctx: CallContext): Promise<CallResult> {
  const logger = ctx.logger ?? ctx.deps.logger ?? consoleLogger;
  if (!isChannel(channel)) return fail('unknown-channel', `未知的调用：${channel.slice(0, 100)} (unknown channel)`);
  const spec = contract[channel];
  let parsed: ReturnType<typeof spec.input.safeParse>;
  try {
    parsed = spec.input.safeParse(rawPayload ?? {});
  } catch (error) {
    // A payload so deep or odd that validation itself failed (stack overflow, a throwing getter …).
    logger.warn(`refused ${channel}: payload could not be checked (${error instanceof Error ? error.name : 'error'})`);
    return fail('bad-request', `请求参数无效 (invalid request for ${channel})`);
  }
  if (!parsed.success) {
    const detail = describeIssues(parsed.error);
    logger.warn(`refused ${channel}: ${detail}`);
    return fail('bad-request', `请求参数无效 (invalid request for ${channel}): ${detail}`);
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as Handler<Channel>;
    value = await handler(ctx.deps, parsed.data as never);
  } catch (error) {
    const known = storeErrorFromSqlite(error) ?? knownAppError(error);
    if (known) {
      if (known.code !== 'not-found' && known.code !== 'invalid') logger.error(`${channel} failed: ${known.code}`, error);
      return fail(known.code, known.message);
    }
    logger.error(`${channel} failed`, error);
    return fail('internal', '操作失败，详情已写入日志 (internal error; details logged)');
  }
  const checked = spec.output.safeParse(value);
  if (!checked.success) {
    logger.error(`${channel} returned a value outside its contract: ${describeIssues(checked.error)}`);
    return fail('internal', '操作失败，详情已写入日志 (internal error; details logged)');
  }
  return { ok: true, value: checked.data };
}

/** For hosts that want the channel list (preload function names, HTTP routes). */
export const channels = Object.keys(contract) as Channel[];
