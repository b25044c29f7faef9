/**
 * Exporting reduced fuzz fixtures through the real print page and Chromium, for the focused print tests
 * (rotated tables, document breaks, off-page lists): one engine per test file, and each export's PDF kept
 * until the file ends so that a test can read its pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { chromiumPerFile } from './chromium-per-file';
import type { FuzzCase } from './fuzz-docs';
import { exportAndCheck } from './fuzz-export';

export function fixtureExporter(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `gazette-${name}-`));
  const kept = mkdtempSync(path.join(tmpdir(), `gazette-${name}-pdf-`));
  const chromium = chromiumPerFile();
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
  });
  return {
    /** The text check's findings for `cases` exported as one issue, as strings. */
    async problems(cases: FuzzCase[]): Promise<string[]> {
      process.env.FUZZ_KEEP = kept;
      const found = await exportAndCheck(cases, chromium.engine, dir, { checkImages: false });
      return found.map((f) => f.problem);
    },
    /** Pages of the kept PDF of the issue that starts with case `c`, as pdftotext reads them (white space removed). */
    pdfPages(c: FuzzCase): string[] {
      const pdf = path.join(kept, `fuzz-${c.seed}-${c.index}.pdf`);
      return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ''));
    },
    /** Every word of the kept PDF of case `c` with its horizontal extent in pt (pdftotext -bbox). */
    wordBoxes(c: FuzzCase): Array<{ page: number; xMin: number; yMin: number; xMax: number; text: string }> {
      const pdf = path.join(kept, `fuzz-${c.seed}-${c.index}.pdf`);
      const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const words: Array<{ page: number; xMin: number; yMin: number; xMax: number; text: string }> = [];
      xml.split('<page ').slice(1).forEach((page, p) => {
        for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
          words.push({ page: p, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] });
        }
      });
      return words;
    },
  };
}
