/**
 * Glyphs -> lines, the way a typesetter reads a page of the journal (format doc §2): body lines in two
 * columns of 199.5 pt on a 17.5 pt grid from the top of the type area, spanning lines (titles, tables), and
 * the text of rotated tables in their own frame.
 */
import type { Glyph, PageGlyphs } from './glyphs';

/** Type area (format doc §2), in pt from the top-left corner of an A4 page. */
export const TYPE_TOP = (30 / 25.4) * 72;
export const TYPE_LEFT = (30.92 / 25.4) * 72;
export const COLUMN_WIDTH = 199.5;
export const GUTTER = 21;
export const PITCH = 17.5;
export const LINES_PER_COLUMN = 39;
export const TYPE_HEIGHT = PITCH * LINES_PER_COLUMN;
export const BODY_SIZE = 10.5;

export interface Line {
  page: number;
  glyphs: Glyph[];
  /** Baseline (upright) or the line coordinate in the table's frame (rotated). */
  y: number;
  x0: number;
  x1: number;
  /** Dominant font size. */
  size: number;
  /** 0 or 1 for a body line in a column; -1 for a line across the gutter. */
  column: number;
  rotated: boolean;
  text: string;
}

/** FandolFang's ToUnicode maps some ideographs to Kangxi radicals (⽇ for 日); read them as the ideographs. */
export function readableChar(ch: string): string {
  return /[\u2e80-\u2fdf]/.test(ch) ? ch.normalize('NFKC') : ch;
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** The glyph in the frame of its line: rotated tables are read with their own top at the left page edge. */
function framed(g: Glyph, pageHeight: number): { along: number; across: number } {
  return g.rotated ? { along: pageHeight - g.y, across: g.x } : { along: g.x, across: g.y };
}

/**
 * Group a page's glyphs into lines: same baseline (±1 pt), same column for body text; a gap wider than
 * 0.6 em starts a new line segment (table cells, tab stops), except inside a body column.
 */
export function pageLines(page: PageGlyphs): Line[] {
  const items = page.glyphs
    // Default-ignorable characters (word joiner, zero-width space) draw nothing.
    .filter((g) => g.ch.trim() !== '' && !/^[\u200b-\u200d\u2060\ufeff]+$/.test(g.ch))
    .map((g) => ({ g, ...framed(g, page.height) }))
    .sort((a, b) => Number(a.g.rotated) - Number(b.g.rotated) || a.across - b.across || a.along - b.along);
  const rows: Array<typeof items> = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && row[0].g.rotated === item.g.rotated && near(row[0].across, item.across, 1)) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  const gutterLeft = TYPE_LEFT + COLUMN_WIDTH;
  const gutterRight = gutterLeft + GUTTER;
  for (const row of rows) {
    row.sort((a, b) => a.along - b.along);
    let segment: typeof row = [];
    const flush = () => {
      if (segment.length === 0) return;
      const glyphs = segment.map((s) => s.g);
      const sizes = glyphs.map((g) => Math.round(g.size * 4) / 4);
      const size = mode(sizes);
      const x0 = segment[0].along;
      const last = segment[segment.length - 1];
      const x1 = last.along + last.g.width;
      const rotated = segment[0].g.rotated;
      const column = rotated ? -1 : x1 <= gutterLeft + 2 ? 0 : x0 >= gutterRight - 2 && x1 <= gutterRight + COLUMN_WIDTH + 2 ? 1 : -1;
      lines.push({
        page: page.page,
        glyphs,
        y: mode(segment.map((s) => Math.round(s.across * 100) / 100)),
        x0,
        x1,
        size,
        column,
        rotated,
        text: glyphs.map((g) => readableChar(g.ch)).join(''),
      });
      segment = [];
    };
    for (const item of row) {
      const prev = segment[segment.length - 1];
      if (prev) {
        const gap = item.along - (prev.along + prev.g.width);
        const crossesGutter = !item.g.rotated && prev.along < gutterLeft && item.along >= gutterRight - 2;
        const bodyColumn = near(prev.g.size, BODY_SIZE, 0.3) && !item.g.rotated;
        if (crossesGutter && gap > GUTTER / 2) flush();
        else if (!bodyColumn && gap > 0.6 * Math.max(prev.g.size, item.g.size)) flush();
      }
      segment.push(item);
    }
    flush();
  }
  return lines;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
