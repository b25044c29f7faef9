/**
 * `gazette bench [--runs N]`: medians of N (>= 3) runs of
 *   (a) cold export from process start (a fresh `gazette demo` process),
 *   (b) warm export (engine running, layout cache empty),
 *   (c) re-export after one paragraph edit (cache warm: laid-out units and the pages printed by the warm
 *       export, so only the changed pages are printed again),
 *   (d) the print floor (same Chromium printing the final laid-out HTML, no pagination script),
 *   (e) peak memory of all processes (this one and its descendants; PSS, so shared pages count once),
 *       sampled every 100 ms.
 * The last line printed is one JSON object: coldMs, warmMs, editMs, floorMs, peakMB, pages.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GazetteDocument, IssueTree, ParagraphElement } from '../../common/model';
import { appRoot } from '../appRoot';
import { ChromiumEngine } from '../export/chromium';
import { LayoutCache } from '../export/layoutCache';
import { parkedHtml } from '../export/pageScripts';
import { openLibrary } from '../store/index';
import { loadSampleTree } from './demo';
import { fileArgument } from './export';
import { callChannel, parseCommandArgs, type CliContext } from './shared';

export const usage = 'bench [--runs N] [--scale [--sizes 1,3,12] [--archive-years N]]';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** A process and all its descendants (Linux /proc: every process's parent). */
function processTree(rootPid: number): number[] {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  return [...parent.keys()].filter((pid) => {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== rootPid) p = parent.get(p);
    return p === rootPid;
  });
}

/** Memory (PSS, else RSS) in bytes of the given processes. */
function memoryOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      // Proportional set size counts pages shared between Chromium's processes once, not once per process.
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (pss) {
        total += Number(pss[1]) * 1024;
        continue;
      }
    } catch {}
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      total += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * 4096;
    } catch {}
  }
  return total;
}

/**
 * CPU time (user + system, ms) used so far by a process and its descendants alive now (Linux /proc; 0
 * elsewhere). Unlike wall time it does not count waiting for a core, so it compares runs on a shared machine.
 */
export function treeCpuMs(rootPid: number = process.pid): number {
  if (!existsSync('/proc/self/stat')) return 0;
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  // USER_HZ is 100 on Linux.
  return ticks * 10;
}

/** Memory (PSS, else RSS) in bytes of a process and all its descendants, or of the given processes (Linux /proc; 0 elsewhere). */
export function treeRss(rootPid: number, pids?: number[]): number {
  if (!existsSync('/proc/self/stat')) return 0;
  return memoryOf(pids ?? processTree(rootPid));
}

/**
 * Sample the memory of this process's tree until the returned function is called, spending at most about a
 * tenth of one core on it: a sample reads every process's parent and the tree's smaps_rollup, which cost
 * ~90 ms of CPU with Chromium running (ten samples a second took most of a core from the work measured).
 * The process list is read again at most once a second.
 */
export function sampleTreeMemory(onSample: (bytes: number) => void, rootPid = process.pid): () => void {
  if (!existsSync('/proc/self/stat')) return () => undefined;
  let tree: number[] = [];
  let listedAt = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    const c0 = process.cpuUsage();
    if (performance.now() - listedAt > 1000) {
      tree = processTree(rootPid);
      listedAt = performance.now();
    }
    onSample(memoryOf(tree));
    const cost = process.cpuUsage(c0);
    if (!stopped) timer = setTimeout(tick, Math.max(100, ((cost.user + cost.system) / 1000) * 9));
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function coldRun(pdf: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // From process start to the PDF written: the demo's DOCX is left out.
    const child = spawn(process.execPath, [path.join(appRoot(), 'bin', 'gazette.mjs'), 'demo', '--pdf', pdf, '--no-docx'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`cold export exited with ${code}`))));
  });
}

/** One document of the issue with one paragraph changed (a different text each run), to save and export. */
function editedDocument(tree: IssueTree, run: number): GazetteDocument | undefined {
  const docs = tree.sections[0]?.documents ?? [];
  const doc = structuredClone(docs[Math.min(2, docs.length - 1)]);
  const para = doc?.content.blocks.find((b): b is ParagraphElement => b.type === 'paragraph');
  if (!para) return undefined;
  para.children.push({ text: `（第${run + 1}次修改）` });
  return doc;
}

