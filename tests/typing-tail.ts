/**
 * The tail of keystroke latency, typing in the largest document (城市体检) as the UI bench does: for every
 * keystroke, what the page's main thread ran between keydown and the paint that showed it (each task with
 * its notable parts: events, timers, frames, style, layout, paint, GC). Loads dist/ (`npm run build` first).
 *   npx tsx tests/typing-tail.ts [keystrokes=120] [trace-out.json]
 *   npx tsx tests/typing-tail.ts --trace trace.json   (analyse a trace written before)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { freshDbPath, launchBrowser, startServer } from './e2e-support';
import { caretInParagraph, installPaintProbe, openLargestDocument, typeSteadily } from './typing-steps';

type TraceEvent = { ph: string; name: string; cat?: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { data?: Record<string, unknown> } };

const NOTABLE = new Set([
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'BlinkGC.AtomicPhase',
  'HitTest',
  'ScrollLayer',
  'ParseHTML',
  'XHRReadyStateChange',
  'RunMicrotasks',
  'FireIdleCallback',
  'BeginMainThreadFrame',
  'UpdateLayer',
  'V8.GC_MC_INCREMENTAL',
  'V8.GCIncrementalMarking',
  'V8.GCFinalizeMC',
  'V8.GCScavenger',
  'IntersectionObserverController::computeIntersections',
]);

function mainThread(events: TraceEvent[]): string {
  const dispatches = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  return [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function label(e: TraceEvent): string {
  const d = (e.args?.data ?? {}) as { type?: string; functionName?: string; url?: string; lineNumber?: number };
  if (e.name === 'EventDispatch') return `event:${d.type}`;
  if (e.name === 'TimerFire') return `timer`;
  if (e.name === 'FunctionCall') return `fn:${d.functionName || '?'}@${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`;
  return e.name;
}

/** The trace's keystrokes: keydown start, the input event's end, the end of the first frame after it. */
export function analyse(trace: { traceEvents: TraceEvent[] }, latencies?: number[]): void {
  const thread = mainThread(trace.traceEvents);
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const rows: Array<{ i: number; toFrame: number; lat?: number; cpu: number; parts: Map<string, number>; tasks: string[]; kinds: Map<string, number> }> = [];
  for (const [i, k] of keydowns.entries()) {
    const input = events.find((e) => e.ts >= k.ts && e.name === 'EventDispatch' && e.args?.data?.type === 'input');
    const frame = input && events.find((e) => e.name === 'Layerize' && e.ts >= input.ts + (input.dur ?? 0));
    if (!frame) continue;
    const frameEnd = frame.ts + (frame.dur ?? 0);
    const end = latencies?.[i] !== undefined ? Math.max(frameEnd, k.ts + latencies[i] * 1000) : frameEnd;
    const startTask = tasks.filter((t) => t.ts <= k.ts).at(-1)!;
    const inWindow = tasks.filter((t) => t.ts + (t.dur ?? 0) > startTask.ts && t.ts < end);
    const parts = new Map<string, number>();
    const lines: string[] = [];
    const kinds = new Map<string, number>();
    let cpu = 0;
    for (const t of inWindow) {
      cpu += (t.tdur ?? 0) / 1000;
      const inside = events.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && NOTABLE.has(e.name));
      const types = new Set(inside.filter((e) => e.name === 'EventDispatch').map((e) => e.args?.data?.type));
      const kind = types.has('keydown') || types.has('input')
        ? 'keystroke task'
        : inside.some((e) => e.name === 'Paint' || e.name === 'Layerize')
          ? 'frame'
          : types.has('keyup')
            ? 'keyup'
            : types.has('selectionchange')
              ? 'selectionchange'
              : 'other';
      kinds.set(kind, (kinds.get(kind) ?? 0) + (t.tdur ?? 0) / 1000);
      // Self time of notable events (nested notable events subtracted).
      const self = new Map<string, number>();
      for (const e of inside) {
        const l = label(e);
        // Thread time (what the work costs on a quiet machine), not wall time, which other load inflates.
        let own = e.tdur ?? e.dur ?? 0;
        for (const c of inside) if (c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && c.ts + (c.dur ?? 0) > e.ts) own -= c.tdur ?? c.dur ?? 0;
        self.set(l, (self.get(l) ?? 0) + Math.max(0, own));
      }
      for (const [l, us] of self) parts.set(l, (parts.get(l) ?? 0) + us / 1000);
      const taskOwn = (t.tdur ?? 0) - [...self.values()].reduce((a, b) => a + b, 0);
      self.set('(task, outside these)', taskOwn);
      parts.set('(task, outside these)', (parts.get('(task, outside these)') ?? 0) + taskOwn / 1000);
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([l, us]) => `${l} ${(us / 1000).toFixed(1)}`);
      lines.push(`    +${((t.ts - k.ts) / 1000).toFixed(1).padStart(5)} ${((t.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)}): ${top.join(', ')}`);
    }
    rows.push({ i, toFrame: (frameEnd - k.ts) / 1000, lat: latencies?.[i], cpu, parts, tasks: lines, kinds });
  }
  const steady = rows.slice(10);
  // The window's thread CPU by task kind: on a quiet machine the latency is about this sum (the frame is sent
  // for ~1-2 ms after keydown, while the keystroke's task still runs, so it starts as soon as that task ends).
  const kinds = new Map<string, number>();
  for (const r of steady) for (const [kind, ms] of r.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
  const cpus = steady.map((r) => r.cpu);
  const q = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))];
  console.log(`keystrokes ${rows.length}; to frame p50 ${q(steady.map((r) => r.toFrame), 0.5).toFixed(1)} p95 ${q(steady.map((r) => r.toFrame), 0.95).toFixed(1)}`);
  console.log(`window thread CPU p50 ${q(cpus, 0.5).toFixed(1)} p95 ${q(cpus, 0.95).toFixed(1)}; mean per keystroke by task: ${[...kinds].map(([k, ms]) => `${k} ${(ms / steady.length).toFixed(2)}`).join(', ')}`);
  if (latencies) console.log(`to paint p50 ${q(latencies.slice(10), 0.5).toFixed(1)} p95 ${q(latencies.slice(10), 0.95).toFixed(1)}`);
  const slow = steady.filter((r) => Math.max(r.toFrame, r.lat ?? 0) > 16);
  const fast = steady.filter((r) => Math.max(r.toFrame, r.lat ?? 0) <= 16);
  const mean = (rs: typeof rows, key: string) => (rs.length ? rs.reduce((a, r) => a + (r.parts.get(key) ?? 0), 0) / rs.length : 0);
  const keys = new Set(steady.flatMap((r) => [...r.parts.keys()]));
  console.log(`\nmean ms in the window, slow (>16 ms, ${slow.length}) vs fast (${fast.length}):`);
  for (const key of [...keys].sort((a, b) => mean(slow, b) - mean(slow, a)).slice(0, 25))
    console.log(`  ${mean(slow, key).toFixed(2).padStart(6)} ${mean(fast, key).toFixed(2).padStart(6)}  ${key}`);
  console.log(`  ${(slow.reduce((a, r) => a + r.cpu, 0) / (slow.length || 1)).toFixed(2).padStart(6)} ${(fast.reduce((a, r) => a + r.cpu, 0) / (fast.length || 1)).toFixed(2).padStart(6)}  (thread CPU of the window's tasks)`);
  console.log('\nslow keystrokes:');
  for (const r of slow) {
    console.log(`  #${r.i}: to frame ${r.toFrame.toFixed(1)} ms${r.lat !== undefined ? `, to paint ${r.lat.toFixed(1)} ms` : ''}, window CPU ${r.cpu.toFixed(1)} ms`);
    for (const l of r.tasks) console.log(l);
  }
  if (process.env.TAIL_ALL) {
    console.log('\nfast keystrokes:');
    for (const r of fast.slice(0, 8)) {
      console.log(`  #${r.i}: to frame ${r.toFrame.toFixed(1)} ms${r.lat !== undefined ? `, to paint ${r.lat.toFixed(1)} ms` : ''}, window CPU ${r.cpu.toFixed(1)} ms`);
      for (const l of r.tasks) console.log(l);
    }
  }
}

async function record(keystrokes: number, out?: string): Promise<void> {
  const server = await startServer(freshDbPath());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openLargestDocument(page, server.url);
    await caretInParagraph(page);
    await installPaintProbe(page);
    const categories = (process.env.TAIL_CATEGORIES ?? 'devtools.timeline,toplevel,v8').split(',');
    await browser.startTracing(page, { categories });
    await typeSteadily(page, keystrokes);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    if (out) writeFileSync(out, JSON.stringify({ ...trace, latencies: lat }));
    analyse(trace, lat);
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[2] === '--trace') {
  const trace = JSON.parse(readFileSync(process.argv[3], 'utf8')) as { traceEvents: TraceEvent[]; latencies?: number[] };
  analyse(trace, trace.latencies);
} else {
  await record(Number(process.argv[2] ?? 120), process.argv[3]);
}
