/**
 * The print page's unit stages (renderer/print/stages.ts), each run on its own fixture in the real print
 * page in Chromium (the stages measure blocks with the journal CSS and fonts, which a DOM without layout
 * cannot). Fixtures are units' content as common/render writes it: tests/fixtures/print-stages/NAME.html.
 * The Paged.js handlers and the flow, TOC and page-map stages: tests/print-stages-pages.test.ts.
 */
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stageFixture as fixture, usePrintPage } from './print-page';

interface StageResult {
  html: string;
  flows: string[];
  sourceText: string;
  preparedText?: string;
}

let page: Page;
usePrintPage((opened) => (page = opened));

function run(names: string[], html: string): Promise<StageResult> {
  return page.evaluate(
    ([n, h]) => (globalThis as unknown as { gazettePrint: { runUnitStages(names: string[], html: string): Promise<StageResult> } }).gazettePrint.runUnitStages(n, h),
    [names, html] as const,
  );
}

/** A fragment of the stage's output, parsed in the page (Node has no DOM). */
function count(html: string, selector: string): Promise<number> {
  return page.evaluate(
    ([h, s]) => {
      const t = document.createElement('template');
      t.innerHTML = h;
      return t.content.querySelectorAll(s).length;
    },
    [html, selector] as const,
  );
}

