/**
 * printIssue with a scripted engine: a partial print is used when it works, and any failure of the
 * optimisation (page keys, the partial print, a PDF with the wrong page count) ends in a full print with
 * the reason given, never in a failed export.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PrintEngine, PrintPdfOptions } from './engine';
import { PRINT_BATCH_PAGES, printIssue } from './exportPdf';
import type { PageKeys } from './pageScripts';
import { PrintMemory } from './pageReuse';

/** A PDF with one page per width (widths tell pages apart). */
async function pdfOf(widths: number[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const width of widths) pdf.addPage([width, 400]);
  return pdf.save();
}

async function widthsOf(raw: Uint8Array | PDFDocument): Promise<number[]> {
  const pdf = raw instanceof PDFDocument ? raw : await PDFDocument.load(raw);
  return pdf.getPages().map((p) => p.getWidth());
}

/** An engine showing pages with the given keys (numbers); printing draws each page as 100 + key wide. */
function scriptedEngine(state: { keys: number[]; failPartial?: boolean; extraPage?: boolean; failKeys?: boolean; printed: Array<number[] | 'all'> }): PrintEngine {
  return {
    layout: () => Promise.reject(new Error('not used')),
    printStaticHtml: () => Promise.reject(new Error('not used')),
    processIds: () => [],
    close: () => Promise.resolve(),
    async pageKeys(): Promise<PageKeys> {
      if (state.failKeys) throw new Error('page gone');
      return { docKey: 'doc', pageKeys: state.keys.map(String) };
    },
    async printPdf(opts: PrintPdfOptions = {}): Promise<Uint8Array> {
      state.printed.push(opts.pages ?? 'all');
      if (opts.pages && state.failPartial) throw new Error('printer on fire');
      const pages = opts.pages ? opts.pages.map((i) => state.keys[i]) : state.keys;
      return pdfOf([...pages.map((k) => 100 + k), ...(state.extraPage ? [999] : [])]);
    },
  };
}

describe('printIssue', () => {
  it('prints all first, then only changed pages, assembling the rest', async () => {
    const state = { keys: [1, 2, 3, 4], printed: [] as Array<number[] | 'all'> };
    const engine = scriptedEngine(state);
    const memory = new PrintMemory();
    const first = await printIssue(engine, memory, 'issue', 4);
    expect(first).toMatchObject({ printedPages: 4, reusedPages: 0, fullPrintReason: expect.stringMatching(/no earlier print/) });
    state.keys = [1, 20, 3, 4];
    const second = await printIssue(engine, memory, 'issue', 4);
    expect(second).toMatchObject({ printedPages: 1, reusedPages: 3 });
    expect(second.fullPrintReason).toBeUndefined();
    expect(await widthsOf(second.raw)).toEqual([101, 120, 103, 104]);
    expect(state.printed).toEqual(['all', [1]]);
  });

  it('prints everything when the partial print fails, and keeps that print for next time', async () => {
    const state = { keys: [1, 2, 3, 4], printed: [] as Array<number[] | 'all'>, failPartial: true };
    const engine = scriptedEngine(state);
    const memory = new PrintMemory();
    await printIssue(engine, memory, 'issue', 4);
    state.keys = [1, 2, 30, 4];
    const result = await printIssue(engine, memory, 'issue', 4);
    expect(result.fullPrintReason).toMatch(/partial print of pages 3 failed: printer on fire/);
    expect(await widthsOf(result.raw)).toEqual([101, 102, 130, 104]);
    state.failPartial = false;
    state.keys = [1, 2, 30, 40];
    const next = await printIssue(engine, memory, 'issue', 4);
    expect(next).toMatchObject({ printedPages: 1, reusedPages: 3 });
    expect(await widthsOf(next.raw)).toEqual([101, 102, 130, 140]);
  });

  it('prints everything when a print has more PDF pages than laid-out pages', async () => {
    const state = { keys: [1, 2, 3, 4], printed: [] as Array<number[] | 'all'>, extraPage: true };
    const engine = scriptedEngine(state);
    const memory = new PrintMemory();
    await printIssue(engine, memory, 'issue', 4);
    state.keys = [1, 2, 3, 40];
    const result = await printIssue(engine, memory, 'issue', 4);
    expect(result.fullPrintReason).toMatch(/failed: .*PDF pages for/);
    expect(result.printedPages).toBe(4);
  });

  it('prints everything when the page keys cannot be read, and forgets the earlier print', async () => {
    const state = { keys: [1, 2], printed: [] as Array<number[] | 'all'>, failKeys: false };
    const engine = scriptedEngine(state);
    const memory = new PrintMemory();
    await printIssue(engine, memory, 'issue', 2);
    state.failKeys = true;
    const result = await printIssue(engine, memory, 'issue', 2);
    expect(result.fullPrintReason).toMatch(/page keys failed: page gone/);
    expect(memory.get('issue')).toBeUndefined();
  });

  it('prints a long issue in batches, joins them in order, and reuses pages from the batches later', async () => {
    const total = PRINT_BATCH_PAGES * 2 + 7;
    const state = { keys: Array.from({ length: total }, (_, i) => i), printed: [] as Array<number[] | 'all'> };
    const engine = scriptedEngine(state);
    const memory = new PrintMemory();
    const first = await printIssue(engine, memory, 'issue', total);
    expect(state.printed.map((p) => (p === 'all' ? p : [p[0], p.length]))).toEqual([
      [0, PRINT_BATCH_PAGES],
      [PRINT_BATCH_PAGES, PRINT_BATCH_PAGES],
      [PRINT_BATCH_PAGES * 2, 7],
    ]);
    expect(await widthsOf(first.raw)).toEqual(state.keys.map((k) => 100 + k));
    state.printed = [];
    state.keys = state.keys.map((k, i) => (i === PRINT_BATCH_PAGES + 1 ? 5000 : k));
    const second = await printIssue(engine, memory, 'issue', total);
    expect(second).toMatchObject({ printedPages: 1, reusedPages: total - 1 });
    expect(state.printed).toEqual([[PRINT_BATCH_PAGES + 1]]);
    expect(await widthsOf(second.raw)).toEqual(state.keys.map((k) => 100 + k));
  });

  it('never reuses without a memory', async () => {
    const state = { keys: [1], printed: [] as Array<number[] | 'all'> };
    const result = await printIssue(scriptedEngine(state), undefined, 'issue', 1);
    expect(result.fullPrintReason).toBe('page reuse off');
  });
});