const benchOptions = { runs: { type: 'string' }, scale: { type: 'boolean' }, sizes: { type: 'string' }, 'archive-years': { type: 'string' } } as const;

/**
 * `bench --scale`: per-page layout and print time and peak memory at about 60, 175 and 700 pages (the
 * sample 1×, 3×, 12×), then the archive figures over `--archive-years` (default 20) years of monthly issues.
 */
async function runScaleBench(ctx: CliContext, years: number, sizes: number[]): Promise<number> {
  const { runScale, loadAverage } = await import('./benchScale');
  const { makeArchive, measureArchive, archiveIssue, samplePagesOf, SAMPLE_PAGES } = await import('./benchArchive');
  const { openLibrary } = await import('../store/index');
  const sample = loadSampleTree();
  const figures = await runScale(sample, ctx, sizes);
  const base = figures[0];
  for (const f of figures) {
    ctx.out(
      `${String(f.pages).padStart(4)} pages: layout ${f.layoutMsPerPage} ms/page (${(f.layoutMsPerPage / base.layoutMsPerPage).toFixed(2)}× the ${base.pages}-page figure), ` +
        `print ${f.printMsPerPage} ms/page, peak ${f.peakMB} MB (${f.peakKBPerPage} kB/page); ` +
        `CPU per page: layout ${f.layoutCpuMsPerPage} ms (${(f.layoutCpuMsPerPage / base.layoutCpuMsPerPage).toFixed(2)}×), print ${f.printCpuMsPerPage} ms (of which joining ${f.printBatches} batches ${f.mergeCpuMsPerPage} ms)`,
    );
  }
  if (years === 0) {
    ctx.out(JSON.stringify({ scale: figures.map(({ documents: _documents, ...f }) => f) }));
    return 0;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-archive-'));
  try {
    const archive = openLibrary(path.join(dir, 'archive.sqlite'), { logger: { warn: () => {} } });
    const alone = openLibrary(path.join(dir, 'alone.sqlite'), { logger: { warn: () => {} } });
    try {
      const t0 = performance.now();
      // The sample's page map from its own run, else the one recorded in benchArchive.ts.
      const pages = base?.documents ? samplePagesOf(sample, base.documents, base.pages) : SAMPLE_PAGES;
      const ids = makeArchive(archive, sample, { firstYear: 2025 - years, years, pages });
      ctx.err(`archive: ${ids.length} issues generated in ${Math.round(performance.now() - t0)} ms`);
      const middle = ids[Math.floor(ids.length / 2)];
      const m = archive.issues.get(middle);
      const aloneId = alone.issues.insertTree(archiveIssue(sample, m.year, m.number, m.cumulativeNumber));
      const a = await measureArchive(archive, { library: alone, issueId: aloneId }, middle);
      ctx.out(
        `archive of ${a.issues} issues, ${a.documents} documents: library opens (issues.list) ${a.openMs.median} ms (max ${a.openMs.max}; target <= 300); ` +
          `search p95 ${a.searchP95} ms (target <= 100); year index ${a.yearIndexMs} ms for ${a.yearIndexEntries} entries (target <= 1000); ` +
          `open an issue ${a.openIssueMs} ms (alone in a library: ${a.openIssueAloneMs} ms); load ${loadAverage()}`,
      );
      ctx.out(
        `  the same in CPU time of this process: library opens ${a.cpu.openMs} ms, search p95 ${a.cpu.searchP95} ms, year index ${a.cpu.yearIndexMs} ms, ` +
          `open an issue ${a.cpu.openIssueMs} ms (alone: ${a.cpu.openIssueAloneMs} ms), of which the store's reads in a fresh connection ` +
          `${a.storeReadCpuMs.archive} ms (alone: ${a.storeReadCpuMs.alone} ms)`,
      );
      for (const q of a.search) ctx.out(`  search ${JSON.stringify(q.query)}: p95 ${q.p95} ms, ${q.hits} hits`);
      ctx.out(JSON.stringify({ scale: figures.map(({ documents: _documents, ...f }) => f), archive: a }));
    } finally {
      archive.close();
      alone.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, benchOptions);
  if (values.scale) {
    // --sizes 0 measures the archive alone; --archive-years 0 the sizes alone.
    const sizes = (values.sizes ?? '1,3,12').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const years = Number(values['archive-years'] ?? 20);
    return runScaleBench(ctx, Number.isInteger(years) && years >= 0 ? years : 20, sizes);
  }
  const runs = Math.max(3, Number(values.runs ?? 3) || 3);
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-bench-'));
  let peak = 0;
  // Peak per phase too, so a memory regression can be traced to cold, warm/edit or floor runs.
  let phasePeak = 0;
  const stopSampling = sampleTreeMemory((now) => {
    peak = Math.max(peak, now);
    phasePeak = Math.max(phasePeak, now);
  });
  const endPhase = (name: string) => {
    ctx.err(`peak memory during ${name}: ${Math.round(phasePeak / 1e6)} MB`);
    phasePeak = 0;
  };
  const tree = loadSampleTree();
  const cold: number[] = [];
  const warm: number[] = [];
  const edit: number[] = [];
  const floor: number[] = [];
  let pages = 0;
  try {
    for (let i = 0; i < runs; i++) {
      cold.push(await coldRun(path.join(dir, `cold-${i}.pdf`)));
      ctx.err(`cold ${i + 1}: ${Math.round(cold[i])} ms`);
    }
    endPhase('cold runs');
    const engine = await ChromiumEngine.launch();
    const library = openLibrary(path.join(dir, 'bench.sqlite'));
    try {
      // Through the app's export handler (the contract), with this engine and a layout cache per run.
      const issueId = library.issues.insertTree(tree);
      const exportPdf = async (file: string, cache: LayoutCache) => {
        const host = { printEngine: async () => engine, layoutCache: cache, ...fileArgument(file) };
        const result = await callChannel(ctx, library, 'export.pdf', { issueId }, host);
        if (result.canceled || !result.timings) throw new Error('bench export wrote no PDF');
        return { pages: result.pages, timings: result.timings };
      };
      // One untimed export warms the page (fonts decoded, code compiled).
      await exportPdf(path.join(dir, 'prime.pdf'), new LayoutCache());
      for (let i = 0; i < runs; i++) {
        const cache = new LayoutCache();
        const t0 = performance.now();
        const result = await exportPdf(path.join(dir, `warm-${i}.pdf`), cache);
        warm.push(performance.now() - t0);
        pages = result.pages;
        ctx.err(`warm ${i + 1}: ${Math.round(warm[i])} ms (layout ${result.timings.layoutMs}, print ${result.timings.printMs})`);
        const edited = editedDocument(library.issues.getTree(issueId), i);
        const t1 = performance.now();
        if (edited) await callChannel(ctx, library, 'documents.save', { documentId: edited.id, content: edited.content as never });
        const after = await exportPdf(path.join(dir, `edit-${i}.pdf`), cache);
        edit.push(performance.now() - t1);
        const { printedPages, reusedPages, fullPrintReason } = after.timings;
        const reuse = fullPrintReason ? `printed all ${printedPages} pages: ${fullPrintReason}` : `printed ${printedPages} page(s), reused ${reusedPages}`;
        ctx.err(`edit ${i + 1}: ${Math.round(edit[i])} ms (save and export; layout ${after.timings.layoutMs}, print ${after.timings.printMs}, post ${after.timings.postMs}; ${reuse})`);
      }
      endPhase('warm and edit runs');
      // The floor: the final laid-out pages as static HTML (scripts removed), printed by the same Chromium.
      // Parked as the engine parks its own page before printing, so the floor too skips the screen layout.
      const laidOutHtml = parkedHtml((await engine.currentHtml()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''));
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await engine.printStaticHtml(laidOutHtml);
        floor.push(performance.now() - t0);
        ctx.err(`floor ${i + 1}: ${Math.round(floor[i])} ms`);
      }
      endPhase('floor runs');
    } finally {
      library.close();
      await engine.close();
    }
  } finally {
    stopSampling();
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = {
    coldMs: median(cold),
    warmMs: median(warm),
    editMs: median(edit),
    floorMs: median(floor),
    peakMB: Math.round(peak / 1e6),
    pages,
  };
  ctx.out(`warm/floor = ${(summary.warmMs / summary.floorMs).toFixed(2)} (target <= 1.5); edit/warm = ${(summary.editMs / summary.warmMs).toFixed(2)} (target <= 0.4)`);
  ctx.out(JSON.stringify(summary));
  return 0;
}
