/** lodash's `throttle` for slate-react (vite.config.ts points `lodash/throttle` here): see lodash-debounce.ts. */
import debounce, { type Debounced } from './lodash-debounce';

export default function throttle<F extends (...args: never[]) => unknown>(func: F, wait = 0, options: { leading?: boolean; trailing?: boolean } = {}): Debounced<F> {
  return debounce(func, wait, { leading: options.leading ?? true, trailing: options.trailing ?? true, maxWait: wait });
}
