/**
 * lodash's `debounce` for slate-react (vite.config.ts points `lodash/debounce` here), with one difference:
 * `flush()` clears the pending timer. lodash 4.17.21's flush forgets the timer without clearing it
 * (lodash/lodash#5780), and the forgotten timer keeps waking and re-arming itself while calls go on.
 * slate-react flushes its selection-change throttle on every beforeinput, so each keystroke left one such
 * timer behind: typing steadily in 城市体检 ran about 13 stray timer tasks per keystroke (0.8 ms of main
 * thread), some of them between the keystroke and its frame. Otherwise the same contract: `leading`,
 * `trailing`, `maxWait`, `cancel`, `flush`, and the last result returned.
 */
export interface DebounceOptions {
  leading?: boolean;
  trailing?: boolean;
  maxWait?: number;
}

export interface Debounced<F extends (...args: never[]) => unknown> {
  (this: unknown, ...args: Parameters<F>): ReturnType<F> | undefined;
  cancel(): void;
  flush(): ReturnType<F> | undefined;
}

export default function debounce<F extends (...args: never[]) => unknown>(func: F, wait = 0, options: DebounceOptions = {}): Debounced<F> {
  const leading = !!options.leading;
  const trailing = options.trailing ?? true;
  const maxWait = options.maxWait === undefined ? undefined : Math.max(options.maxWait, wait);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { self: unknown; args: Parameters<F> } | undefined; // a call not yet passed on
  let lastCallAt: number | undefined;
  let lastInvokeAt = 0;
  let result: ReturnType<F> | undefined;

  const invoke = (now: number) => {
    const call = pending!;
    pending = undefined;
    lastInvokeAt = now;
    result = func.apply(call.self, call.args) as ReturnType<F>;
    return result;
  };
  // Quiet for `wait` since the last call, or `maxWait` since the last invocation (or the clock went back).
  const isDue = (now: number) =>
    lastCallAt === undefined || now - lastCallAt >= wait || now - lastCallAt < 0 || (maxWait !== undefined && now - lastInvokeAt >= maxWait);
  const timeLeft = (now: number) => {
    const quiet = wait - (now - lastCallAt!);
    return maxWait === undefined ? quiet : Math.min(quiet, maxWait - (now - lastInvokeAt));
  };
  const trailingEdge = (now: number) => {
    timer = undefined;
    if (trailing && pending) return invoke(now);
    pending = undefined;
    return result;
  };
  const onTimer = () => {
    const now = Date.now();
    if (isDue(now)) trailingEdge(now);
    else timer = setTimeout(onTimer, timeLeft(now));
  };

  function debounced(this: unknown, ...args: Parameters<F>): ReturnType<F> | undefined {
    const now = Date.now();
    const due = isDue(now);
    pending = { self: this, args };
    lastCallAt = now;
    if (due && timer === undefined) {
      // Leading edge: the wait starts now.
      lastInvokeAt = now;
      timer = setTimeout(onTimer, wait);
      return leading ? invoke(now) : result;
    }
    if (due && maxWait !== undefined) {
      // Calls kept coming for maxWait: pass this one on and start a new wait.
      clearTimeout(timer);
      timer = setTimeout(onTimer, wait);
      return invoke(now);
    }
    if (timer === undefined) timer = setTimeout(onTimer, wait);
    return result;
  }
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = pending = lastCallAt = undefined;
    lastInvokeAt = 0;
  };
  debounced.flush = () => {
    if (timer === undefined) return result;
    clearTimeout(timer);
    return trailingEdge(Date.now());
  };
  return debounced;
}
