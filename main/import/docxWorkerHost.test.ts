import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { convertInWorker } from './importDocx';
import { prewarmDocxWorker, sharedWorkerThreadId, stopDocxWorker } from './docxWorkerHost';

const docx = new Uint8Array(readFileSync(new URL('../../tests/fixtures/import-bench/bmgz_075-23pages.docx', import.meta.url)));

afterAll(() => stopDocxWorker());

describe('the long-lived .docx worker', () => {
  it('serves several imports from one thread, started ahead by prewarm', async () => {
    expect((await prewarmDocxWorker()).ok).toBe(true);
    const thread = sharedWorkerThreadId();
    expect(thread).toBeDefined();
    const [a, b] = await Promise.all([convertInWorker(docx), convertInWorker(docx)]); // queued, one at a time
    for (const reply of [a, b]) {
      expect(reply.ok).toBe(true);
      expect(reply.title).toBe('交通警察道路执勤执法工作规范');
    }
    expect(sharedWorkerThreadId()).toBe(thread);
  }, 120_000);

  it('stops a job over its time limit and serves the next one from a fresh thread', async () => {
    const before = sharedWorkerThreadId() ?? (await prewarmDocxWorker(), sharedWorkerThreadId());
    const late = await convertInWorker(docx, { timeoutMs: 1 });
    expect(late.ok).toBe(false);
    expect(late.error).toMatchObject({ code: 'docx-timeout', message: expect.stringMatching(/超时/) });
    expect(sharedWorkerThreadId()).toBeUndefined();
    const next = await convertInWorker(docx);
    expect(next.ok).toBe(true);
    expect(sharedWorkerThreadId()).not.toBe(before);
  }, 120_000);
});
