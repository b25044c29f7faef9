/**
 * Vitest global setup: bundle the Word-import worker once per run and point importDocx at the bundle.
 *
 * Without it every import starts main/import/docxWorkerDev.mjs, which compiles the worker's TypeScript
 * (mammoth, the importers) through tsx in the new thread: about 11 s per import with the machine loaded
 * (load average 20 on 2 cores) against about 5 s for the bundle, so Word-import tests hit the product's
 * 20 s worker limit while browser tests ran beside them. The bundle is built from the current sources
 * (not dist/, which may be stale), as scripts/build.mjs bundles it (scripts/nodeBundle.mjs), into dist/test/ (two levels
 * below the root, as dist/main is, so paths resolved from the bundle's folder stay right).
 */
import path from 'node:path';
import { bundleNode } from '../../scripts/nodeBundle.mjs';

export default async function setup(): Promise<void> {
  if (process.env.GAZETTE_DOCX_WORKER) return;
  const root = path.resolve(import.meta.dirname, '../..');
  const outfile = path.join(root, 'dist', 'test', 'docxWorker.cjs');
  await bundleNode(path.join(root, 'main/import/docxWorker.ts'), outfile);
  // Test files run in child processes forked after this, which inherit the environment.
  process.env.GAZETTE_DOCX_WORKER = outfile;
}
