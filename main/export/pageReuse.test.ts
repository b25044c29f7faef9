/// <reference lib="dom" />
/**
 * Page reuse without a browser: the plan (which pages to print again), page ranges, the in-page key and
 * print-only scripts on a DOM (linkedom), subset tags made unique in an assembled PDF, and assembling
 * from a remembered print (pdf-lib documents whose page sizes say where each page came from).
 */
import { parseHTML } from 'linkedom';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PAGE_KEYS_SCRIPT, RESTORE_ALL_PAGES_SCRIPT, hashText, printOnlyPagesScript, type PageKeys } from './pageScripts';
import { MAX_SOURCES, PrintMemory, RememberedPrint, nthTag, pageRangesText, planReuse, subsetTag, uniqueSubsetTags } from './pageReuse';

const keys = (docKey: string, ...pageKeys: string[]): PageKeys => ({ docKey, pageKeys });

describe('planReuse', () => {
  it('prints everything without an earlier print, after a style change, or when the page count changed', () => {
    expect(planReuse(undefined, keys('d', 'a'))).toMatchObject({ mode: 'full', reason: expect.stringMatching(/no earlier print/) });
    expect(planReuse(keys('d', 'a', 'b'), keys('e', 'a', 'b'))).toMatchObject({ mode: 'full', reason: expect.stringMatching(/style/) });
    expect(planReuse(keys('d', 'a', 'b'), keys('d', 'a', 'b', 'c'))).toMatchObject({ mode: 'full', reason: 'page count changed (2 -> 3)' });
  });

  it('prints only the pages whose key changed', () => {
    expect(planReuse(keys('d', 'a', 'b', 'c', 'd', 'e'), keys('d', 'a', 'B', 'c', 'd', 'e'))).toEqual({ mode: 'partial', changed: [1] });
    expect(planReuse(keys('d', 'a', 'b'), keys('d', 'a', 'b'))).toEqual({ mode: 'partial', changed: [] });
  });

  it('prints everything when more than half the pages changed or too many prints are merged', () => {
    expect(planReuse(keys('d', 'a', 'b', 'c'), keys('d', 'A', 'B', 'c'))).toMatchObject({ mode: 'full', reason: '2 of 3 pages changed' });
    expect(planReuse(keys('d', 'a', 'b', 'c'), keys('d', 'A', 'b', 'c'), MAX_SOURCES)).toMatchObject({ mode: 'full' });
    // Nothing changed: nothing to print, however many sources.
    expect(planReuse(keys('d', 'a'), keys('d', 'a'), MAX_SOURCES)).toEqual({ mode: 'partial', changed: [] });
  });
});

describe('small helpers', () => {
  it('writes page ranges 1-based and compact', () => {
    expect(pageRangesText([0, 1, 2, 5, 7, 8])).toBe('1-3,6,8-9');
    expect(pageRangesText([])).toBe('');
  });

  it('reads subset tags and makes fresh ones', () => {
    expect(subsetTag('AAAAAA+NotoSerifSC-Regular')).toBe('AAAAAA');
    expect(subsetTag('NotoSerifSC-Regular')).toBeUndefined();
    expect(nthTag(0)).toBe('GZAAAA');
    expect(nthTag(27)).toBe('GZAABB');
    expect(new Set(Array.from({ length: 1000 }, (_, i) => nthTag(i))).size).toBe(1000);
  });

  it('hashes text to a stable key that changes with any character', () => {
    expect(hashText('第一页')).toBe(hashText('第一页'));
    expect(hashText('第一页')).not.toBe(hashText('第二页'));
    expect(hashText('ab')).not.toBe(hashText('ba'));
  });

  it('keeps a few issues, most recent last', () => {
    const memory = new PrintMemory(2);
    const print = RememberedPrint.ofFullPrint(keys('d', 'a'), new Uint8Array());
    memory.set('1', print);
    memory.set('2', print);
    memory.set('1', print);
    memory.set('3', print);
    expect(memory.get('2')).toBeUndefined();
    expect(memory.get('1')).toBe(print);
    memory.forget('1');
    expect(memory.get('1')).toBeUndefined();
  });
});

/** A print page after layout: front pages, then two units, as print.ts arranges them. */
function printPage(unitText = '正文第二页') {
  const page = (text: string, folio: string) =>
    `<div class="pagedjs_page"><div class="pagedjs_sheet"><div class="pagedjs_page_content"><div>${text}</div></div><div class="gz-folio">${folio}</div></div></div>`;
  return parseHTML(`<!doctype html><html lang="zh-CN"><head><style>p{}</style></head><body><div id="gz-root">
    <div class="gz-front"><div class="pagedjs_pages">${page('封面', '')}</div></div>
    <div class="gz-body" data-unit-id="u1"><div class="gz-flow"><div class="pagedjs_pages">${page('正文第一页', '— 1 —')}${page(unitText, '— 2 —')}</div></div></div>
    <div class="gz-body" data-unit-id="u2"><div class="gz-flow"><div class="pagedjs_pages">${page('附件', '— 3 —')}</div></div></div>
  </div></body></html>`);
}

function runInPage(window: ReturnType<typeof parseHTML>, script: string): unknown {
  // The page script is a string run in the page; here it runs against linkedom's document instead.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('document', 'navigator', `return ${script};`)(window.document, { userAgent: 'test' });
}

