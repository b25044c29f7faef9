/**
 * A folder written whole or not at all (the web edition): built in a hidden sibling folder and swapped in
 * by renames when complete, so a full disk, a failure or a killed process never leaves a half-written
 * edition at the path a user uploads to the portal. Entries of the folder that the writer does not own
 * (a portal's own files beside the edition) are carried over into the new folder; the writer's own entries
 * are replaced whole, so pages of documents removed since the last publish go too.
 *
 * Linux and Windows cannot exchange two folders in one step: the old folder is renamed aside
 * (`.<name>.<hex>.old`), the new one renamed in, the carried entries moved over, the old removed. A process
 * killed between those steps is finished by the next write of the same folder (`finishSwaps`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { ioReason } from './outputFile';

/** A killed writer's unfinished folder is removed once older than any publish takes. */
const STALE_BUILD_MS = 60 * 60 * 1000;

function siblings(target: string, suffix: 'tmp' | 'old'): string[] {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const pattern = new RegExp(`^[0-9a-f]{12}\\.${suffix}$`);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix) && pattern.test(n.slice(prefix.length))).map((n) => path.join(parent, n));
}

/** Move the entries of `from` that `to` lacks and the writer does not own into `to`. */
function carryOver(from: string, to: string, owned: ReadonlySet<string>): void {
  for (const name of readdirSync(from)) {
    if (owned.has(name) || existsSync(path.join(to, name))) continue;
    renameSync(path.join(from, name), path.join(to, name));
  }
}

/** Finish what a killed writer left: an old folder put back (no new one came) or emptied of carried entries. */
function finishSwaps(target: string, owned: ReadonlySet<string>): void {
  for (const old of siblings(target, 'old')) {
    if (!existsSync(target)) renameSync(old, target);
    else {
      carryOver(old, target, owned);
      rmSync(old, { recursive: true, force: true });
    }
  }
  for (const build of siblings(target, 'tmp')) {
    const stat = statSync(build, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_BUILD_MS) rmSync(build, { recursive: true, force: true });
  }
}

/**
 * Build `dir` with `build(temp)` and put it in place whole. `owned`: the top-level names the writer makes
 * (replaced whole); anything else in an existing `dir` is kept. A failure removes the unfinished folder,
 * leaves `dir` as it was and throws one sentence (AppError 'io') for file-system errors.
 */
export async function writeFolderAtomic<T>(dir: string, owned: readonly string[], build: (temp: string) => Promise<T>): Promise<T> {
  const target = path.resolve(dir);
  const ownedNames = new Set(owned);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || error instanceof AppError) throw error;
    throw new AppError('io', `无法写入 ${target}：${ioReason(code)}，原有文件夹未改动 (the folder was not written)`, { cause: error });
  };
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    finishSwaps(target, ownedNames);
    if (existsSync(target) && !statSync(target).isDirectory())
      throw new AppError('io', `输出路径 ${target} 是一个文件，不是文件夹，没有生成网页版 (the output path is a file)`);
    // Not mkdtemp: the edition is for a web server to read, so the folder takes the usual mode, not 0700.
    mkdirSync(temp);
  } catch (error) {
    fail(error);
  }
  let value: T;
  try {
    value = await build(temp);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    return fail(error);
  }
  try {
    if (!existsSync(target)) renameSync(temp, target);
    else {
      const old = `${temp.slice(0, -'.tmp'.length)}.old`;
      renameSync(target, old);
      renameSync(temp, target);
      carryOver(old, target, ownedNames);
      rmSync(old, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    finishSwaps(target, ownedNames);
    fail(error);
  }
  return value;
}
