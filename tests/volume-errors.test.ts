/**
 * The year's work refuses bad requests with one sentence and a code (common/errors.ts), through the
 * handlers (what the app shows instead of 操作失败，详情已写入日志) and the CLI, before any layout or print:
 * a year without issues, a second job while one runs, a cancelled job, an output folder that cannot be
 * written. No browser runs here: each refusal comes before the print engine is used.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCall, type CallContext } from '../main/handlers/index';
import { VolumeJob } from '../main/handlers/volumeJob';
import type { PrintEngine } from '../main/export/engine';
import { checkOutputFile } from '../main/export/outputFile';
import { main } from '../main/cli';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
let db: string;
let lib: Library;
let logged: string[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'library.sqlite');
  lib = openLibrary(db, { logger: { warn: () => {} } });
  lib.issues.insertTree(makeTree({ year: 2024, number: 6 }));
  logged = [];
});
afterEach(() => {
  lib.close();
  cleanup();
});

/** A print engine that arrives when the test says so (never used: every job here stops before printing). */
function engineLater(volumeJob = new VolumeJob()): { ctx: CallContext; arrive: () => void } {
  let arrive!: () => void;
  const arrived = new Promise<PrintEngine>((resolve) => (arrive = () => resolve({} as PrintEngine)));
  const logger = { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  return { ctx: { deps: Object.assign({ library: lib, logger, volumeJob }, { printEngine: () => arrived }) }, arrive };
}

describe('volume handlers', () => {
  it('a year without issues: not-found with the sentence, not the generic one', async () => {
    const { ctx, arrive } = engineLater();
    arrive();
    for (const channel of ['volume.index', 'volume.bind'] as const) {
      const result = await handleCall(channel, { year: 1999 }, ctx);
      expect(result).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/^1999年没有期刊，没有生成文件/) } });
    }
    expect(logged).toEqual([]);
  });

  it('a second job while one runs is refused; a cancelled job says so', async () => {
    const { ctx, arrive } = engineLater();
    const first = handleCall('volume.bind', { year: 2024 }, ctx);
    const second = await handleCall('volume.index', { year: 2024 }, ctx);
    expect(second).toEqual({ ok: false, error: { code: 'running', message: expect.stringContaining('已有年度总目录或合订本正在生成') } });
    expect(await handleCall('volume.cancel', {}, ctx)).toEqual({ ok: true, value: { cancelled: true } });
    arrive();
    expect(await first).toEqual({ ok: false, error: { code: 'cancelled', message: expect.stringContaining('已取消') } });
    // The job is over: the next one is not refused as running (it stops at its own year).
    expect(await handleCall('volume.index', { year: 1999 }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("two hosts' job slots are their own; stopping a host cancels its running job", async () => {
    const a = engineLater();
    const b = engineLater();
    const first = handleCall('volume.bind', { year: 2024 }, a.ctx);
    // Host b is not refused by a's job, and cannot cancel it.
    expect(await handleCall('volume.cancel', {}, b.ctx)).toEqual({ ok: true, value: { cancelled: false } });
    b.arrive();
    expect(await handleCall('volume.index', { year: 1999 }, b.ctx)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    a.ctx.deps.volumeJob!.stop();
    a.arrive();
    expect(await first).toEqual({ ok: false, error: { code: 'cancelled', message: expect.stringContaining('已取消') } });
    expect(a.ctx.deps.volumeJob!.busy).toBe(false);
  });

  it('without a host job slot, a cancel has nothing to reach', async () => {
    expect(await handleCall('volume.cancel', {}, { deps: { library: lib } })).toEqual({ ok: true, value: { cancelled: false } });
  });
});

describe('gazette index / volume', () => {
  async function gazette(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: { ...process.env, GAZETTE_LIBRARY: path.join(dir, 'never-used.sqlite') } });
    return { code, out, err };
  }

  it('an output folder that cannot be made: one line, exit 1, nothing written, nothing laid out', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    for (const [command, option] of [['index', '--docx'], ['volume', '--pdf']]) {
      const out = path.join(blocker, 'sub', `out${option === '--pdf' ? '.pdf' : '.docx'}`);
      const run = await gazette(command, '--year', '2024', '--db', db, option, out);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^gazette ${command}: 无法写入输出文件夹 .*路径中有一段是文件而不是文件夹，没有生成文件`))]);
    }
  });

  it('an output path that is a folder: one line naming it', async () => {
    const run = await gazette('index', '--year', '2024', '--db', db, '--docx', dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/是一个文件夹，请给出文件名/);
  });

  it('a missing output folder is made, as the writers always did', () => {
    const out = path.join(dir, 'new', 'folder', 'index.docx');
    checkOutputFile(out);
    expect(existsSync(path.dirname(out))).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});
