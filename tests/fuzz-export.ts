/**
 * The randomised export check: random documents (fuzz-docs.ts) are exported in batches through the real
 * Chromium engine, and each batch's PDF is read back with pdf.js: its text must be the model's text
 * (whitespace aside; tests/pdf-text.ts), with no radicals or control characters, and every image must be in
 * it. A batch whose export fails is split in halves until the failing documents are found.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IssueTree } from '../common/model';
import { issueJob } from '../common/render/printJob';
import { ChromiumEngine } from '../main/export/chromium';
import type { PrintEngine } from '../main/export/engine';
import { exportTreePdf, type ExportPdfResult } from '../main/export/exportPdf';
import { printImages } from '../main/export/images';
import { LayoutCache } from '../main/export/layoutCache';
import { fuzzCase, fuzzIssue, type FuzzAsset, type FuzzCase, type FuzzOptions } from './fuzz-docs';
import { badCharacters, compareIssueText, pdfjsPageTexts } from './pdf-text';

export interface FuzzFinding {
  /** The cases concerned ("seed-index"). */
  cases: string[];
  problem: string;
}

export interface FuzzRunOptions extends FuzzOptions {
  /** Documents per export (default 10). */
  batch?: number;
  /**
   * Check that every image block prints (pdfimages). On by default; the default export resolves the
   * cases' assets. A custom `exportPdf` must give them to the print page too.
   */
  checkImages?: boolean;
  exportPdf?: (tree: IssueTree, assets: FuzzAsset[], pdfPath: string, engine: PrintEngine) => Promise<ExportPdfResult>;
  /** Called after each export with the cases it held and what it found. */
  onBatch?: (cases: FuzzCase[], findings: FuzzFinding[], ms: number) => void;
}

const base = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;

/**
 * The export the app does: the cases' PNGs go through the real image path (printImages → data: URLs), as
 * exportIssuePdf gives a library's assets to the print page; an image missing here would print a placeholder.
 */
const defaultExport: NonNullable<FuzzRunOptions['exportPdf']> = (tree, assets, pdfPath, engine) => {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const { html } = printImages({ assets: { get: (id) => byId.get(id) } }, tree);
  return exportTreePdf(tree, { pdfPath, engine, cache: new LayoutCache(), printMemory: false, timeoutMs: 600_000, html });
};

/** Images in a PDF, as `pdfimages -list` counts them (smask entries are not images of their own). */
export function pdfImageCount(pdfPath: string): number {
  const list = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' });
  return list.split('\n').slice(2).filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line)).length;
}

export async function exportAndCheck(cases: FuzzCase[], engine: PrintEngine, dir: string, opts: FuzzRunOptions): Promise<FuzzFinding[]> {
  const tree = fuzzIssue(base, cases);
  const pdfPath = path.join(dir, `${tree.issue.id}.pdf`);
  const exporter = opts.exportPdf ?? defaultExport;
  let result: ExportPdfResult;
  try {
    result = await exporter(tree, cases.flatMap((c) => c.assets), pdfPath, engine);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    if (cases.length === 1) return [{ cases: [`${cases[0].seed}-${cases[0].index}`], problem: `export failed: ${message}` }];
    // The message names the document (its title carries the case id): set that case aside, export the rest.
    const named = cases.find((c) => message.includes(`（随机${c.seed}-${c.index}）`));
    if (named) {
      const rest = cases.filter((c) => c !== named);
      return [{ cases: [`${named.seed}-${named.index}`], problem: `export failed: ${message}` }, ...(await exportAndCheck(rest, engine, dir, opts))];
    }
    const half = Math.ceil(cases.length / 2);
    return [...(await exportAndCheck(cases.slice(0, half), engine, dir, opts)), ...(await exportAndCheck(cases.slice(half), engine, dir, opts))];
  }
  const findings: FuzzFinding[] = [];
  const pages = await pdfjsPageTexts(pdfPath);
  const caseOf = (text: string) => cases.filter((c) => text.includes(c.document.id)).map((c) => `${c.seed}-${c.index}`);
  for (const problem of compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)) findings.push({ cases: caseOf(problem), problem });
  const bad = badCharacters(pages.join('\n'));
  if (bad.length) findings.push({ cases: cases.map((c) => `${c.seed}-${c.index}`), problem: `bad characters in the text layer: ${bad.slice(0, 10).join(', ')}` });
  if (opts.checkImages ?? true) {
    const expected = cases.reduce((n, c) => n + c.assets.length, 0);
    const found = pdfImageCount(pdfPath);
    if (found < expected) findings.push({ cases: cases.filter((c) => c.assets.length).map((c) => `${c.seed}-${c.index}`), problem: `${expected} images in the documents, ${found} in the PDF` });
  }
  // FUZZ_KEEP=folder keeps each export's PDF there (to look at a finding).
  // With it the text as read and the page map too, to check the text again without exporting (tests/fuzz-recheck.ts).
  if (process.env.FUZZ_KEEP) {
    copyFileSync(pdfPath, path.join(process.env.FUZZ_KEEP, path.basename(pdfPath)));
    const read = { pages, pageMap: result.pageMap, evenHead: issueJob(tree).evenHead, cases: cases.map((c) => [c.seed, c.index]), options: { scale: opts.scale, images: opts.images, rare: opts.rare } };
    writeFileSync(path.join(process.env.FUZZ_KEEP, `${tree.issue.id}.text.json`), JSON.stringify(read));
  }
  rmSync(pdfPath, { force: true });
  return findings;
}

/** Run cases `first` … `first + count - 1` of `seed`; returns every finding (empty: all clean). */
export async function runFuzz(seed: number, count: number, opts: FuzzRunOptions = {}, first = 0): Promise<FuzzFinding[]> {
  return runCases(Array.from({ length: count }, (_, k) => [seed, first + k] as const), opts);
}

/** Run the given cases ([seed, index] pairs), `opts.batch` documents per export. */
export async function runCases(ids: ReadonlyArray<readonly [number, number]>, opts: FuzzRunOptions = {}): Promise<FuzzFinding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-fuzz-'));
  const engine = await ChromiumEngine.launch();
  const findings: FuzzFinding[] = [];
  const batch = opts.batch ?? 10;
  try {
    for (let at = 0; at < ids.length; at += batch) {
      const cases = ids.slice(at, at + batch).map(([seed, index]) => fuzzCase(seed, index, opts));
      const started = performance.now();
      const found = await exportAndCheck(cases, engine, dir, opts);
      findings.push(...found);
      opts.onBatch?.(cases, found, Math.round(performance.now() - started));
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return findings;
}
