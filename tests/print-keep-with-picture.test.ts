/**
 * A heading right before a picture goes with the picture (keep-with-next). Pictures are not floated: one
 * that does not fit in the room left goes whole to the next page (renderer/print/spanningBreaks.ts), and
 * the heading above it, which introduces it, used to stay behind alone at the foot of the page. Fixture
 * tests/fixtures/print-stages/keep-with-picture.html: a title, ten paragraphs, 一、规划总图, a picture
 * 420 pt tall that does not fit below them, and a closing paragraph; laid out in the real print page.
 */
import { type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { StageHarness } from '../renderer/print/stageHarness';
import { stageFixture as fixture, usePrintPage } from './print-page';

let page: Page;
usePrintPage((opened) => (page = opened));

type Harness = { gazettePrint: { stageHarness: StageHarness } };

it('moves the heading before a picture to the next page with the picture', async () => {
  const html = fixture('keep-with-picture');
  const result = await page.evaluate((h) => (globalThis as unknown as Harness).gazettePrint.stageHarness.flow(h, ['balance-columns']), html);
  expect(result.paginated).toBe(2);
  const laid = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'), (p) => ({
      text: (p.querySelector('.pagedjs_page_content')?.textContent ?? '').replace(/\s+/g, ''),
      images: p.querySelectorAll('img').length,
      // The page's first block after the title block, and its last block.
      blocks: Array.from(p.querySelectorAll('.gz-region > *'), (el) => el.id || el.tagName.toLowerCase()),
    })),
  );
  // Page 1: the title and the ten paragraphs, not the heading; page 2: the heading, the picture, the rest.
  expect(laid[0].text).toMatch(/^关于印发城市规划总图的通知.*第10段。$/);
  expect(laid[0].images).toBe(0);
  expect(laid[1].text).toBe('一、规划总图总图之后的说明文字。结束标记。');
  expect(laid[1].blocks.slice(0, 2)).toEqual(['b-keep-h', 'plan']);
  expect(laid[1].images).toBe(1);
  expect(await page.evaluate(() => (globalThis as unknown as Harness).gazettePrint.stageHarness.offPage())).toBeNull();
});

it('leaves a heading behind when it and the picture do not fit one page together (never a page of headings alone)', async () => {
  // A two-line heading (35 pt) and a picture 640 pt tall, with its margins, are taller than the 682.5 pt type area.
  const long = '一、规划总图及城市更新重点片区范围示意与说明';
  const html = fixture('keep-with-picture').replace('一、规划总图', long).replace('width:186pt;height:420pt', 'width:283.43pt;height:640pt');
  const result = await page.evaluate((h) => (globalThis as unknown as Harness).gazettePrint.stageHarness.flow(h, ['balance-columns']), html);
  const laid = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'), (p) => ({
      text: (p.querySelector('.pagedjs_page_content')?.textContent ?? '').replace(/\s+/g, ''),
      images: p.querySelectorAll('img').length,
    })),
  );
  // The heading ends page 1, as before this rule; the picture and the line after it fill page 2.
  expect(result.paginated).toBe(2);
  expect(laid[0].text).toMatch(new RegExp(`第10段。${long}$`));
  expect(laid.map((p) => p.images)).toEqual([0, 1]);
  expect(laid[1].text).toBe('总图之后的说明文字。结束标记。');
});
