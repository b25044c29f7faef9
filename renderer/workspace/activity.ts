/**
 * When the user last typed. Layouts run on the page's main thread (the print page is a same-origin frame),
 * so they wait until typing has paused rather than start between two keystrokes.
 */
let lastInputAt = 0;

export function markInput(): void {
  lastInputAt = performance.now();
}

let unitLayout: Promise<unknown> = Promise.resolve();

/** The live preview's layout in progress: the whole-issue layout waits for it (same thread, and it reuses its pages). */
export function trackUnitLayout(p: Promise<unknown>): void {
  unitLayout = p.catch(() => undefined);
}

export function unitLayoutSettled(): Promise<unknown> {
  return unitLayout;
}

/** Resolves once no input happened for `quietMs`. */
export async function typingPaused(quietMs = 700): Promise<void> {
  for (;;) {
    const wait = lastInputAt + quietMs - performance.now();
    if (wait <= 0) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}
