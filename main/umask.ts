/**
 * File modes of what the app creates. Files the app creates (the library and its folder, backups, caches,
 * logs, exports) must never be writable by other users of the machine, whatever umask the session was
 * started with (umask 000 in a service or a misconfigured shell made the library's folder 0777 and the log
 * 0666: anyone could replace the library). Each host (the CLI, the Electron main) calls `denyOthersWrite`
 * once at start: group and others lose write permission; a stricter umask is kept as it is.
 *
 * What the app keeps for itself beside the library (the library file, its folder, backups, caches,
 * `exports/`, deleted issues, the log) holds unpublished documents, so it is private to the user on POSIX:
 * folders it makes are 0700, database files 0600, whatever the umask. Files written where the user says (a
 * save dialog, the CLI's --pdf/--out, the web edition for a web server) keep the umask's mode. Windows
 * ignores these modes: the per-user AppData folder is already closed to other users by its ACL.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export function denyOthersWrite(): void {
  const previous = process.umask(0o022);
  process.umask(previous | 0o022);
}

const POSIX = process.platform !== 'win32';

/** Make `dir` (and any missing parent) as 0700; a folder that exists keeps its mode. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Close a folder the app owns by name (`<appData>/gazette`, made 0755 by an earlier version) to other
 * users: 0700 when it is this user's and still open to group or others. Never a folder the user chose.
 */
export function tightenAppDir(dir: string): void {
  if (!POSIX) return;
  try {
    const stat = statSync(dir);
    if (stat.isDirectory() && stat.uid === process.getuid?.() && stat.mode & 0o077) chmodSync(dir, 0o700);
  } catch {
    // Not there yet (made private when created) or not ours.
  }
}

/** Give files the app just created mode 0600 (skipped on Windows; a file that is gone is skipped). */
export function makePrivateFiles(...files: string[]): void {
  if (!POSIX) return;
  for (const file of files) {
    try {
      if (existsSync(file)) chmodSync(file, 0o600);
    } catch {
      // Another user's file (a shared folder): its owner decides.
    }
  }
}

/**
 * Write a file of the app's own (a cache entry) whole or not at all, mode 0600: into a fresh temp file
 * beside it (random name, exclusive create: a link planted there is never followed), then renamed over it.
 * A process killed mid-write leaves the old entry or none, never a truncated one. Not flushed: after a
 * power cut the entry may be empty, which its reader takes as a miss. Throws on failure.
 */
export function writePrivateFileSync(file: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
