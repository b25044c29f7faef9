/**
 * The typesetter's check (npm run typeset-check) on the sample issue's real PDF (issue #13): the figures a
 * professional signs off, from glyph positions read with pdf.js. Every target of the issue is asserted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTree } from '../common/model';
import { exportTreePdf } from '../main/export/exportPdf';
import { readPdfGlyphs } from '../scripts/typeset/glyphs';
import { typesetFigures, type TypesetFigures } from '../scripts/typeset/check';

const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
let dir = '';
let figures: TypesetFigures;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gazette-typeset-test-'));
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'sample.pdf') });
  figures = typesetFigures(await readPdfGlyphs(new Uint8Array(readFileSync(result.pdfPath))));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typography of the sample issue', () => {
  it('reads the body text of every text page', () => {
    expect(figures.bodyPages).toBeGreaterThanOrEqual(50);
    expect(figures.bodyLines).toBeGreaterThan(1500);
  });

  it('breaks no line against kinsoku, squeezes adjacent punctuation, sets 楷体 quotes full width', () => {
    expect(figures.kinsoku.body, figures.kinsoku.examples.join('; ')).toBe(0);
    expect(figures.kinsoku.tables, figures.kinsoku.examples.join('; ')).toBe(0);
    expect(figures.punctuationPairs.total).toBeGreaterThan(50);
    expect(figures.punctuationPairs.squeezed / figures.punctuationPairs.total).toBeGreaterThanOrEqual(0.95);
    expect(figures.kaiQuotes.count).toBeGreaterThan(0);
    expect(figures.kaiQuotes.minEm).toBeGreaterThanOrEqual(0.99);
    for (const [font, em] of Object.entries(figures.quoteWidths)) expect(em, font).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps body lines on the 17.5 pt grid and facing columns in register', () => {
    expect(figures.grid.onGridPercent, figures.grid.examples.join('; ')).toBeGreaterThanOrEqual(98);
    expect(figures.facingColumnsOutOfRegister.pages).toEqual([]);
  });

  it('fills columns and balances document ends', () => {
    expect(figures.shortColumns.moreThanOneLine, JSON.stringify(figures.shortColumns.columns)).toBe(0);
    // Closing pages are balanced by renderer/print/balanceColumns.ts.
    expect(figures.unbalancedEnds.count, JSON.stringify(figures.unbalancedEnds.pages)).toBe(0);
  });

  it('breaks titles and TOC titles between words, sets 楷体 only on lead-ins, leaves no half-width marks or 孤字', () => {
    expect(figures.titleBreaksInsideWords.count, figures.titleBreaksInsideWords.examples.join('; ')).toBe(0);
    expect(figures.tocBreaksInsideWords.count, figures.tocBreaksInsideWords.examples.join('; ')).toBe(0);
    expect(figures.kaiOutsideLeadIns.characters, figures.kaiOutsideLeadIns.examples.join('; ')).toBe(0);
    expect(figures.halfWidthPunctuation.body, figures.halfWidthPunctuation.examples.join('; ')).toBe(0);
    // Tables too, but for the forms' labels before a blank to fill in (填报日期: 年 月 日), left alone.
    expect(figures.halfWidthPunctuation.all).toBeLessThanOrEqual(5);
    expect(figures.orphanLines.count, figures.orphanLines.examples.join('; ')).toBeLessThanOrEqual(5);
  });

  it('draws cell rules 0.5 pt inside a 0.75 pt frame', () => {
    expect(figures.tableRules['0.50']).toBeGreaterThan(1000);
    expect(figures.tableRules['0.75']).toBeLessThan(figures.tableRules['0.50']);
  });

  it('repeats the header of every continued table', () => {
    // p. 35 continues a table part that takes its header from the table above (common/import/tableContinuation.ts).
    expect(figures.continuedTablesWithoutHeader.pages).toEqual([]);
    // No rotated page holds only the notes left over from its table.
    expect(figures.rotatedPagesWithoutTable).toEqual([]);
  });
});
