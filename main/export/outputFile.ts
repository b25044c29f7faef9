/**
 * An output file named by the user (the CLI's --pdf/--docx) is checked before any work: a folder that
 * cannot be made or written is refused with one sentence (common/errors.ts), not after minutes of layout
 * with a raw ENOTDIR. A folder that does not exist yet is made, as the writers do.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
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
