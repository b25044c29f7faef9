/**
 * Steps shared by the UI bench and the typing tools (typing-profile, typing-tail): open the sample issue's
 * largest document (城市体检) with its layouts settled, put the caret at the end of a paragraph, probe each
 * keystroke's paint, and type as the bench does.
 */
import type { Page } from 'playwright-core';

/** From the library: open the issue, then 城市体检, and wait until its preview and the layout are done. */
export async function openLargestDocument(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.click('.issue-link');
  await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 120_000 });
  await page.locator('[data-testid=outline-doc]', { hasText: '城市体检' }).click();
  await page.waitForSelector('[data-testid=editor] [data-type=doc-title]:has-text("城市体检")', { timeout: 60_000 });
  await settleLayouts(page);
}

/** Until the unit's preview and the background layout of the whole issue (which shares the print frames' process) are done. */
export async function settleLayouts(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=preview-status][data-state=done]', { timeout: 180_000 });
  await page.waitForSelector('[data-testid=issue-layout][data-state=done]', { timeout: 300_000 }).catch(() => undefined);
}

/** A click at the end of the editor's fourth top-level paragraph, the mouse left there (as a person's would be). */
export async function caretInParagraph(page: Page): Promise<void> {
  const para = page.locator('[data-testid=editor] > .el-paragraph').nth(3);
  await para.scrollIntoViewIfNeeded();
  const box = (await para.boundingBox())!;
  await page.mouse.click(box.x + box.width - 2, box.y + box.height - 6);
}

/**
 * Each keydown's time to paint, in `window.__lat`: requestAnimationFrame runs before the paint, and a message
 * posted from it arrives after that frame was painted.
 */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.__lat.push(performance.now() - start);
          ch.port2.postMessage(0);
        });
      },
      true,
    );
  });
}

/** The probe's figures so far (ms per keystroke). */
export function paintLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/** `count` keys 30 ms apart, a space every tenth. */
export async function typeSteadily(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await page.keyboard.press(i % 10 === 9 ? 'Space' : 'KeyA', { delay: 0 }).then(() => page.waitForTimeout(30));
}
