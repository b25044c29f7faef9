/**
 * The Word-import worker's owner (DocxWorkerPool): one thread serves a pool's imports, a job over its time
 * limit gets a fresh thread, stop() terminates the thread, and two pools never share one. A caller without a
 * pool gets a thread for its call only, ended when the call is done.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { convertInWorker } from './importDocx';
import { createDocxWorkerPool, withDocxWorker, type DocxWorkerPool } from './docxWorkerHost';

const docx = new Uint8Array(readFileSync(new URL('../../tests/fixtures/import-bench/bmgz_075-23pages.docx', import.meta.url)));

const pool = createDocxWorkerPool();
afterAll(() => pool.stop());

describe('the long-lived .docx worker', () => {
  it('serves several imports from one thread, started ahead by prewarm', async () => {
    expect((await pool.prewarm()).ok).toBe(true);
    const thread = pool.threadId;
    expect(thread).toBeDefined();
    const [a, b] = await Promise.all([convertInWorker(docx, { worker: pool }), convertInWorker(docx, { worker: pool })]); // queued, one at a time
    for (const reply of [a, b]) {
      expect(reply.ok).toBe(true);
      expect(reply.title).toBe('交通警察道路执勤执法工作规范');
    }
    expect(pool.threadId).toBe(thread);
  }, 120_000);

  it('stops a job over its time limit and serves the next one from a fresh thread', async () => {
    const before = pool.threadId ?? (await pool.prewarm(), pool.threadId);
    const late = await convertInWorker(docx, { timeoutMs: 1, worker: pool });
    expect(late.ok).toBe(false);
    expect(late.error).toMatchObject({ code: 'docx-timeout', message: expect.stringMatching(/超时/) });
    expect(pool.threadId).toBeUndefined();
    const next = await convertInWorker(docx, { worker: pool });
    expect(next.ok).toBe(true);
    expect(pool.threadId).not.toBe(before);
  }, 120_000);

  it('stop() terminates the thread; two pools have threads of their own', async () => {
    const other = createDocxWorkerPool();
    let otherThread: number | undefined;
    try {
      expect((await other.prewarm()).ok).toBe(true);
      otherThread = other.threadId;
      if (pool.threadId === undefined) await pool.prewarm();
      expect(otherThread).toBeDefined();
      expect(pool.threadId).toBeDefined();
      expect(otherThread).not.toBe(pool.threadId);
    } finally {
      await other.stop();
    }
    expect(other.threadId).toBeUndefined();
    // The other pool's stop ended only its own thread.
    expect(pool.threadId).toBeDefined();
    expect((await convertInWorker(docx, { worker: pool })).ok).toBe(true);
  }, 120_000);

  it('a caller without a pool gets a thread for its call, ended afterwards', async () => {
    let used: DocxWorkerPool | undefined;
    const reply = await withDocxWorker(undefined, async (own) => {
      used = own;
      expect(own).not.toBe(pool);
      const result = await own.convert(docx);
      expect(own.threadId).toBeDefined();
      return result;
    });
    expect(reply.ok).toBe(true);
    expect(used?.threadId).toBeUndefined();
  }, 120_000);
});
