/**
 * The print page's steps during and after pagination, each on its own fixture in the real print page in
 * Chromium (tests/fixtures/print-stages/NAME.html): the Paged.js handlers (PAGED_HANDLERS in
 * renderer/print/stages.ts; every flow runs all four, each fixture is made to need one), the flow stages
 * (FLOW_STAGES), the TOC stages and the page-map stages (renderer/print/tocStages.ts). The print page's
 * gazettePrint.stageHarness lays a fixture out and runs the named stages; the pages stay in
 * `#gz-stage-test` to be measured. The unit stages: tests/print-stages.test.ts.
 */
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StageHarness } from '../renderer/print/stageHarness';
import { stageFixture as fixture, usePrintPage } from './print-page';

let page: Page;
usePrintPage((opened) => (page = opened));

type Harness = { gazettePrint: { stageHarness: StageHarness } };
const flow = (html: string, stages: string[] = []) =>
  page.evaluate(([h, s]) => (globalThis as unknown as Harness).gazettePrint.stageHarness.flow(h, s), [html, stages] as const);

/** What the laid-out pages hold, per page: CSS classes, text, and the count of `selector`. */
const pages = (selector = '*') =>
  page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'), (p) => ({
        full: p.classList.contains('gz-page-full'),
        balanced: p.classList.contains('gz-balance'),
        text: p.querySelector('.pagedjs_page_content')?.textContent ?? '',
        matches: p.querySelectorAll(sel).length,
      })),
    selector,
  );

/** The text of a fixture as it is laid out (no markup, no white space between blocks). */
const textOf = (html: string) =>
  page.evaluate((h) => {
    const t = document.createElement('template');
    t.innerHTML = h;
    return (t.content.textContent ?? '').replace(/\s+/g, '');
  }, html);

/** Bottom of the last text line of each column of page `i`, in 17.5 pt grid lines. */
const columnEnds = (i: number) =>
  page.evaluate((index) => {
    const p = document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page')[index];
    const box = p.querySelector<HTMLElement>('.pagedjs_page_content > div')!;
    const frame = box.getBoundingClientRect();
    const middle = frame.left + frame.width / 2;
    const range = document.createRange();
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const ends = { left: 0, right: 0 };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) {
        if (r.width === 0) continue;
        const side = r.left + r.width / 2 < middle ? 'left' : 'right';
        ends[side] = Math.max(ends[side], ((r.bottom - frame.top) * 72) / 96 / 17.5);
      }
    }
    return ends;
  }, i);

