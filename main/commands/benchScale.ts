/**
 * `gazette bench --scale`: does the cost of an export grow with the work, and only with it?
 * The sample issue's documents repeated 1×, 3× and 12× (about 60, 175 and 700 pages) are each exported
 * by a fresh Chromium; per-page layout and print time and the peak memory of the whole process tree
 * (this process and every Chromium process, PSS) are printed per size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId, type IssueTree } from '../../common/model';
import { ChromiumEngine } from '../export/chromium';
import { exportTreePdf } from '../export/exportPdf';
import { LayoutCache } from '../export/layoutCache';
import { treeRss } from './bench';
import type { CliContext } from './shared';

/** The issue with every section's documents repeated `times` times (fresh ids, so nothing is cached). */
export function scaledTree(tree: IssueTree, times: number): IssueTree {
  return {
    issue: { ...tree.issue, id: newId() },
    sections: tree.sections.map((section) => {
      const sectionId = newId();
      const documents = [];
      for (let t = 0; t < times; t++) {
        for (const doc of section.documents) documents.push({ ...doc, id: newId(), sectionId, position: documents.length });
      }
      return { ...section, id: sectionId, documents };
    }),
  };
}

export interface ScaleFigure {
  /** The sample's own run (times 1): its page map (document -> first page), for the archive's issues. */
  documents?: Record<string, number>;
  times: number;
  pages: number;
  layoutMs: number;
  printMs: number;
  layoutMsPerPage: number;
  printMsPerPage: number;
  peakMB: number;
  peakKBPerPage: number;
}

/** Memory of the whole tree sampled every 100 ms while `work` runs; the peak in bytes. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = treeRss(process.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(process.pid))), 100);
  try {
    const value = await work();
    peak = Math.max(peak, treeRss(process.pid));
    return { value, peak };
  } finally {
    clearInterval(sampler);
  }
}

/** One export of the sample × `times` in a fresh engine (fresh Chromium: the peak is this job's). */
export async function measureScale(sample: IssueTree, times: number, dir: string): Promise<ScaleFigure> {
  const tree = times === 1 ? sample : scaledTree(sample, times);
  // The peak covers the export, not the engine's shutdown: while Chromium's processes exit their PSS cannot
  // be read and treeRss counts their RSS instead (shared pages counted once per process).
  const engine = await ChromiumEngine.launch();
  let sampled: { value: Awaited<ReturnType<typeof exportTreePdf>>; peak: number };
  try {
    sampled = await withPeakMemory(() =>
      exportTreePdf(tree, { pdfPath: path.join(dir, `scale-${times}.pdf`), engine, cache: new LayoutCache(), printMemory: false }),
    );
  } finally {
    await engine.close();
  }
  const { value: result, peak } = sampled;
  const { layoutMs, printMs } = result.timings;
  return {
    times,
    pages: result.pages,
    layoutMs,
    printMs,
    layoutMsPerPage: Math.round((layoutMs / result.pages) * 10) / 10,
    printMsPerPage: Math.round((printMs / result.pages) * 10) / 10,
    peakMB: Math.round(peak / 1e6),
    peakKBPerPage: Math.round(peak / 1e3 / result.pages),
    ...(times === 1 ? { documents: result.pageMap.documents } : {}),
  };
}

export async function runScale(sample: IssueTree, ctx: CliContext, sizes = [1, 3, 12]): Promise<ScaleFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-scale-'));
  const figures: ScaleFigure[] = [];
  try {
    for (const times of sizes) {
      const f = await measureScale(sample, times, dir);
      figures.push(f);
      ctx.err(
        `sample ×${times}: ${f.pages} pages; layout ${f.layoutMs} ms (${f.layoutMsPerPage} ms/page), print ${f.printMs} ms (${f.printMsPerPage} ms/page), peak ${f.peakMB} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
