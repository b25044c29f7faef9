/**
 * Faults while an export is written: a full disk, a read-only disk, a symlink planted at the output path,
 * and the process killed in the middle of the write. The previous file at that path must survive whole,
 * no temp file may stay behind after a refused write, and the user gets one sentence. The disks are small
 * real tmpfs mounts (needs root; the tests that need them say they were skipped otherwise). The PDF goes
 * through the one export path with real Chromium, as the app calls it (a save dialog choosing the path).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHostServices, handlerServices } from '../main/hostServices';
import { writeFileAtomic } from '../main/export/outputFile';
import { writeUserFile } from '../main/handlers/userFiles';
import { handleCall, type HandlerDeps } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { chromiumPath } from './e2e-support';
import { makeTree, tempDir } from './store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
if (!canMount) console.warn('export-faults: disk tests skipped (needs root to mount a small tmpfs)');
const canPrint = !!chromiumPath();
if (!canPrint) console.warn('export-faults: PDF tests skipped (no Chromium)');

const { dir, cleanup } = tempDir('gazette-export-faults-');
const mounts: string[] = [];
let library: Library;
let issueId: string;
const services = createHostServices();
const quiet = { warn: () => {}, error: () => {} };

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** A stand-in for an earlier export: bytes a test can recognise whole. */
const OLD = Buffer.from('%PDF-1.7\n% the previous export, which must survive whole\n'.repeat(2000));

function mountTmpfs(name: string, size: string): string {
  const mnt = path.join(dir, name);
  mkdirSync(mnt);
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mnt]).status).toBe(0);
  mounts.push(mnt);
  return mnt;
}

/** Fill a disk to the last few KB, so any export fails part-way. */
function fill(mnt: string): void {
  const free = () => {
    const s = spawnSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' });
    return Number(s.stdout.trim().split('\n').pop());
  };
  writeFileSync(path.join(mnt, 'ballast.bin'), Buffer.alloc(Math.max(0, free() - 16 * 1024), 1));
}

async function exportTo(kind: 'pdf' | 'docx', file: string): Promise<Awaited<ReturnType<typeof handleCall>>> {
  const deps: Partial<HandlerDeps> = { library, logger: quiet, ...handlerServices(services), chooseSaveFile: () => Promise.resolve(file) };
  return handleCall(kind === 'pdf' ? 'export.pdf' : 'export.docx', { issueId }, { deps: deps as HandlerDeps, logger: quiet });
}

beforeAll(() => {
  library = openLibrary(path.join(dir, 'library.sqlite'), { logger: quiet });
  issueId = library.issues.insertTree(makeTree());
});
afterEach(() => {
  while (mounts.length) spawnSync('umount', [mounts.pop()!]);
});
afterAll(async () => {
  library.close();
  await services.stop();
  cleanup();
});

describe.skipIf(!canMount)('export onto a full or read-only disk', () => {
  it.each(['docx', 'pdf'] as const)('a full disk: %s refused in one sentence, the previous file whole, no temp file left', async (kind) => {
    if (kind === 'pdf' && !canPrint) return;
    const mnt = mountTmpfs(`full-${kind}`, '2m');
    const file = path.join(mnt, `issue.${kind}`);
    writeFileSync(file, OLD);
    const before = sha(file);
    fill(mnt);
    const result = await exportTo(kind, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('io');
    expect(result.error.message).toMatch(/磁盘已满/);
    expect(result.error.message).not.toMatch(/\n/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(mnt).sort()).toEqual(['ballast.bin', `issue.${kind}`]);
  }, 300_000);

  it('a read-only disk: refused in one sentence, the previous file whole', async () => {
    const mnt = mountTmpfs('readonly', '2m');
    const file = path.join(mnt, 'issue.docx');
    writeFileSync(file, OLD);
    const before = sha(file);
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    const result = await exportTo('docx', file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'io', message: expect.stringMatching(/只读/) });
    expect(sha(file)).toBe(before);
  });
});

describe('a symlink planted at the output path', () => {
  it.each(['docx', 'pdf'] as const)('%s replaces the link, never writes through it into the file it points at', async (kind) => {
    if (kind === 'pdf' && !canPrint) return;
    // Another user's trap in a shared folder (/tmp): issue.pdf -> a file of ours they want destroyed.
    const shared = path.join(dir, `shared-${kind}`);
    mkdirSync(shared);
    const victim = path.join(dir, `victim-${kind}.txt`);
    writeFileSync(victim, 'a file the export must not touch');
    const file = path.join(shared, `issue.${kind}`);
    symlinkSync(victim, file);
    const result = await exportTo(kind, file);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('a file the export must not touch');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe(kind === 'pdf' ? '%PDF' : 'PK\x03\x04');
    // Created for the user alone to change: not group- or world-writable.
    expect(statSync(file).mode & 0o022).toBe(0);
  }, 300_000);
});

