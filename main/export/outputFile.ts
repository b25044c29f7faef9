/**
 * An output file named by the user (the CLI's --pdf/--docx) is checked before any work: a folder that
 * cannot be made or written is refused with one sentence (common/errors.ts), not after minutes of layout
 * with a raw ENOTDIR. A folder that does not exist yet is made, as the writers do.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';

const REASONS: Record<string, string> = {
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EEXIST: '路径中有一段是文件而不是文件夹',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '磁盘是只读的',
  ENOSPC: '磁盘已满',
};

/** Why a file-system call failed, as the one sentence says it (磁盘已满, 没有写入权限 …). */
export function ioReason(code: string): string {
  return REASONS[code] ?? `写入失败 (${code || 'error'})`;
}

export function checkOutputFile(file: string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? `无法创建或写入 (${code || 'error'})`;
    throw new AppError('io', `无法写入输出文件夹 ${dir}：${reason}，没有生成文件 (cannot write the output folder)`, { cause: error });
  }
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // No file there yet: the usual case.
  }
  if (isFolder) throw new AppError('io', `输出路径 ${target} 是一个文件夹，请给出文件名，没有生成文件 (the output path is a folder)`);
}

/** A writer of this target killed earlier left its temp file: gone once it is older than any write takes. */
const STALE_TEMP_MS = 60 * 60 * 1000;

function removeStaleTemps(target: string): void {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return; // a folder we may write but not list: nothing to tidy
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const temp = path.join(path.dirname(target), name);
    const stat = statSync(temp, { throwIfNoEntry: false });
    if (stat?.isFile() && Date.now() - stat.mtimeMs > STALE_TEMP_MS) rmSync(temp, { force: true });
  }
}

/**
 * Write an export whole or not at all: into a fresh temp file beside it (random name, exclusive create, so a
 * file or symlink planted at a guessable name is never followed), flushed, then renamed over the target.
 * A full disk, a read-only folder or a killed process leaves the previous file at that path whole; a failed
 * write removes its temp file and throws one sentence (AppError 'io'); a killed writer's temp file is removed
 * by the next write of the same target, an hour later at the earliest.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemps(target);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new AppError('io', `无法写入 ${target}：${ioReason(code)}，原有文件未改动 (the file was not written)`, { cause: error });
  }
}
