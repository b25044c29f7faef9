/**
 * `gazette bench --scale`: does the cost of an export grow with the work, and only with it?
 * The sample issue's documents repeated 1×, 3× and 12× (about 60, 175 and 700 pages) are each exported
 * by a fresh Chromium; per-page layout and print time and the peak memory of the whole process tree
 * (this process and every Chromium process, PSS) are printed per size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { newId, type IssueTree } from '../../common/model';
import { ChromiumEngine } from '../export/chromium';
import { exportTreePdf, PRINT_BATCH_PAGES } from '../export/exportPdf';
import { LayoutCache } from '../export/layoutCache';
import { sampleTreeMemory, treeCpuMs, treeRss } from './bench';
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
  /** This Node process's own share of the peak (the rest is Chromium's processes). */
  nodeAtPeakMB: number;
  /** CPU time of the whole tree (Chromium included) per page, layout and print: comparable under load. */
  layoutCpuMsPerPage: number;
  printCpuMsPerPage: number;
  /** Of which joining the print batches with pdf-lib (0 when printed in one piece); print is Chromium's part. */
  mergeCpuMsPerPage: number;
  /** Print batches (1: in one piece). */
  printBatches: number;
  /** Laid-out HTML returned by the print page (the units' pages, for the layout cache), in millions of characters. */
  laidOutMChars: number;
  /** The peak during layout, printing and post-processing (pdf-lib joining batches, outline, writing). */
  peakByStageMB: { layout: number; print: number; merge: number; post: number };
}

/**
 * Memory of the whole tree sampled while `work` runs (bench.ts sampleTreeMemory): the peak in bytes, overall and per
 * stage (`work` names the stage it enters through its argument).
 */
export async function withPeakMemory<T, S extends string>(
  work: (enter: (stage: S) => void) => Promise<T>,
  first: S,
): Promise<{ value: T; peak: number; byStage: Map<S, number>; cpuByStage: Map<S, number>; nodeAtPeak: number }> {
  const byStage = new Map<S, number>();
  const cpuByStage = new Map<S, number>();
  let nodeAtPeak = 0;
  let stage = first;
  let cpuAt = treeCpuMs();
  const record = (bytes: number) => {
    if (bytes > Math.max(0, ...byStage.values())) nodeAtPeak = treeRss(-1, [process.pid]);
    byStage.set(stage, Math.max(byStage.get(stage) ?? 0, bytes));
  };
  const stop = sampleTreeMemory(record);
  try {
    const endStage = () => {
      const cpu = treeCpuMs();
      cpuByStage.set(stage, (cpuByStage.get(stage) ?? 0) + cpu - cpuAt);
      cpuAt = cpu;
      record(treeRss(process.pid));
    };
    const value = await work((next) => {
      endStage();
      stage = next;
    });
    endStage();
    return { value, peak: Math.max(...byStage.values()), byStage, cpuByStage, nodeAtPeak };
  } finally {
    stop();
  }
}

/** One export of the sample × `times` in a fresh engine (fresh Chromium: the peak is this job's). */
export async function measureScale(sample: IssueTree, times: number, dir: string): Promise<ScaleFigure> {
  const tree = times === 1 ? sample : scaledTree(sample, times);
  // The peak covers the export, not the engine's shutdown: while Chromium's processes exit their PSS cannot
  // be read and treeRss counts their RSS instead (shared pages counted once per process).
  const engine = await ChromiumEngine.launch();
  type Stage = 'layout' | 'print' | 'merge' | 'post';
  let sampled: Awaited<ReturnType<typeof withPeakMemory<Awaited<ReturnType<typeof exportTreePdf>>, Stage>>>;
  try {
    sampled = await withPeakMemory<Awaited<ReturnType<typeof exportTreePdf>>, Stage>(
      (enter) => exportTreePdf(tree, { pdfPath: path.join(dir, `scale-${times}.pdf`), engine, cache: new LayoutCache(), printMemory: false, onStage: enter }),
      'layout',
    );
  } finally {
    await engine.close();
  }
  const { value: result, peak, byStage, cpuByStage, nodeAtPeak } = sampled;
  const mb = (bytes = 0) => Math.round(bytes / 1e6);
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
    nodeAtPeakMB: mb(nodeAtPeak),
    layoutCpuMsPerPage: Math.round(((cpuByStage.get('layout') ?? 0) / result.pages) * 10) / 10,
    printCpuMsPerPage: Math.round((((cpuByStage.get('print') ?? 0) + (cpuByStage.get('merge') ?? 0)) / result.pages) * 10) / 10,
    mergeCpuMsPerPage: Math.round(((cpuByStage.get('merge') ?? 0) / result.pages) * 10) / 10,
    printBatches: result.pages > PRINT_BATCH_PAGES * 1.5 ? Math.ceil(result.pages / PRINT_BATCH_PAGES) : 1,
    laidOutMChars: Math.round(result.layout.laidOut.reduce((n, u) => n + u.pagesHtml.length, 0) / 1e5) / 10,
    peakByStageMB: { layout: mb(byStage.get('layout')), print: mb(byStage.get('print')), merge: mb(byStage.get('merge')), post: mb(byStage.get('post')) },
    ...(times === 1 ? { documents: result.pageMap.documents } : {}),
  };
}

/** The 1-minute load average (the machine's noise, printed beside every figure). */
export function loadAverage(): string {
  return loadavg()[0].toFixed(1);
}

export async function runScale(sample: IssueTree, ctx: CliContext, sizes = [1, 3, 12]): Promise<ScaleFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-scale-'));
  const figures: ScaleFigure[] = [];
  try {
    for (const times of sizes) {
      const f = await measureScale(sample, times, dir);
      figures.push(f);
      ctx.err(
        `sample ×${times}: ${f.pages} pages; layout ${f.layoutMs} ms (${f.layoutMsPerPage} ms/page), print ${f.printMs} ms (${f.printMsPerPage} ms/page); CPU of the tree per page: layout ${f.layoutCpuMsPerPage} ms, print ${f.printCpuMsPerPage} ms (${f.printBatches} batches; joining them ${f.mergeCpuMsPerPage} ms); ` +
          `laid-out HTML ${f.laidOutMChars}M characters, peak ${f.peakMB} MB (layout ${f.peakByStageMB.layout}, print ${f.peakByStageMB.print}, merge ${f.peakByStageMB.merge}, post ${f.peakByStageMB.post}; this process ${f.nodeAtPeakMB} of it); load ${loadAverage()}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
