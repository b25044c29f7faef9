/** The typesetter's check on hand-made glyph pages: each figure fires on the defect it names. */
import { describe, expect, it } from 'vitest';
import type { Glyph, PageGlyphs } from '../scripts/typeset/glyphs';
import { typesetFigures } from '../scripts/typeset/check';
import { PITCH, TYPE_LEFT, TYPE_TOP } from '../scripts/typeset/lines';

const FANG = 'FandolFang-Regular';
const KAI = 'LXGWWenKai-Regular';
const COL1 = TYPE_LEFT + 199.5 + 21;
const baseline = (n: number) => TYPE_TOP + 12 + n * PITCH;

/** A line of glyphs; `advance` gives each glyph's distance to the next (default 1 em). */
function line(text: string, x: number, y: number, opts: { font?: (i: number) => string; size?: number; advance?: (i: number) => number } = {}): Glyph[] {
  const size = opts.size ?? 10.5;
  let at = x;
  return [...text].map((ch, i) => {
    const g: Glyph = { ch, x: at, y, width: size, size, font: opts.font?.(i) ?? FANG, rotated: false };
    at += opts.advance?.(i) ?? size;
    return g;
  });
}

function page(n: number, glyphs: Glyph[]): PageGlyphs {
  return { page: n, width: 595.3, height: 841.9, glyphs: [...glyphs, ...line('—3—', 460, 787)], rules: [] };
}

describe('typeset figures', () => {
  it('finds kinsoku breaks, unsqueezed pairs, half-width marks, 楷体 after the lead-in and 孤字', () => {
    const full = '一二三四五六七八九十一二三四五六七八九';
    const glyphs = [
      ...line('　　（一）加强领导。', TYPE_LEFT, baseline(0), { font: (i) => (i < 10 ? KAI : FANG) }).slice(2),
      // 楷体 continues after the lead-in's 。: 3 characters outside.
      ...line('甲乙丙', TYPE_LEFT + 10 * 10.5, baseline(0), { font: () => KAI }),
      ...line(full, TYPE_LEFT, baseline(1)),
      ...line('。下一行', TYPE_LEFT, baseline(2)),
      // A paragraph: a full line, then a line of two characters (孤字).
      ...line(full.slice(2), TYPE_LEFT + 21, baseline(3)),
      ...line(full, TYPE_LEFT, baseline(4)),
      ...line('了。', TYPE_LEFT, baseline(5)),
      // Pairs: ）。 unsqueezed (1 em), ”“ squeezed (0.5 em); a half-width comma between Han characters.
      ...line('甲）。乙”“丙,丁', COL1 + 21, baseline(0), { advance: (i) => (i === 4 ? 5.25 : 10.5) }),
      // Off the grid by 2 pt.
      ...line('　　偏离网格', COL1, baseline(1) + 2).slice(2),
    ];
    const f = typesetFigures([page(1, glyphs)]);
    expect(f.bodyPages).toBe(1);
    expect(f.kinsoku.body).toBe(1);
    expect(f.punctuationPairs).toMatchObject({ total: 2, squeezed: 1 });
    expect(f.halfWidthPunctuation.body).toBe(1);
    expect(f.kaiOutsideLeadIns.characters).toBe(3);
    expect(f.orphanLines.count).toBe(1);
    expect(f.grid.offGrid).toBe(1);
  });

  it('finds title breaks inside words and narrow 楷体 quotes', () => {
    const glyphs = [
      ...line('关于印发城市体', 150, 130, { size: 22 }),
      ...line('检工作方案', 170, 160, { size: 22 }),
      ...line('“要求”', TYPE_LEFT, baseline(10), { font: () => KAI }).map((g) => ('“”'.includes(g.ch) ? { ...g, width: 3.7 } : g)),
    ];
    const f = typesetFigures([page(1, glyphs)]);
    expect(f.titleBreaksInsideWords.count).toBe(1);
    expect(f.kaiQuotes.count).toBeGreaterThan(0);
    expect(f.kaiQuotes.minEm).toBeLessThan(0.5);
  });

  it('finds TOC titles broken inside words, and not those broken between words', () => {
    const toc = (first: string, second: string) =>
      page(3, [
        ...line('目', 176, 110, { size: 22 }),
        ...line('录', 242, 110, { size: 22 }),
        ...line(first, TYPE_LEFT, 187.5, { size: 12 }),
        ...line(second, TYPE_LEFT, 205.5, { size: 12 }),
        ...line('格政办发〔2024〕66号……………（17）', TYPE_LEFT + 24, 223.5, { size: 12 }),
      ]);
    expect(typesetFigures([toc('关于印发2024年城市体检工', '作实施方案的通知')]).tocBreaksInsideWords.count).toBe(1);
    expect(typesetFigures([toc('关于印发2024年城市体检', '工作实施方案的通知')]).tocBreaksInsideWords.count).toBe(0);
  });

  it('finds columns that end early on a page the text continues from, and unbalanced ends', () => {
    const column = (x: number, lines: number) => Array.from({ length: lines }, (_, n) => line('正文正文正文', x, baseline(n))).flat();
    const continued = page(1, [...column(TYPE_LEFT, 39), ...column(COL1, 34)]);
    const next = page(2, [...column(TYPE_LEFT, 10), ...column(COL1, 4)]);
    const f = typesetFigures([continued, next]);
    expect(f.shortColumns.columns).toEqual([{ page: 1, column: 1, linesShort: 5 }]);
    expect(f.shortColumns.moreThanOneLine).toBe(1);
    // The last page is a document end: 10 lines against 4.
    expect(f.unbalancedEnds.pages).toEqual([{ page: 2, lines: [10, 4] }]);
  });
});

describe('loose lines', () => {
  it('counts a body line whose Han characters are spread apart around a Latin word', () => {
    const glyphs = [
      // 持久性有机污染物（Persistent: 8 Han characters 0.4 em apart, as justified in a corpus issue.
      ...line('持久性有机污染物', TYPE_LEFT, baseline(0), { advance: () => 10.5 * 1.4 }),
      ...line('一二三四五六七八九十一二三四五六七八九', TYPE_LEFT, baseline(1)),
    ];
    const f = typesetFigures([page(1, glyphs)]);
    expect(f.looseLines.count).toBe(1);
    expect(f.looseLines.maxEm).toBeCloseTo(0.4, 2);
  });
});
