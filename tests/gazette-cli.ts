/**
 * The `gazette` command run from tests in a process of its own (as a user runs it), and PDFs read page by
 * page. GAZETTE_LIBRARY points into the test's folder, so a forgotten --db never touches a real library.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { squeezeWhitespace } from '../common/model';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const gazetteBin = path.join(repoRoot, 'bin', 'gazette.mjs');

/** Run `gazette ARGS`; its JSON output, or an error naming the command and its stderr. */
export function gazetteJson(args: string[], dir: string, timeoutMs: number): Record<string, unknown> {
  const result = spawnSync(process.execPath, [gazetteBin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, GAZETTE_LIBRARY: path.join(dir, 'never-used.sqlite') },
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) throw new Error(`gazette ${args[0]} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** Text of every page (pdftotext), whitespace squeezed. */
export function pageTexts(pdf: string): string[] {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  return text.split('\f').map(squeezeWhitespace);
}