describe('print stages', () => {
  it('fit-figures: a picture asked wider than the type area and too tall for a page is scaled whole; a small one keeps its size', async () => {
    const out = await run(['fit-figures'], fixture('fit-figures'));
    const sizes = await page.evaluate((h) => {
      const t = document.createElement('template');
      t.innerHTML = h;
      return Array.from(t.content.querySelectorAll<HTMLElement>('.gz-figure'), (f) => {
        const img = f.querySelector('img')!;
        return { id: f.id, width: parseFloat(img.style.width), height: parseFloat(img.style.height), scaled: f.dataset.gzScaled };
      });
    }, out.html);
    const [tall, small] = sizes;
    // 93 × 210 px asked at 552 pt: 640 pt tall (the tallest a picture prints), the aspect ratio kept.
    expect(tall.id).toBe('tall');
    expect(tall.height).toBeCloseTo(640, 1);
    expect(tall.width / tall.height).toBeCloseTo(93 / 210, 3);
    expect(Number(tall.scaled)).toBeCloseTo(tall.width / 552, 3);
    // 40 × 30 px at its own size (96 dpi): 30 × 22.5 pt, not scaled.
    expect(small).toEqual({ id: 'small', width: 30, height: 22.5, scaled: undefined });
    // Nothing else changed: the text is the same.
    expect(out.html.replace(/<[^>]+>/g, '')).toBe(fixture('fit-figures').replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, ''));
  });

  it('rotate-wide-tables: a 14-column table gets a landscape page of its own; the text stays', async () => {
    const html = fixture('rotate-wide-tables');
    expect(await count(html, '.gz-rot-page')).toBe(0);
    const out = await run(['rotate-wide-tables'], html);
    expect(await count(out.html, '.gz-rot-page')).toBeGreaterThanOrEqual(1);
    expect(await count(out.html, '.gz-rot-page table')).toBeGreaterThanOrEqual(1);
    expect(out.html).toContain('第14列标题');
  });

  it('rotate-wide-tables: a rotated list in a two-column region gets a full-width region, the text after it a new one', async () => {
    const cells = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `<${tag}><p>第${i + 1}列成员</p></${tag}>`).join('');
    const html = `<section class="gz-unit"><article class="gz-doc" data-doc-id="d"><div class="gz-region gz-region--cols" data-region="cols">
<header class="gz-titleblock gz-titleblock--first"><h1 class="gz-title">标题</h1></header>
<div class="gz-tablewrap gz-tablewrap--leader-list" data-rotate="yes"><table class="gz-table gz-table--leader-list"><thead><tr>${cells(14, 'th')}</tr></thead><tbody><tr>${cells(14, 'td')}</tr></tbody></table></div>
<h2 class="gz-h gz-h1">一、表后标题</h2><p class="gz-p">表后正文。</p></div></article></section>`;
    const out = await run(['rotate-wide-tables', 'region-flows'], html);
    expect(await count(out.html, '.gz-region')).toBe(0);
    // Title; rotated pages; the heading and text after them (not short lines to set on the last rotated
    // page): three flows, each starting a page.
    expect(out.flows).toHaveLength(3);
    expect(await count(out.flows[0], '.gz-region--cols > header')).toBe(1);
    expect(await count(out.flows[1], '.gz-region--full > .gz-rot-page')).toBeGreaterThanOrEqual(1);
    expect(await count(out.flows[1], '.gz-region--cols')).toBe(0);
    expect(await count(out.flows[2], '.gz-region--cols > h2 + p')).toBe(1);
  });

  it('rotate-wide-tables: a table rotated before in the page comes back the same, and changed text after it is not reused', async () => {
    const cells = (n: number, tag: string, text: string) => Array.from({ length: n }, (_, i) => `<${tag}><p>${text}${i + 1}</p></${tag}>`).join('');
    const html = (signer: string) => `<section class="gz-unit"><article class="gz-doc" data-doc-id="d"><div class="gz-region gz-region--full gz-region--newpage" data-region="full">
<div class="gz-titleblock gz-titleblock--attachment"><p class="gz-attachment-label">附件1</p><h1 class="gz-title">缓存表</h1></div>
<div class="gz-tablewrap" data-rotate="yes"><table class="gz-table"><thead><tr>${cells(12, 'th', '列')}</tr></thead><tbody>${Array.from({ length: 60 }, (_, r) => `<tr>${cells(12, 'td', `第${r + 1}行`)}</tr>`).join('')}</tbody></table></div>
<p class="gz-p">填报人：${signer}</p><p class="gz-p">复核人：丙</p></div></article></section>`;
    // The page keeps rotations for the preview's next layout: the second run takes the first's blocks.
    const first = await run(['rotate-wide-tables'], html('甲'));
    const again = await run(['rotate-wide-tables'], html('甲'));
    expect(await count(first.html, '.gz-rot-page')).toBeGreaterThanOrEqual(2);
    expect(again.html).toBe(first.html);
    // The lines after the table may sit on its last rotated page: changed, the rotation is made again.
    const changed = await run(['rotate-wide-tables'], html('乙'));
    expect(changed.html).toContain('填报人：乙');
    expect(changed.html).not.toContain('填报人：甲');
    expect(changed.html.replace(/乙/g, '甲')).toBe(first.html);
  });

  it('split-tables: a 70-row table becomes page-sized pieces, each continued piece on a new page', async () => {
    const html = fixture('split-tables');
    const out = await run(['split-tables'], html);
    const pieces = await count(out.html, '.gz-tablewrap');
    expect(pieces).toBeGreaterThanOrEqual(2);
    // Each continued piece opens a region (a Paged.js flow) of its own, which starts a new page.
    expect(await count(out.html, '.gz-region--newpage > .gz-tablewrap.gz-continued:first-child')).toBe(pieces - 1);
    // Every row is still there, once.
    expect(await count(out.html, 'tbody tr')).toBe(70);
  });

  it('split-tables: a table whose rows sit beside one merged cell is never cut where only its first row fits', async () => {
    // The 城市体检 附件2 continuation: five rows beside a rowspan-5 cell in a narrow first column, about a
    // third of a page. Wherever filler lines put it near a page foot, the group stays in one piece: all on
    // this page, or (when only the header and a sliver fit) moved whole to the next page.
    const html = fixture('split-tables-merged-group');
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p class="gz-p">第${i + 1}行填充正文。</p>`).join('\n');
    let moved = 0;
    for (let n = 0; n <= 44; n += 2) {
      const out = await run(['split-tables'], html.replace('<!--FILLER-->', filler(n)));
      const pieces = await page.evaluate((h) => {
        const t = document.createElement('template');
        t.innerHTML = h;
        const wraps = Array.from(t.content.querySelectorAll('.gz-tablewrap')).filter((w) => w.textContent!.includes('组内第'));
        return wraps.map((w) => ({ rows: w.querySelectorAll('tbody tr').length, newPage: !!w.closest('.gz-region--newpage') && w.parentElement!.firstElementChild === w }));
      }, out.html);
      expect(pieces.map((p) => p.rows), `${n} filler lines`).toEqual([5]);
      if (pieces[0].newPage) moved++;
    }
    // Some positions left too little room: there the table started the next page.
    expect(moved).toBeGreaterThan(0);
  });

  it('snap-spanning-blocks: spanning blocks in two-column regions take whole 17.5 pt grid lines', async () => {
    const html = fixture('snap-spanning-blocks');
    const out = await run(['snap-spanning-blocks'], html);
    const heightsOf = (h: string) => page.evaluate((h) => {
      const box = document.createElement('div');
      box.className = 'gz-measure';
      box.style.cssText = 'position:absolute;left:-10000px;top:0;width:420pt;';
      box.innerHTML = h;
      document.body.appendChild(box);
      const blocks = Array.from(box.querySelectorAll<HTMLElement>('.gz-region--cols > .gz-titleblock, .gz-region--cols > .gz-tablewrap'));
      const pt = blocks.map((b) => {
        const s = getComputedStyle(b);
        return ((b.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom)) * 72) / 96;
      });
      box.remove();
      return pt;
    }, h);
    const offGrid = (pt: number) => Math.abs(pt / 17.5 - Math.round(pt / 17.5));
    // The fixture's title block is not a whole number of grid lines until the stage runs.
    const before = await heightsOf(html);
    expect(before.length).toBe(1);
    expect(offGrid(before[0]), `${before[0]} pt`).toBeGreaterThan(0.01);
    const after = await heightsOf(out.html);
    expect(after.length).toBe(1);
    expect(offGrid(after[0]), `${after[0]} pt`).toBeLessThan(0.01);
    expect(after[0] - before[0]).toBeLessThan(17.5);
  });

  it('check-prepared-text: after tables are split the prepared content holds the same characters', async () => {
    // The split-tables fixture: its rows are split, which reorders a row's text.
    const out = await run(['rotate-wide-tables', 'split-tables', 'snap-spanning-blocks', 'check-prepared-text'], fixture('split-tables'));
    expect(out.preparedText).toBeDefined();
    expect([...out.preparedText!].sort().join('')).toBe([...out.sourceText].sort().join(''));
  });

  it('region-flows: an attachment starts a second flow, its article marked continued', async () => {
    const out = await run(['region-flows'], fixture('region-flows'));
    expect(out.flows).toHaveLength(2);
    expect(await count(out.flows[0], 'article[data-continued]')).toBe(0);
    expect(await count(out.flows[1], 'article[data-continued]')).toBe(1);
    expect(out.flows[1]).toContain('附件1');
    expect(await count(out.flows[1], '.gz-region--newpage')).toBe(0);
  });
});