describe('Paged.js handlers', () => {
  it('RepeatTableHeaders: a table running over pages repeats its header on every continued page', async () => {
    // The split-tables fixture (a 70-row table with a header), laid out as it is: Paged.js breaks the table.
    const html = fixture('split-tables');
    const result = await flow(html);
    expect(result.paginated).toBeGreaterThanOrEqual(2);
    const laid = await pages('thead');
    expect(laid.every((p) => p.matches === 1), JSON.stringify(laid.map((p) => p.matches))).toBe(true);
    const repeated = await pages('thead.gz-repeat');
    expect(repeated.map((p) => p.matches)).toEqual(laid.map((_, i) => (i === 0 ? 0 : 1)));
    // The header's text is repeated, the rows are not.
    expect(laid.map((p) => p.text).join('').split('第70个单位名称').length - 1).toBe(1);
  });

  it('RepeatTableHeaders: a leader list continued on the next page keeps its column widths', async () => {
    // Paged.js rebuilt the continued table without its <colgroup>: with fixed layout its three columns came
    // out equal, the posts wrapped after six characters (农业农村部副/部长) beside a wide empty label column.
    const html = fixture('leader-list-continued');
    const result = await flow(html);
    expect(result.paginated).toBeGreaterThanOrEqual(2);
    const widths = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'), (p) => {
        const row = p.querySelector<HTMLTableRowElement>('.gz-table--leader-list tr');
        const size = row ? parseFloat(getComputedStyle(row).fontSize) : 0;
        return row ? Array.from(row.cells, (c) => Math.round(c.getBoundingClientRect().width / size)) : null;
      }).filter((w) => w !== null),
    );
    expect(widths.length).toBeGreaterThanOrEqual(2);
    // Label 4 em, name 4 em, the post the rest of the column (199.5 pt / 10.5 pt = 19 em).
    for (const w of widths) expect(w).toEqual([4, 4, 11]);
    expect((await pages()).map((p) => p.text).join('').replace(/\s+/g, '')).toBe(await textOf(html));
  });

  it('RepeatTableHeaders: only a colgroup marked gz-cols-keep goes on with a continued table', async () => {
    // Other tables' own narrow columns made a glued 。“ in a continued part wider than its column (fuzz 99-97).
    const html = fixture('leader-list-continued').replace('<colgroup class="gz-cols-keep">', '<colgroup>');
    const result = await flow(html);
    expect(result.paginated).toBeGreaterThanOrEqual(2);
    const colgroups = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'), (p) => p.querySelectorAll('.gz-table--leader-list > colgroup').length),
    );
    expect(colgroups[0]).toBe(1);
    expect(colgroups.slice(1).filter((n) => n > 0)).toEqual([]);
  });

  it('RegionColumns: a page starting in a full-width region is full width, one starting in a column region is not', async () => {
    const result = await flow(fixture('region-columns'));
    expect(result.paginated).toBe(2);
    expect((await pages()).map((p) => p.full)).toEqual([true, false]);
  });

  it('SpanningBreaks: a picture too tall for the room under the title goes whole to the next page, the text after it', async () => {
    // Without the handler Chromium sets the picture and the text beside the page and Paged.js lays the page
    // out again from the title (fuzz case 2026-175).
    const html = fixture('spanning-breaks');
    const result = await flow(html, ['balance-columns']);
    expect(result.paginated).toBe(3);
    const laid = await pages('img');
    expect(laid.map((p) => p.text.replace(/\s+/g, ''))).toEqual(['关于高窄图片的通知', '', expect.stringMatching(/^现将有关事项.*结束标记。$/)]);
    expect(laid.map((p) => p.matches)).toEqual([0, 1, 0]);
    expect(laid.map((p) => p.text).join('').replace(/\s+/g, '')).toBe(await textOf(html));
    // The picture lies whole on its page's type area, at the size fit-figures gave it.
    const box = await page.evaluate(() => {
      const p = document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page')[1];
      const area = p.querySelector('.pagedjs_page_content')!.getBoundingClientRect();
      const img = p.querySelector('img')!.getBoundingClientRect();
      const pt = (px: number) => (px * 72) / 96;
      return { top: pt(img.top - area.top), bottom: pt(area.bottom - img.bottom), left: pt(img.left - area.left), right: pt(area.right - img.right), width: pt(img.width), height: pt(img.height) };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeCloseTo(640, 0);
    expect(box.width).toBeCloseTo(283.43, 0);
    expect(await page.evaluate(() => (globalThis as unknown as Harness).gazettePrint.stageHarness.offPage())).toBeNull();
  });

  it('the off-page check names text laid out beside the page (it stays strict)', async () => {
    await flow(fixture('snap-spanning-blocks'));
    const harness = () => page.evaluate(() => (globalThis as unknown as Harness).gazettePrint.stageHarness.offPage());
    expect(await harness()).toBeNull();
    // Push the first paragraph beside the page, where Chromium put column text in the bug above.
    await page.evaluate(() => {
      const p = document.querySelector<HTMLElement>('#gz-stage-test .gz-p')!;
      p.style.cssText = 'position: relative; left: 3000px';
    });
    expect(await harness()).toMatch(/“各乡镇人民政府.*” on page 1 of 1 was laid out outside the page and would not print/);
  });

  it('ExactTextBreaks: a paragraph repeating one entry word for word is broken at the right place on every page', async () => {
    const html = fixture('exact-text-breaks');
    const result = await flow(html);
    expect(result.paginated).toBeGreaterThanOrEqual(3);
    const laid = (await pages()).map((p) => p.text.replace(/\s+/g, '')).join('');
    expect(laid).toBe(await textOf(html));
  });
});

