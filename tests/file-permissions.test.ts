/**
 * On a shared machine, nothing the app creates may be writable by other users, whatever umask the session
 * has: the `gazette` command run under umask 000 makes a library (with its backups folder and log), imports
 * into it, exports a DOCX and logs a refused command, and every folder and file it made is neither group- nor world-writable.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const { dir, cleanup } = tempDir('gazette-perms-');
afterAll(cleanup);

/** Every path under `top` with its permission bits. */
function modes(top: string): Array<{ file: string; mode: number }> {
  return readdirSync(top, { recursive: true, encoding: 'utf8' }).map((rel) => ({ file: rel, mode: statSync(path.join(top, rel)).mode & 0o777 }));
}

describe('files the app creates under umask 000', () => {
  it('are neither group- nor world-writable', () => {
    const work = path.join(dir, 'work');
    const source = path.join(dir, 'notice.txt');
    writeFileSync(source, '关于开展城市体检工作的通知\n\n各单位：\n为做好城市体检工作，现将有关事项通知如下。\n\n市政府办公室\n2024年6月1日\n');
    const gazette = (...args: string[]) =>
      execFileSync('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, 'bin/gazette.mjs', ...args], {
        cwd: ROOT,
        env: { ...process.env, GAZETTE_LOG_DIR: path.join(work, 'logs') },
        encoding: 'utf8',
      });
    const db = path.join(work, 'library', 'library.sqlite');
    const { issueId } = JSON.parse(gazette('import', source, '--db', db)) as { issueId: string };
    gazette('export', '--issue', issueId, '--docx', path.join(work, 'out', 'issue.docx'), '--db', db);
    // A refused command writes the log.
    expect(() => gazette('export', '--issue', 'no-such-issue', '--docx', path.join(work, 'out', 'none.docx'), '--db', db)).toThrow();
    const made = modes(work);
    expect(made.map((m) => m.file)).toEqual(expect.arrayContaining(['library', 'library/library.sqlite', 'library/backups', 'logs/gazette.log', 'out/issue.docx']));
    expect(made.filter((m) => m.mode & 0o022).map((m) => `${m.file} ${m.mode.toString(8)}`)).toEqual([]);
  }, 120_000);
});