describe('page scripts', () => {
  it('key every page; an edit changes only its page key, a style change every key', () => {
    const before = runInPage(printPage(), PAGE_KEYS_SCRIPT) as PageKeys;
    expect(before.pageKeys).toHaveLength(4);
    expect(new Set(before.pageKeys).size).toBe(4);
    const edited = runInPage(printPage('正文第二页（改）'), PAGE_KEYS_SCRIPT) as PageKeys;
    expect(edited.docKey).toBe(before.docKey);
    expect(edited.pageKeys.map((k, i) => k === before.pageKeys[i])).toEqual([true, true, false, true]);
    const restyled = printPage();
    restyled.document.head.innerHTML = '<style>p{color:red}</style>';
    const afterStyle = runInPage(restyled, PAGE_KEYS_SCRIPT) as PageKeys;
    expect(afterStyle.docKey).not.toBe(before.docKey);
    expect(afterStyle.pageKeys.some((k, i) => k === before.pageKeys[i])).toBe(false);
  });

  it('hide every page but the chosen ones, with their wrappers, and restore them', () => {
    const window = printPage();
    const { document } = window;
    expect(runInPage(window, printOnlyPagesScript([2]))).toBe(1);
    const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
    const shown = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (e.hasAttribute('data-gz-skip')) return false;
      return true;
    };
    expect(pages.map(shown)).toEqual([false, false, true, false]);
    expect(pages[2].hasAttribute('data-gz-last')).toBe(true);
    // Whole wrappers without a kept page are hidden (Paged.js gives them a page's height in print).
    expect(document.querySelector('.gz-front')!.hasAttribute('data-gz-skip')).toBe(true);
    expect(document.getElementById('gz-print-only')).not.toBeNull();
    runInPage(window, RESTORE_ALL_PAGES_SCRIPT);
    expect(document.querySelectorAll('[data-gz-skip],[data-gz-last],#gz-print-only')).toHaveLength(0);
  });
});

const LABELS = { old: 100, new: 200, newer: 300 } as const;

/** A PDF of `count` pages whose size says where each came from (`new 1`: 201 pt wide), with one fake subset-tagged font per page. */
async function labelledPdf(label: keyof typeof LABELS, count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) {
    const page = pdf.addPage([LABELS[label] + i, 400]);
    const tag = `${'ABCDEFGH'[i]}AAAAA+Fake`;
    const descriptor = pdf.context.register(pdf.context.obj({ Type: 'FontDescriptor', FontName: tag }));
    const font = pdf.context.register(pdf.context.obj({ Type: 'Font', Subtype: 'TrueType', BaseFont: tag, FontDescriptor: descriptor }));
    page.node.set(PDFName.of('Resources'), pdf.context.obj({ Font: { F1: font } }));
  }
  return pdf.save();
}

function pageLabels(pdf: PDFDocument): string[] {
  return pdf.getPages().map((page) => {
    const width = page.getWidth();
    const label = (Object.keys(LABELS) as Array<keyof typeof LABELS>).find((l) => width >= LABELS[l] && width < LABELS[l] + 100)!;
    return `${label} ${width - LABELS[label]}`;
  });
}

describe('assembling from a remembered print', () => {
  it('takes changed pages from the partial print and the others from the earlier one, with distinct subset tags', async () => {
    const full = RememberedPrint.ofFullPrint(keys('d', 'a', 'b', 'c', 'd'), await labelledPdf('old', 4));
    const { pdf, next } = await full.merge(keys('d', 'a', 'B', 'c', 'D'), [1, 3], await labelledPdf('new', 2));
    expect(pageLabels(pdf)).toEqual(['old 0', 'new 0', 'old 2', 'new 1']);
    const tags = pdf.getPages().map((page) => {
      const font = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).lookup(PDFName.of('F1'), PDFDict);
      const descriptor = font.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const base = font.get(PDFName.of('BaseFont'))!.toString();
      expect(descriptor.get(PDFName.of('FontName'))!.toString()).toBe(base);
      return base;
    });
    // The new print's AAAAAA+ and BAAAAA+ clash with the old ones: renamed.
    expect(new Set(tags).size).toBe(4);
    expect(uniqueSubsetTags(pdf)).toBe(0);
    expect(next.sourceCount).toBe(2);
    // Again on top of the assembled print: pages keep coming from the right source.
    const again = await next.merge(keys('d', 'A', 'B', 'c', 'D'), [0], await labelledPdf('newer', 1));
    expect(pageLabels(again.pdf)).toEqual(['newer 0', 'new 0', 'old 2', 'new 1']);
    expect(again.next.sourceCount).toBe(3);
    const unchanged = await again.next.merge(keys('d', 'A', 'B', 'c', 'D'), [], undefined);
    expect(pageLabels(unchanged.pdf)).toEqual(['newer 0', 'new 0', 'old 2', 'new 1']);
  });

  it('refuses a partial print with the wrong page count', async () => {
    const full = RememberedPrint.ofFullPrint(keys('d', 'a', 'b'), await labelledPdf('old', 2));
    await expect(full.merge(keys('d', 'a', 'B'), [1], await labelledPdf('new', 2))).rejects.toThrow(/2 PDF pages for 1/);
  });

  it('refuses a remembered full print whose PDF pages do not match its laid-out pages', async () => {
    const full = RememberedPrint.ofFullPrint(keys('d', 'a', 'b', 'c'), await labelledPdf('old', 2));
    await expect(full.merge(keys('d', 'a', 'B', 'c'), [1], await labelledPdf('new', 1))).rejects.toThrow(/2 PDF pages for 3/);
  });
});
