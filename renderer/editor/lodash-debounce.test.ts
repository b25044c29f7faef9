// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for the real lodash modules, test-only
/// <reference path="./lodash-modules.d.ts" />
// The real lodash (what slate-react would get without the alias in vite.config.ts), to compare against.
import lodashDebounce from 'lodash/debounce';
import lodashThrottle from 'lodash/throttle';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import debounce from './lodash-debounce';
import throttle from './lodash-throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Make = (fn: (n: number) => number) => ((n: number) => number | undefined) & { flush(): unknown; cancel(): void };

/** Calls at the given times (ms), then 1 s of quiet: the times and arguments the function was invoked with. */
function run(make: Make, schedule: Array<number | 'flush' | 'cancel'>): Array<[number, number]> {
  const start = Date.now();
  const seen: Array<[number, number]> = [];
  const fn = make((n) => (seen.push([Date.now() - start, n]), n));
  let i = 0;
  for (const step of schedule) {
    if (step === 'flush') fn.flush();
    else if (step === 'cancel') fn.cancel();
    else {
      vi.advanceTimersByTime(step - (Date.now() - start));
      fn(i++);
    }
  }
  vi.advanceTimersByTime(1000);
  return seen;
}

const schedules: Array<Array<number | 'cancel'>> = [
  [0],
  [0, 10, 20, 30],
  [0, 50, 120, 130, 250, 400, 401, 402, 700],
  [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330],
  [0, 40, 'cancel', 45, 300, 'cancel', 310],
];

describe('debounce and throttle for slate-react', () => {
  it('invoke at the same times with the same arguments as lodash', () => {
    const variants: Array<[Make, Make]> = [
      [(f) => debounce(f, 0), (f) => lodashDebounce(f, 0)],
      [(f) => debounce(f, 100), (f) => lodashDebounce(f, 100)],
      [(f) => debounce(f, 100, { leading: true }), (f) => lodashDebounce(f, 100, { leading: true })],
      [(f) => debounce(f, 100, { maxWait: 150 }), (f) => lodashDebounce(f, 100, { maxWait: 150 })],
      [(f) => throttle(f, 100), (f) => lodashThrottle(f, 100)],
      [(f) => throttle(f, 100, { trailing: false }), (f) => lodashThrottle(f, 100, { trailing: false })],
    ];
    for (const [v, [ours, theirs]] of variants.entries())
      for (const schedule of schedules) expect(run(ours, schedule), `variant ${v}, schedule ${JSON.stringify(schedule)}`).toEqual(run(theirs, schedule));
  });

  it('flush passes the pending call on and leaves no timer running (lodash 4.17.21 leaves one per flush)', () => {
    /** slate-react per keystroke: beforeinput flushes its selection-change debounce and throttle; then the
     *  selection changes twice, each scheduling the throttle through a 0 ms debounce. */
    const typeKeys = (make: Make, keys: number) => {
      const calls: number[] = [];
      const start = Date.now();
      // While React has not rendered the last change, slate-react's handler calls the throttle again instead.
      let renderPending = false;
      const throttled: ReturnType<Make> = make((n) => {
        if (renderPending) return throttled(n) ?? n;
        calls.push(n, Date.now() - start);
        return n;
      });
      const scheduled = debounce(throttled, 0);
      const timers: number[] = [];
      for (let key = 0; key < keys; key++) {
        renderPending = true;
        setTimeout(() => (renderPending = false), key % 3 ? 4 : 120);
        scheduled.flush();
        throttled(key);
        throttled.flush();
        for (const ms of [2, 3, 50]) {
          if (ms < 50) scheduled(key);
          vi.advanceTimersByTime(ms === 50 ? 50 : 1);
        }
        timers.push(vi.getTimerCount());
      }
      vi.advanceTimersByTime(1000);
      return { timers, calls, left: vi.getTimerCount() };
    };
    const ours = typeKeys((f) => throttle(f, 100), 40);
    expect(Math.max(...ours.timers)).toBeLessThanOrEqual(4);
    expect(ours.calls.at(-2)).toBe(39);
    expect(ours.left).toBe(0);
    // The bug this module exists for: lodash's own throttle piles up timers while the typing goes on.
    const theirs = typeKeys((f) => lodashThrottle(f, 100), 40);
    expect(Math.max(...theirs.timers)).toBeGreaterThan(10);
    // and the function is invoked with the same arguments at the same times: only the idle wake-ups are gone.
    expect(ours.calls).toEqual(theirs.calls);
  });
});
