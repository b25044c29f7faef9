// One esbuild setup for the Node bundles: Electron's main and preload, the Word-import worker (scripts/build.mjs)
// and the worker bundle the tests build once per run (tests/setup/docxWorker.ts).
import { build } from 'esbuild';

/** Bundle `entry` (TypeScript) with its dependencies into one CommonJS file for Node 20 / Electron. */
export function bundleNode(entry, outfile) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    logLevel: 'warning',
    // main/paths.ts and main/export/assets.ts read import.meta.url under tsx and fall back to __dirname in
    // this CommonJS bundle (tests/electron-bundle.test.ts loads the bundle to prove it), so the warning is noise.
    logOverride: { 'empty-import-meta': 'silent' },
  });
}
