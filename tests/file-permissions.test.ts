/**
 * On a shared machine, nothing the app creates may be writable by other users, whatever umask the session
 * has: the `gazette` command run under umask 000 makes a library (with its backups folder and log), imports
 * into it, exports a DOCX and logs a refused command, and every folder and file it made is neither group- nor world-writable.
 * Under the usual umask 022, what the app keeps beside the library (its folder, the library file, backups,
 * the layout cache) and the log are the user's alone: another local user cannot read unpublished documents.
 * A file written where the user says keeps the umask's mode (a colleague or a web server may read it).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

describe('files the app keeps beside the library, under umask 022', () => {
  it('are private to the user (folders 0700, files 0600); a file written where the user says stays readable', () => {
    const work = path.join(dir, 'usual');
    const source = path.join(dir, 'notice2.txt');
    writeFileSync(source, '关于开展安全生产大检查的通知\n\n各单位：\n为做好安全生产工作，现将有关事项通知如下。\n\n市政府办公室\n2024年6月2日\n');
    const gazette = (...args: string[]) =>
      execFileSync('sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, 'bin/gazette.mjs', ...args], {
        cwd: ROOT,
        env: { ...process.env, GAZETTE_LOG_DIR: path.join(work, 'app', 'logs') },
        encoding: 'utf8',
      });
    const db = path.join(work, 'app', 'library', 'library.sqlite');
    const { issueId } = JSON.parse(gazette('import', source, '--db', db)) as { issueId: string };
    gazette('export', '--issue', issueId, '--pdf', path.join(work, 'out', 'issue.pdf'), '--docx', path.join(work, 'out', 'issue.docx'), '--db', db);
    expect(() => gazette('export', '--issue', 'no-such-issue', '--docx', path.join(work, 'out', 'none.docx'), '--db', db)).toThrow(); // writes the log
    const kept = modes(path.join(work, 'app'));
    expect(kept.map((m) => m.file)).toEqual(
      expect.arrayContaining(['library', 'library/library.sqlite', 'library/backups', 'library/cache', 'library/cache/layout', 'logs', 'logs/gazette.log']),
    );
    expect(kept.filter((m) => m.mode & 0o077).map((m) => `${m.file} ${m.mode.toString(8)}`)).toEqual([]);
    expect(statSync(path.join(work, 'app')).mode & 0o077).toBe(0);
    for (const file of ['issue.pdf', 'issue.docx']) expect((statSync(path.join(work, 'out', file)).mode & 0o777).toString(8)).toBe('644');
  }, 300_000);
});

describe('the app folder an earlier version made readable', () => {
  it('is closed to other users when the app opens its library there; a folder the user chose is left as it is', () => {
    const config = path.join(dir, 'config');
    const appFolder = path.join(config, 'gazette');
    mkdirSync(appFolder, { recursive: true });
    chmodSync(appFolder, 0o755);
    const chosen = path.join(dir, 'shared-folder');
    mkdirSync(chosen);
    chmodSync(chosen, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config, GAZETTE_LOG_DIR: path.join(dir, 'logs3') };
    delete env.GAZETTE_LIBRARY;
    execFileSync(process.execPath, ['bin/gazette.mjs', 'list'], { cwd: ROOT, env, encoding: 'utf8' });
    execFileSync(process.execPath, ['bin/gazette.mjs', 'list', '--db', path.join(chosen, 'library.sqlite')], { cwd: ROOT, env, encoding: 'utf8' });
    expect((statSync(appFolder).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(chosen).mode & 0o777).toString(8)).toBe('755');
    // The library created in the chosen folder is the user's alone all the same.
    expect((statSync(path.join(chosen, 'library.sqlite')).mode & 0o777).toString(8)).toBe('600');
  }, 120_000);
});
