/**
 * Where a keystroke's time goes, typing in the largest document (城市体检): a Chromium trace (main-thread CPU
 * per keystroke, split by trace event) and a JS CPU profile (self time by function). For finding per-keystroke
 * work; the UI bench (tests/e2e-bench.test.ts) gives the figures. Loads dist/ (run `npm run build` first;
 * GAZETTE_NO_MINIFY=1 keeps function names readable).
 *   npx tsx tests/typing-profile.ts [keystrokes=120] [out-dir]
 */
import { writeFileSync } from 'node:fs';
import { launchBrowser, startServer, freshDbPath } from './e2e-support';
import { caretInParagraph, installPaintProbe, openLargestDocument, typeSteadily } from './typing-steps';

type TraceEvent = { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };

const keystrokes = Number(process.argv[2] ?? 120);
const outDir = process.argv[3];

function mainThread(events: TraceEvent[]): string {
  const dispatches = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  return [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Self thread time per trace event name on the main thread (nested X events subtracted from their parent). */
function selfTimeByName(events: TraceEvent[], thread: string): Map<string, number> {
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + (stack[stack.length - 1].dur ?? 0) <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.tdur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.tdur ?? 0));
    stack.push(e);
  }
  return self;
}

async function main(): Promise<void> {
  const server = await startServer(freshDbPath());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openLargestDocument(page, server.url);
    // Try a style without a rebuild: TYPING_CSS='.editable > p { ... }'.
    if (process.env.TYPING_CSS) await page.addStyleTag({ content: process.env.TYPING_CSS });
    console.log('DOM nodes in editor', await page.evaluate(() => document.querySelector('[data-testid=editor]')!.getElementsByTagName('*').length));
    await caretInParagraph(page);
    await installPaintProbe(page);
    const type = () => typeSteadily(page, keystrokes);

    // Variants (TYPING_VARIANTS='["", ".editable > p { ... }"]'): each a style sheet put in the page, typed
    // with in turn twice (A B A B), so that the machine's load falls alike on each.
    const variants = JSON.parse(process.env.TYPING_VARIANTS ?? '[""]') as string[];
    const rounds = variants.length > 1 ? 2 : 1;
    for (let round = 0; round < rounds; round++)
      for (const [v, css] of variants.entries()) {
        await page.evaluate((text) => {
          let style = document.getElementById('typing-variant');
          if (!style) document.head.append((style = Object.assign(document.createElement('style'), { id: 'typing-variant' })));
          style.textContent = text;
          (window as unknown as { __lat: number[] }).__lat = [];
        }, css);
        await page.waitForTimeout(300);
        await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'blink', 'v8'] });
        await type();
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        if (outDir) writeFileSync(`${outDir}/trace-${v}-${round}.json`, JSON.stringify(trace));
        const thread = mainThread(trace.traceEvents);
        let cpu = 0;
        for (const e of trace.traceEvents) if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && `${e.pid}:${e.tid}` === thread) cpu += (e.tdur ?? 0) / 1000;
        const self = selfTimeByName(trace.traceEvents, thread);
        const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.slice(10).sort((a, b) => a - b));
        const per = (name: string) => ((self.get(name) ?? 0) / 1000 / keystrokes).toFixed(2);
        console.log(
          `variant ${v} round ${round}: CPU/key ${(cpu / keystrokes).toFixed(2)} ms; latency p50 ${lat[Math.floor(lat.length / 2)].toFixed(1)} p95 ${lat[Math.floor(lat.length * 0.95)].toFixed(1)};` +
            ` Layout ${per('Layout')} Paint ${per('Paint')} PrePaint ${per('PrePaint')} Layerize ${per('Layerize')} HitTest ${per('LayoutView::HitTest')} UpdateLayoutTree ${per('UpdateLayoutTree')} SyncSelection ${per('Editor::SyncSelection')}`,
        );
        if (process.env.TYPING_DETAIL) for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`  ${(us / 1000 / keystrokes).toFixed(3).padStart(7)} ms  ${name}`);
      }
    if (process.env.TYPING_NO_PROFILE) return;

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await type();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    if (outDir) writeFileSync(`${outDir}/profile.cpuprofile`, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      if (f.functionName === '(idle)' || f.functionName === '(program)') return;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    });
    const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
    console.log(`JS profile: ${(total / 1000 / keystrokes).toFixed(2)} ms per keystroke (sampled, incl. GC)`);
    for (const [k, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(us / 1000 / keystrokes).toFixed(3).padStart(7)} ms  ${k}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
