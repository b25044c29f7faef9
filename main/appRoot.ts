/**
 * The project (or packaged app) root: the folder holding dist/, resources/ and bin/. One definition for
 * the Electron shell, the CLI, the exporters and the tests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * GAZETTE_APP_ROOT overrides. Otherwise: one level above this file in the source tree (main/), two in the
 * bundle Electron runs (dist/main/index.cjs), where import.meta.url is empty and __dirname is used.
 */
export function appRoot(): string {
  if (process.env.GAZETTE_APP_ROOT) return process.env.GAZETTE_APP_ROOT;
  const here = typeof import.meta?.url === 'string' ? path.dirname(fileURLToPath(import.meta.url)) : __dirname;
  return path.resolve(here, path.basename(here) === 'main' && path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');
}
