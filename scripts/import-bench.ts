/**
 * `npm run import-bench [-- FILE] [--runs N]`: time of importing a Word file through the app's path
 * (importFilesIntoLibrary: the long-lived .docx worker, the 公文 recogniser, one transaction into a real SQLite
 * library). Prints the first import (starting the worker included), the median of N more (default 5) and the
 * load average, since the machine's load moves these figures more than anything else.
 * Default file: tests/fixtures/import-bench/bmgz_075-23pages.docx (23 pages).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { importFilesIntoLibrary } from '../main/import/importFiles';
import { createDocxWorkerPool } from '../main/import/docxWorkerHost';
import { openLibrary } from '../main/store/library';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' } } });
const file = positionals[0] ?? new URL('../tests/fixtures/import-bench/bmgz_075-23pages.docx', import.meta.url).pathname;
const runs = Math.max(1, Number(values.runs ?? 5));
// The app runs the bundled worker; use it when built (npm run build), else the TypeScript one through tsx.
const built = new URL('../dist/main/docxWorker.cjs', import.meta.url).pathname;
if (!process.env.GAZETTE_DOCX_WORKER && existsSync(built)) process.env.GAZETTE_DOCX_WORKER = built;

const dir = mkdtempSync(join(tmpdir(), 'gazette-import-bench-'));
const library = openLibrary(join(dir, 'bench.sqlite'));
// One worker for every run, as the app keeps one (its first run pays for starting it).
const worker = createDocxWorkerPool();
const timeOne = async (): Promise<number> => {
  const start = performance.now();
  const result = await importFilesIntoLibrary(library, [file], { worker });
  if (!result.ok) throw new Error(result.error.message);
  return performance.now() - start;
};
try {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`file ${file}; worker ${process.env.GAZETTE_DOCX_WORKER ?? 'TypeScript (tsx)'}; load before ${load()}`);
  const first = await timeOne();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOne());
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`first import (worker start included) ${(first / 1000).toFixed(2)} s`);
  console.log(`median of ${runs} imports ${(median / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(' ')}); load after ${load()}`);
} finally {
  await worker.stop();
  library.close();
  rmSync(dir, { recursive: true, force: true });
}
