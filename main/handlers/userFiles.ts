/**
 * Files written for the user (exports, issue packages): where they go and how later calls name them.
 * The path is the host's choice (HandlerDeps.chooseSaveFile) or a fresh name in `exports/` beside the
 * library; callers get an opaque `exportId` for `export.download` and `shell.reveal`, never a path to pass back.
 */
import { closeSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { issueLabel, newId, type IssueTree } from '../../common/model/index';
import { StoreError } from '../store/index';
import { makePrivateDir } from '../umask';
import type { HandlerDeps, UserFileKind } from './deps';

export const MIME_OF: Record<UserFileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  gazette: 'application/x-sqlite3',
};

/** `exports/` beside the library file (the working directory for an in-memory library). */
export function exportsFolderFor(libraryFile: string | undefined): string {
  const base = libraryFile && libraryFile !== ':memory:' ? path.dirname(path.resolve(libraryFile)) : process.cwd();
  return path.join(base, 'exports');
}

export function exportsFolder(deps: HandlerDeps): string {
  return exportsFolderFor(deps.library.file);
}

/** The name every file of an issue starts with: 格尔木市人民政府政务公开信息-2024年第6期 */
export function issueFileStem(tree: IssueTree): string {
  const { issue } = tree;
  return `${issue.journalName || '政务公开信息'}-${issueLabel(issue)}`;
}

/** A document's title as part of a file name: no path or reserved characters, not too long. */
export function documentFileStem(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 60) || '文件';
}

/** A file name without characters Windows, macOS or Linux refuse. */
export function safeFileName(name: string): string {
  const printable = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]/g, '_').trim() || 'export';
}

/** Exports under way are written in a folder of their own inside exports/, out of the user's sight. */
export const UNFINISHED_FOLDER = '.unfinished';
/** An export killed mid-way left its folder: removed by a later export once older than any export takes. */
const STALE_UNFINISHED_MS = 60 * 60 * 1000;

function removeStaleUnfinished(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const stat = statSync(path.join(root, name), { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_UNFINISHED_MS) rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/**
 * Give a finished file its name in `dir`: `name.ext`, or `name-2.ext`, `name-3.ext` … when taken. A hard
 * link never replaces an existing file (EEXIST), so two exports finishing together never take the same
 * name; where links are not supported (FAT, some network drives) the name is taken by exclusive create
 * and the file renamed over it at once.
 */
export function placeUnderFreshName(finished: string, dir: string, fileName: string): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  let linking = true;
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, n === 1 ? fileName : `${stem}-${n}${ext}`);
    try {
      if (linking) {
        linkSync(finished, candidate);
        rmSync(finished, { force: true });
      } else {
        closeSync(openSync(candidate, 'wx'));
        renameSync(finished, candidate);
      }
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && n <= 10_000) continue;
      if (linking && code !== 'EEXIST' && code !== 'ENOSPC' && code !== 'EROFS' && code !== 'EACCES') {
        linking = false;
        n -= 1; // the same name again, without a link
        continue;
      }
      throw error;
    }
  }
}

/**
 * Write a file for the user: where the host chooses, or a fresh name in exports/. Null: the user canceled
 * the dialog. Into exports/ the file is written in a folder of its own (`exports/.unfinished/…`) and
 * takes its name only when whole: a failed or killed export leaves no file that looks like an export, and
 * the next one does not have to step over it to `-2`.
 */
export async function writeUserFile<T>(
  deps: HandlerDeps,
  kind: UserFileKind,
  suggestedName: string,
  write: (file: string) => Promise<T> | T,
): Promise<{ file: string; value: T } | null> {
  const fileName = safeFileName(suggestedName);
  if (deps.chooseSaveFile) {
    const chosen = await deps.chooseSaveFile({ kind, suggestedName: fileName });
    if (!chosen) return null;
    const file = path.resolve(chosen);
    return { file, value: await write(file) };
  }
  const dir = exportsFolder(deps);
  const unfinished = path.join(dir, UNFINISHED_FOLDER);
  makePrivateDir(unfinished);
  removeStaleUnfinished(unfinished);
  const work = mkdtempSync(path.join(unfinished, 'export-'));
  try {
    const staged = path.join(work, fileName);
    const value = await write(staged);
    return { file: placeUnderFreshName(staged, dir, fileName), value };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const MAX_REMEMBERED = 500;

/**
 * The files a host wrote for the user, by exportId, for `export.download` and `shell.reveal`. The host
 * (Electron main, the web bridge) owns one for its life (HandlerDeps.userFiles) and clears it when it stops;
 * without one (the CLI) a written file's id names nothing later.
 */
export class UserFileRegistry {
  private readonly written = new Map<string, { file: string; kind: UserFileKind }>();

  /** Remember a written file; the id names it in later calls to this host. */
  remember(file: string, kind: UserFileKind): string {
    const exportId = newId();
    this.written.set(exportId, { file: path.resolve(file), kind });
    if (this.written.size > MAX_REMEMBERED) this.written.delete(this.written.keys().next().value!);
    return exportId;
  }

  get(exportId: string): { file: string; kind: UserFileKind } | undefined {
    return this.written.get(exportId);
  }

  /** The bytes of a remembered file, for a download. */
  read(exportId: string): { fileName: string; mime: string; dataBase64: string } {
    const entry = this.written.get(exportId);
    if (!entry) throw new StoreError('not-found', '导出文件已不可用，请重新导出 (export not found)');
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.file);
    } catch {
      throw new StoreError('not-found', `导出文件已被移走或删除：${path.basename(entry.file)}`);
    }
    return { fileName: path.basename(entry.file), mime: MIME_OF[entry.kind], dataBase64: bytes.toString('base64') };
  }

  get size(): number {
    return this.written.size;
  }

  /** Forget every file (the files stay where they were written). */
  clear(): void {
    this.written.clear();
  }
}

/** The host's registry, or an empty one for this call. */
export function userFilesOf(deps: HandlerDeps): UserFileRegistry {
  return deps.userFiles ?? new UserFileRegistry();
}

/** The contract's answer for a written file. */
export function savedFileResult(deps: HandlerDeps, file: string, kind: UserFileKind, warnings: string[] = []) {
  return { canceled: false as const, exportId: userFilesOf(deps).remember(file, kind), fileName: path.basename(file), path: path.resolve(file), warnings };
}