describe('flow stages', () => {
  it('drop-empty-pages: the blank page Paged.js leaves between two forced breaks is taken out', async () => {
    const html = fixture('drop-empty-pages');
    const before = await flow(html);
    expect(before.paginated).toBe(before.pages);
    expect((await pages()).some((p) => p.text.trim() === '')).toBe(true);
    const after = await flow(html, ['drop-empty-pages']);
    expect(after.pages).toBe(after.paginated - 1);
    const kept = await pages();
    expect(kept).toHaveLength(after.pages);
    expect(kept.every((p) => p.text.trim() !== '')).toBe(true);
    expect(kept.map((p) => p.text).join('').replace(/\s+/g, '')).toBe(await textOf(html));
  });

  it('balance-columns: the closing page sets its two columns equally long; no text moves to another page', async () => {
    const html = fixture('balance-columns');
    const plain = await flow(html);
    expect(plain.paginated).toBe(2);
    const unbalanced = await columnEnds(1);
    const textBefore = (await pages()).map((p) => p.text);
    expect(Math.abs(unbalanced.left - unbalanced.right), JSON.stringify(unbalanced)).toBeGreaterThan(1.5);
    await flow(html, ['balance-columns']);
    const laid = await pages();
    expect(laid.map((p) => p.balanced)).toEqual([false, true]);
    const balanced = await columnEnds(1);
    expect(Math.abs(balanced.left - balanced.right), JSON.stringify(balanced)).toBeLessThanOrEqual(1.5);
    expect(laid.map((p) => p.text)).toEqual(textBefore);
  });
});

describe('TOC stages', () => {
  const toc = (stages: string[]) =>
    page.evaluate(
      ([h, sb, s]) => (globalThis as unknown as Harness).gazettePrint.stageHarness.toc(h, sb, s),
      [fixture('toc'), fixture('toc-sidebar'), stages] as const,
    );
  /** Each TOC title's line count and text, in order. */
  const titles = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .gz-toc-title, #gz-stage-test .gz-toc-oneline .gz-toc-text'), (t) => ({
        text: t.textContent,
        lines: Math.round(t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight)),
        whole: Array.from(t.querySelectorAll('.gz-nobr'), (w) => w.textContent),
      })),
    );

  it('mend-toc-title-breaks: a word cut at a line end moves whole to the next line; no title grows a line', async () => {
    const plain = await toc([]);
    const before = await titles();
    expect(before.some((t) => t.whole.length > 0)).toBe(false);
    const mended = await toc(['mend-toc-title-breaks']);
    expect(mended.wordsMoved).toBeGreaterThanOrEqual(1);
    expect(mended.pages).toBe(plain.pages);
    const after = await titles();
    expect(after.map((t) => t.text)).toEqual(before.map((t) => t.text));
    expect(after.map((t) => t.lines)).toEqual(before.map((t) => t.lines));
    const words = after.flatMap((t) => t.whole);
    expect(words).toHaveLength(mended.wordsMoved!);
    // Whole words: at least two Han characters each (the segmenter's words).
    expect(words.every((w) => w !== null && /^\p{Script=Han}{2,}$/u.test(w))).toBe(true);
  });

  it('place-sidebar: the sidebar goes on the first TOC page only, outside the text flow', async () => {
    await toc([]);
    expect((await pages('.gz-toc-sidebar')).map((p) => p.matches).reduce((a, b) => a + b)).toBe(0);
    const placed = await toc(['place-sidebar']);
    const sheets = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#gz-stage-test .pagedjs_page'), (p) => p.querySelectorAll(':scope .pagedjs_sheet > .gz-toc-sidebar').length),
    );
    expect(sheets).toHaveLength(placed.pages);
    expect(sheets[0]).toBe(1);
    expect(sheets.slice(1).every((n) => n === 0)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('#gz-stage-test .gz-toc-sidebar')?.textContent ?? '')).toContain('格尔木');
  });
});

describe('page-map stages', () => {
  const pageMap = (stages: string[]) =>
    page.evaluate(([h, s]) => (globalThis as unknown as Harness).gazettePrint.stageHarness.pageMap(h, 5, s), [fixture('page-map'), stages] as const);

  // Document A runs over pages 5-6, its attachment starts page 7, document B runs on below it (a short notice).
  it('document-pages: each document at the page it starts on, not where its attachment continues', async () => {
    const result = await pageMap(['document-pages']);
    expect(result.pages).toBe(3);
    expect(result.anchors).toBeUndefined();
    expect(result.documents).toEqual({ pma: 5, pmb: 7 });
  });

  it('anchor-pages: title blocks and headings at the first page they are printed on', async () => {
    const result = await pageMap(['anchor-pages']);
    expect(result.anchors).toMatchObject({ 'b-pma-0-0': 5, 'b-pma-0-1': 5, 'b-pma-0-22': 6, 'b-pma-1-0': 7, 'b-pmb-0-0': 7 });
  });
});
