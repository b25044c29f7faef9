/**
 * When the user last typed. The HTML for a layout is made on the page's main thread (the layout itself runs
 * in the print page's process), so it waits until typing has paused rather than start between two keystrokes.
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

/** Resolves after the next frame was painted: work that can wait lets the screen show the change first. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
