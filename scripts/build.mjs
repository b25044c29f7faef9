// Build everything that runs outside tsx: the renderer pages (Vite) and Electron's main + preload (esbuild).
// Runs on `npm ci` (prepare), so a fresh clone can export PDFs and serve the web bridge at once.
import { existsSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { bundleNode } from './nodeBundle.mjs';

if (existsSync('renderer/index.html') || existsSync('renderer/print/print.html')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

const electronEntries = [
  ['main/index.ts', 'dist/main/index.cjs'],
  ['preload/index.ts', 'dist/preload/index.cjs'],
  // The .docx import runs in a worker thread; main/import/importDocx.ts looks for it beside the main bundle.
  ['main/import/docxWorker.ts', 'dist/main/docxWorker.cjs'],
].filter(([entry]) => existsSync(entry));

for (const [entry, outfile] of electronEntries) await bundleNode(entry, outfile);
console.log('build: done');