describe('the process killed in the middle of writing an export', () => {
  it('leaves the previous file whole', async () => {
    const out = path.join(dir, 'killed');
    mkdirSync(out);
    const file = path.join(out, 'issue.pdf');
    writeFileSync(file, OLD);
    const before = sha(file);
    // A child writes 768 MB through the export's writer; it is killed as soon as its write has begun.
    const script = `import { writeFileAtomic } from ${JSON.stringify(path.join(ROOT, 'main/export/outputFile.ts'))};
      await writeFileAtomic(${JSON.stringify(file)}, new Uint8Array(768 * 1024 * 1024).fill(7));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    let begun = false;
    const watcher = watch(out, () => {
      if (begun) return;
      const temps = readdirSync(out).filter((name) => name !== 'issue.pdf');
      if (temps.length > 0 && statSync(path.join(out, temps[0]), { throwIfNoEntry: false })?.size) {
        begun = true;
        child.kill('SIGKILL');
      }
    });
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    watcher.close();
    expect(begun).toBe(true);
    expect(sha(file)).toBe(before);

    // The killed writer's temp file is left; the next export of that file removes it once it is stale,
    // and leaves alone a fresh one (another writer at work).
    const [left] = readdirSync(out).filter((name) => name !== 'issue.pdf');
    expect(left).toMatch(/^\.issue\.pdf\.[0-9a-f]{12}\.tmp$/);
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(out, left), hoursAgo, hoursAgo);
    const busy = path.join(out, '.issue.pdf.0123456789ab.tmp');
    writeFileSync(busy, 'another writer at work');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect(readdirSync(out).sort()).toEqual(['.issue.pdf.0123456789ab.tmp', 'issue.pdf']);
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
  }, 120_000);
});

describe('an export into exports/ killed before it is written', () => {
  it('leaves no file that looks like an export, and the next export takes the name', async () => {
    const libraryFile = path.join(dir, 'beside', 'library.sqlite');
    const exportsDir = path.join(dir, 'beside', 'exports');
    const name = '政务公开信息-2024年第6期.pdf';
    // The host lays the issue out (minutes for a big issue) and is killed before the PDF exists.
    const script = `import { writeUserFile } from ${JSON.stringify(path.join(ROOT, 'main/handlers/userFiles.ts'))};
      await writeUserFile({ library: { file: ${JSON.stringify(libraryFile)} } }, 'pdf', ${JSON.stringify(name)}, () => {
        process.stdout.write('laying out\\n');
        return new Promise(() => setInterval(() => {}, 1000));
      });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('laying out')) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited: ${code}`))));
    });
    // Only the hidden folder of unfinished exports: no empty 政务公开信息-2024年第6期.pdf for the user to open.
    expect(readdirSync(exportsDir)).toEqual(['.unfinished']);
    // exports/ holds unpublished documents: the user's alone (POSIX).
    expect(statSync(exportsDir).mode & 0o077).toBe(0);

    // The next export gets the name itself (not -2), and tidies what the killed one left once it is stale.
    const [left] = readdirSync(path.join(exportsDir, '.unfinished'));
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(exportsDir, '.unfinished', left), hoursAgo, hoursAgo);
    const deps = { library: { file: libraryFile } } as unknown as HandlerDeps;
    const written = await writeUserFile(deps, 'pdf', name, (file) => writeFileAtomic(file, new Uint8Array([1, 2, 3])));
    expect(written?.file).toBe(path.join(exportsDir, name));
    expect([...readFileSync(path.join(exportsDir, name))]).toEqual([1, 2, 3]);
    expect(readdirSync(path.join(exportsDir, '.unfinished'))).toEqual([]);
    // Two more exports of the same issue: -2 and -3, the earlier files untouched.
    const again = await writeUserFile(deps, 'pdf', name, (file) => writeFileAtomic(file, new Uint8Array([4])));
    const third = await writeUserFile(deps, 'pdf', name, (file) => writeFileAtomic(file, new Uint8Array([5])));
    expect([again?.file, third?.file].map((f) => path.basename(f!))).toEqual(['政务公开信息-2024年第6期-2.pdf', '政务公开信息-2024年第6期-3.pdf']);
    expect([...readFileSync(path.join(exportsDir, name))]).toEqual([1, 2, 3]);
  }, 120_000);
});
