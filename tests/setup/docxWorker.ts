/**
 * Vitest global setup: bundle the Word-import worker once per run and point importDocx at the bundle.
 *
 * Without it every import starts main/import/docxWorkerDev.mjs, which compiles the worker's TypeScript
 * (mammoth, the importers) through tsx in the new thread: about 11 s per import with the machine loaded
 * (load average 20 on 2 cores) against about 5 s for the bundle, so Word-import tests hit the product's
 * 20 s worker limit while browser tests ran beside them. The bundle is built from the current sources
 * (not dist/, which may be stale), with the options of scripts/build.mjs, into dist/test/ (two levels
 * below the root, as dist/main is, so paths resolved from the bundle's folder stay right).
 */
import { build } from 'esbuild';
import path from 'node:path';

export default async function setup(): Promise<void> {
  if (process.env.GAZETTE_DOCX_WORKER) return;
  const root = path.resolve(import.meta.dirname, '../..');
  const outfile = path.join(root, 'dist', 'test', 'docxWorker.cjs');
  await build({
    entryPoints: [path.join(root, 'main/import/docxWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'playwright-core', 'jsdom'],
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  // Test files run in child processes forked after this, which inherit the environment.
  process.env.GAZETTE_DOCX_WORKER = outfile;
}
