/**
 * The .docx worker thread, kept alive between imports by its owner, a DocxWorkerPool. Starting a worker costs
 * more than converting a 20-page file (it loads mammoth and linkedom and warms them up), so one worker
 * serves every import of a host, one job at a time, and the host can start it ahead of the first import
 * (`prewarm`). The host (Electron main, the web bridge) creates the pool when it starts and stops it when it
 * exits; a caller without a pool (a CLI command, a test) gets one for its call (`withDocxWorker`). Nothing
 * lives at module level, so two pools never share a thread.
 * The limits still hold per job: a job over its time limit, a worker that dies (heap limit) or one that a big
 * file left with a large heap is terminated, and the next job gets a fresh worker. While idle the worker does
 * not keep the process alive (unref), so the CLI and tests exit as before.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocxWorkerMessage, DocxWorkerReply, DocxWorkerRequest } from './docxProtocol';
import { docxError } from './docxProtocol';

export interface WorkerLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_LIMITS: WorkerLimits = { timeoutMs: 20_000, maxHeapMb: 768 };
/** A worker whose heap is above this after a job is replaced (the next file starts from a small heap). */
const RECYCLE_HEAP_MB = 256;

/** Where the worker's code is: a built sibling (.js/.cjs/.mjs) or the TypeScript source run through tsx. */
function workerEntry(): string {
  const override = process.env.GAZETTE_DOCX_WORKER;
  if (override) return override;
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  for (const name of ['docxWorker.cjs', 'docxWorker.js', 'docxWorker.mjs']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return join(dir, 'docxWorkerDev.mjs');
}

interface Pending {
  resolve: (reply: DocxWorkerReply) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread and the job it is doing. */
class DocxWorker {
  private readonly worker: Worker;
  private pending: { id: number; job: Pending } | undefined;
  private nextId = 1;
  dead = false;

  constructor(readonly maxHeapMb: number) {
    const entry = workerEntry();
    this.worker = new Worker(entry, {
      workerData: { gazetteDocxWorker: true },
      // A built bundle needs no loader: without the parent's flags (tsx's --import under the CLI, tests and
      // benches) the thread neither starts tsx nor has Node scan the whole bundle for ESM exports.
      ...(entry.endsWith('.cjs') ? { execArgv: [] } : {}),
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.on('message', (message: DocxWorkerMessage) => {
      if (!this.pending || message.id !== this.pending.id) return;
      if (message.heapMb > RECYCLE_HEAP_MB) void this.stop();
      this.settle(message.reply);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      void this.stop();
      this.settle({
        ok: false,
        error:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? docxError('docx-too-complex', '文档过于复杂，超出内存上限，已停止')
            : docxError('docx-unreadable', `无法读取 Word 文档：${String(error.message).split('\n')[0].slice(0, 120)}`),
      });
    });
    this.worker.on('exit', (code) => {
      this.dead = true;
      this.settle({ ok: false, error: docxError('docx-worker-exit', `转换进程意外退出（${code}）`) });
    });
  }

  private settle(reply: DocxWorkerReply): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.job.timer);
    this.worker.unref();
    pending.job.resolve(reply);
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  /** Terminate the thread; resolves when it has exited. */
  async stop(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }

  /** Run one job; the caller queues, so there is never more than one. */
  run(request: Omit<DocxWorkerRequest, 'id'>, timeoutMs: number): Promise<DocxWorkerReply> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        void this.stop();
        this.settle({ ok: false, error: docxError('docx-timeout', `处理超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已停止`) });
      }, timeoutMs);
      this.pending = { id, job: { resolve, timer } };
      this.worker.ref(); // a job in progress keeps the process alive
      const transfer = request.bytes ? [request.bytes.buffer as ArrayBuffer] : [];
      this.worker.postMessage({ id, ...request } satisfies DocxWorkerRequest, transfer);
    });
  }
}

/** One host's Word-import worker and its queue of jobs. */
export class DocxWorkerPool {
  private shared: DocxWorker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** The shared worker for these limits (a job with other heap limits gets a worker of its own). */
  private workerFor(maxHeapMb: number): { worker: DocxWorker; own: boolean } {
    if (maxHeapMb !== DEFAULT_LIMITS.maxHeapMb) return { worker: new DocxWorker(maxHeapMb), own: true };
    if (!this.shared || this.shared.dead) this.shared = new DocxWorker(maxHeapMb);
    return { worker: this.shared, own: false };
  }

  private enqueue(request: Omit<DocxWorkerRequest, 'id'>, limits: WorkerLimits): Promise<DocxWorkerReply> {
    const job = this.queue.then(async () => {
      const { worker, own } = this.workerFor(limits.maxHeapMb);
      try {
        return await worker.run(request, limits.timeoutMs);
      } finally {
        if (own) void worker.stop();
      }
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Convert .docx bytes in the worker; resolves with the worker's reply or a one-line reason. */
  convert(bytes: Uint8Array, limits: Partial<WorkerLimits> = {}): Promise<DocxWorkerReply> {
    return this.enqueue({ bytes: bytes.slice() }, { ...DEFAULT_LIMITS, ...limits });
  }

  /** Start the worker and load its libraries now, so the first import does not wait for them. */
  prewarm(): Promise<DocxWorkerReply> {
    return this.enqueue({ warm: true }, { ...DEFAULT_LIMITS, timeoutMs: 60_000 });
  }

  /** The shared worker's thread id while it lives (tests check that imports reuse it). */
  get threadId(): number | undefined {
    return this.shared && !this.shared.dead ? this.shared.threadId : undefined;
  }

  /** Terminate the worker (a job in progress ends with one sentence); a later job starts a fresh one. */
  async stop(): Promise<void> {
    const worker = this.shared;
    this.shared = undefined;
    await worker?.stop();
  }
}

export function createDocxWorkerPool(): DocxWorkerPool {
  return new DocxWorkerPool();
}

/** Run `fn` with the caller's pool, or with one of its own that is stopped when `fn` is done. */
export async function withDocxWorker<T>(pool: DocxWorkerPool | undefined, fn: (pool: DocxWorkerPool) => Promise<T>): Promise<T> {
  const own = pool ? null : createDocxWorkerPool();
  try {
    return await fn(pool ?? own!);
  } finally {
    await own?.stop();
  }
}
