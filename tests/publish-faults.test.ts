/**
 * Faults while the web edition is written (`gazette publish`, the folder a user uploads to the portal): the
 * process killed in the middle, and a full disk. The earlier edition in the folder must stay exactly as it
 * was, with no half-written file in it; the next publish replaces the edition's own files whole (a page of a
 * removed document goes) and keeps the portal's own files beside them. The full disk is a small real tmpfs
 * (needs root; skipped with a message otherwise).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../main/store/index';
import { chromiumPath, ensureBuilt, ROOT } from './e2e-support';
import { makeTree, tempDir } from './store-fixtures';

const canRun = !!chromiumPath();
if (!canRun) console.warn('publish-faults: skipped (no Chromium)');
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
if (canRun && !canMount) console.warn('publish-faults: full-disk test skipped (needs root to mount a small tmpfs)');

const { dir, cleanup } = tempDir('gazette-publish-faults-');
const libraryFile = path.join(dir, 'work', 'library.sqlite');
let issueId: string;
const mounts: string[] = [];

beforeAll(() => {
  if (!canRun) return;
  ensureBuilt();
  const library = openLibrary(libraryFile, { logger: { warn: () => {} } });
  issueId = library.issues.insertTree(makeTree());
  library.close();
});
afterAll(() => {
  while (mounts.length) spawnSync('umount', [mounts.pop()!]);
  cleanup();
});

/** Every file under `top` (hidden ones too) with the hash of its bytes. */
function snapshot(top: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(top, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(top, rel);
    if (statSync(full).isFile()) out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

/** An earlier edition, recognisable byte for byte, with a page of a document removed since and the portal's own file. */
function earlierEdition(out: string): void {
  mkdirSync(path.join(out, 'docs'), { recursive: true });
  mkdirSync(path.join(out, 'pdf'), { recursive: true });
  writeFileSync(path.join(out, 'index.html'), '<!doctype html><title>上一期网页版</title>'.repeat(200));
  writeFileSync(path.join(out, 'issue.json'), '{"earlier": true}\n');
  writeFileSync(path.join(out, 'docs', 'removed-document.html'), '<!doctype html><title>已删除的文件</title>');
  writeFileSync(path.join(out, 'pdf', 'issue.pdf'), '%PDF-1.7\n% the earlier issue PDF\n'.repeat(500));
  writeFileSync(path.join(out, 'portal-notice.txt'), '门户网站自己的文件，发布时不得删除');
}

function publish(out: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['bin/gazette.mjs', 'publish', '--db', libraryFile, '--issue', issueId, '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GAZETTE_LOG_DIR: path.join(dir, 'logs') },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

describe.skipIf(!canRun)('publish killed or refused half-way', () => {
  it('killed while writing: the earlier edition stays as it was; the next publish replaces it and keeps the portal’s file', async () => {
    const site = path.join(dir, 'site');
    const out = path.join(site, 'edition');
    earlierEdition(out);
    const before = snapshot(site);

    const child = spawn(process.execPath, ['bin/gazette.mjs', 'publish', '--db', libraryFile, '--issue', issueId, '--out', out], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, GAZETTE_LOG_DIR: path.join(dir, 'logs') },
    });
    // Killed as soon as the publish has written its first file anywhere in the site folder.
    let killed = false;
    const poll = setInterval(() => {
      if (killed) return;
      const now = Object.keys(snapshot(site));
      if (now.length !== Object.keys(before).length || now.some((f) => !(f in before))) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 20);
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    clearInterval(poll);
    expect(killed).toBe(true);
    // Only the hidden unfinished build beside the folder; the edition itself untouched.
    const after = snapshot(site);
    const edition = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('edition/')));
    expect(edition(after)).toEqual(edition(before));

    // A day later the next publish: the earlier unfinished build is tidied, the edition replaced whole.
    for (const name of readdirSync(site).filter((n) => n.startsWith('.'))) {
      const old = new Date(Date.now() - 24 * 3600_000);
      utimesSync(path.join(site, name), old, old);
    }
    const done = await publish(out);
    expect(done.code, done.stderr).toBe(0);
    expect(readdirSync(site)).toEqual(['edition']);
    expect(readFileSync(path.join(out, 'portal-notice.txt'), 'utf8')).toBe('门户网站自己的文件，发布时不得删除');
    expect(existsSync(path.join(out, 'docs', 'removed-document.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'pdf', 'issue.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(readFileSync(path.join(out, 'issue.json'), 'utf8'))).toHaveProperty('documents');
    // Readable by the portal's web server (another user): the folder is not the private 0700 of a temp folder.
    expect(statSync(out).mode & 0o005).toBe(0o005);
  }, 600_000);

  it.skipIf(!canMount)('a full disk: one sentence, the earlier edition as it was, nothing left beside it', async () => {
    const mnt = path.join(dir, 'disk');
    mkdirSync(mnt);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]).status).toBe(0);
    mounts.push(mnt);
    const out = path.join(mnt, 'edition');
    earlierEdition(out);
    const free = Number(spawnSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
    writeFileSync(path.join(mnt, 'ballast.bin'), Buffer.alloc(Math.max(0, free - 32 * 1024), 1));
    const before = snapshot(out);

    const result = await publish(out);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n').filter((l) => l.startsWith('gazette publish:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/磁盘已满/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(mnt).sort()).toEqual(['ballast.bin', 'edition']);
  }, 600_000);
});
