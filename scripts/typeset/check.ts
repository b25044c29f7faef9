/**
 * The typesetter's figures for a printed issue (issue #13): pure functions over the glyphs of a PDF.
 *
 * What is measured, and how (format doc §2–§6; W3C clreq for the punctuation rules):
 * - kinsoku: lines starting with closing punctuation or ending with opening punctuation, in body text and
 *   in tables (each table cell line is its own line segment);
 * - adjacent punctuation pairs (）。 ”“ ），…) in body text, and how many are squeezed: the second mark
 *   starts within 0.75 em of the first;
 * - body baselines off the 17.5 pt grid by more than 0.5 pt (the grid starts at the top of the type area;
 *   its baseline offset is read from the first line of full pages); pages whose two columns are out of
 *   register (a baseline of one column more than 0.5 pt from every baseline of the other);
 * - columns that end early on pages the text continues from, and document/region ends whose two columns
 *   differ by more than one line;
 * - title lines (二号 22 pt) and TOC entry titles broken inside a word (Intl.Segmenter's word boundaries);
 * - 楷体 characters in a body paragraph after its lead-in (the phrase up to the first 。);
 * - 楷体 quotation marks narrower than 1 em;
 * - half-width , ; : ( ) between CJK characters;
 * - 孤字: a paragraph's last line holding at most 2 characters under a full line;
 * - loose lines: body lines whose Han characters stand more than 0.2 em apart on average (justified around a
 *   Latin word that went whole to the next line);
 * - tables continued on a page without their header row (黑体) at the top;
 * - the widths of the rules drawn on table pages, and rotated pages holding text but no table.
 */
import type { PageGlyphs } from './glyphs';
import { BODY_SIZE, COLUMN_WIDTH, GUTTER, LINES_PER_COLUMN, PITCH, TYPE_HEIGHT, TYPE_LEFT, TYPE_TOP, pageLines, readableChar, type Line } from './lines';

export const CLOSING = '，。、；：？！）》”’」』〕】…．';
export const OPENING = '（《“‘「『〔【';
/** Marks that take half their em when they meet another mark (clreq: closing, opening, and the middle , . ; :). */
const SQUEEZABLE_FIRST = '，。、；：）》”’」』〕】';
const SQUEEZABLE_SECOND = '（《“‘「『〔【，。、；：）》”’」』〕】';
const HALF_WIDTH = ',;:()';
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
const isCjk = (ch: string) => isHan(ch) || /[\u3000-\u303f\uff01-\uff5e“”‘’]/.test(ch);
const isKai = (font: string) => /WenKai|Kai/i.test(font);
const isHei = (font: string) => /NotoSans|Hei/i.test(font);

export interface TypesetFigures {
  pages: number;
  bodyPages: number;
  bodyLines: number;
  kinsoku: { body: number; tables: number; examples: string[] };
  punctuationPairs: { total: number; squeezed: number; examples: string[] };
  grid: { offset: number; lines: number; offGrid: number; onGridPercent: number; examples: string[] };
  facingColumnsOutOfRegister: { pages: number[]; maxDrift: number };
  shortColumns: { columns: Array<{ page: number; column: number; linesShort: number }>; moreThanOneLine: number };
  unbalancedEnds: { pages: Array<{ page: number; lines: [number, number] }>; count: number };
  titleBreaksInsideWords: { count: number; examples: string[] };
  /** TOC entry titles (12 pt lines of the 目录 pages) wrapped inside a word. */
  tocBreaksInsideWords: { count: number; examples: string[] };
  kaiOutsideLeadIns: { characters: number; paragraphs: number; examples: string[] };
  kaiQuotes: { count: number; minEm: number };
  /** The narrowest quotation mark (“”‘’) of each face, in em. */
  quoteWidths: Record<string, number>;
  halfWidthPunctuation: { body: number; all: number; examples: string[] };
  orphanLines: { count: number; examples: string[] };
  /** Body lines whose Han characters are spaced out by more than 0.2 em on average. */
  looseLines: { count: number; maxEm: number; examples: string[] };
  continuedTablesWithoutHeader: { pages: number[] };
  tableRules: Record<string, number>;
  /** Rotated pages that hold text but (almost) no table: notes left over from a rotated table. */
  rotatedPagesWithoutTable: number[];
}

const lineNo = (y: number, offset: number) => (y - TYPE_TOP - offset) / PITCH;
const gridError = (y: number, offset: number) => {
  const n = lineNo(y, offset);
  return Math.abs(n - Math.round(n)) * PITCH;
};

/** Body pages: pages with a folio (— N —) at the foot. */
function isBodyPage(lines: Line[]): boolean {
  return lines.some((l) => !l.rotated && l.y > TYPE_TOP + TYPE_HEIGHT + 5 && /^—\d+—$/.test(l.text.replace(/\s/g, '')));
}

const isBodyLine = (l: Line) => l.column >= 0 && Math.abs(l.size - BODY_SIZE) < 0.3 && l.y > TYPE_TOP && l.y < TYPE_TOP + TYPE_HEIGHT + 2;
/** Content lines of a page (not the running head or folio). */
const isContent = (l: Line) => l.rotated || (l.y > TYPE_TOP && l.y < TYPE_TOP + TYPE_HEIGHT + 2);

export function typesetFigures(pages: PageGlyphs[]): TypesetFigures {
  const all = pages.map((p) => pageLines(p));
  const bodyPageSet = new Set(pages.filter((_, i) => isBodyPage(all[i])).map((p) => p.page));
  // Two-column text pages: body pages without body-size lines across the gutter (name lists, forms).
  const body = all.map((lines, i) =>
    bodyPageSet.has(pages[i].page) && !lines.some((l) => isContent(l) && !l.rotated && l.column < 0 && Math.abs(l.size - BODY_SIZE) < 0.3) ? lines.filter(isBodyLine) : [],
  );
  const bodyLines = body.flat();

  // Grid offset: the baseline offset within a grid line that holds the most body lines (0.05 pt steps).
  let offset = 12;
  let best = -1;
  for (let o = 0; o < PITCH; o += 0.05) {
    const n = bodyLines.filter((l) => gridError(l.y, o) <= 0.5).length;
    if (n > best) [offset, best] = [o, n];
  }

  const figures: TypesetFigures = {
    pages: pages.length,
    bodyPages: bodyPageSet.size,
    bodyLines: bodyLines.length,
    kinsoku: { body: 0, tables: 0, examples: [] },
    punctuationPairs: { total: 0, squeezed: 0, examples: [] },
    grid: { offset: round(offset), lines: bodyLines.length, offGrid: 0, onGridPercent: 100, examples: [] },
    facingColumnsOutOfRegister: { pages: [], maxDrift: 0 },
    shortColumns: { columns: [], moreThanOneLine: 0 },
    unbalancedEnds: { pages: [], count: 0 },
    titleBreaksInsideWords: { count: 0, examples: [] },
    tocBreaksInsideWords: { count: 0, examples: [] },
    kaiOutsideLeadIns: { characters: 0, paragraphs: 0, examples: [] },
    kaiQuotes: { count: 0, minEm: 1 },
    quoteWidths: {},
    halfWidthPunctuation: { body: 0, all: 0, examples: [] },
    orphanLines: { count: 0, examples: [] },
    looseLines: { count: 0, maxEm: 0, examples: [] },
    continuedTablesWithoutHeader: { pages: [] },
    tableRules: {},
    rotatedPagesWithoutTable: [],
  };
  const example = (list: string[], text: string) => {
    if (list.length < 12) list.push(text);
  };

  // Kinsoku, body and tables (table text: smaller than the body size, on body pages).
  all.forEach((lines, i) => {
    if (!bodyPageSet.has(pages[i].page)) return;
    for (const l of lines.filter(isContent)) {
      const isBody = isBodyLine(l);
      const isTable = !isBody && l.size < BODY_SIZE - 0.3;
      if (!isBody && !isTable) continue;
      const first = l.text[0];
      const last = l.text[l.text.length - 1];
      if (CLOSING.includes(first) || OPENING.includes(last)) {
        if (isBody) figures.kinsoku.body++;
        else figures.kinsoku.tables++;
        example(figures.kinsoku.examples, `p${l.page} ${l.text.slice(0, 20)}`);
      }
    }
  });

  for (const g of pages.flatMap((p) => p.glyphs)) {
    if (!'“”‘’'.includes(g.ch) || g.size <= 0) continue;
    const em = round(g.width / g.size);
    figures.quoteWidths[g.font] = Math.min(figures.quoteWidths[g.font] ?? em, em);
  }

  // Punctuation pairs and half-width punctuation.
  for (const l of bodyLines) {
    const g = l.glyphs;
    for (let k = 0; k + 1 < g.length; k++) {
      const a = readableChar(g[k].ch);
      const b = readableChar(g[k + 1].ch);
      if (SQUEEZABLE_FIRST.includes(a) && SQUEEZABLE_SECOND.includes(b)) {
        figures.punctuationPairs.total++;
        const advance = g[k + 1].x - g[k].x;
        if (advance <= 0.75 * g[k].size) figures.punctuationPairs.squeezed++;
        else example(figures.punctuationPairs.examples, `p${l.page} ${a}${b} ${(advance / g[k].size).toFixed(2)}em`);
      }
      // A quotation mark inside a 楷体 run (its own face may be a fallback for the marks).
      if ('“”‘’'.includes(a) && (isKai(g[k].font) || isKai(g[k + 1].font) || (k > 0 && isKai(g[k - 1].font)))) {
        figures.kaiQuotes.count++;
        figures.kaiQuotes.minEm = Math.min(figures.kaiQuotes.minEm, round(g[k].width / g[k].size));
      }
    }
  }
  all.forEach((lines, i) => {
    if (!bodyPageSet.has(pages[i].page)) return;
    for (const l of lines.filter(isContent)) {
      const t = l.text;
      for (let k = 1; k + 1 < t.length; k++) {
        if (HALF_WIDTH.includes(t[k]) && isCjk(t[k - 1]) && isCjk(t[k + 1])) {
          figures.halfWidthPunctuation.all++;
          if (isBodyLine(l)) {
            figures.halfWidthPunctuation.body++;
            example(figures.halfWidthPunctuation.examples, `p${l.page} ${t.slice(Math.max(0, k - 4), k + 5)}`);
          }
        }
      }
    }
  });

  // Grid and register.
  for (const l of bodyLines) {
    if (gridError(l.y, offset) > 0.5) {
      figures.grid.offGrid++;
      example(figures.grid.examples, `p${l.page} c${l.column} +${round(gridError(l.y, offset))} ${l.text.slice(0, 8)}`);
    }
  }
  figures.grid.onGridPercent = bodyLines.length ? round((100 * (bodyLines.length - figures.grid.offGrid)) / bodyLines.length) : 100;
  body.forEach((lines) => {
    const left = lines.filter((l) => l.column === 0).map((l) => l.y);
    const right = lines.filter((l) => l.column === 1).map((l) => l.y);
    if (!left.length || !right.length) return;
    let drift = 0;
    for (const y of right) {
      if (y < Math.min(...left) - 1 || y > Math.max(...left) + 1) continue;
      // Distance to the nearest grid position of the other column (its nearest line ± whole grid lines).
      const nearest = Math.min(...left.map((v) => Math.abs(v - y)));
      const folded = nearest % PITCH;
      drift = Math.max(drift, Math.min(folded, PITCH - folded));
    }
    if (drift > 0.5) figures.facingColumnsOutOfRegister.pages.push(lines[0].page);
    figures.facingColumnsOutOfRegister.maxDrift = Math.max(figures.facingColumnsOutOfRegister.maxDrift, round(drift));
  });

  // Columns: split each page into bands of two-column text between spanning blocks.
  const lastLineY = TYPE_TOP + offset + (LINES_PER_COLUMN - 1) * PITCH;
  all.forEach((lines, i) => {
    const page = pages[i].page;
    if (!body[i].length) return;
    const content = lines.filter(isContent);
    if (content.some((l) => l.rotated)) return;
    const spanning = content.filter((l) => !isBodyLine(l)).map((l) => l.y);
    const bodyHere = content.filter(isBodyLine);
    if (bodyHere.length === 0) return;
    const cuts = [...new Set(spanning.map((y) => Math.round(y)))].sort((a, b) => a - b);
    const bands: Line[][] = [];
    let current: Line[] = [];
    let cutIndex = 0;
    for (const l of [...bodyHere].sort((a, b) => a.y - b.y)) {
      let crossed = false;
      while (cutIndex < cuts.length && cuts[cutIndex] < l.y) {
        cutIndex++;
        crossed = true;
      }
      if (crossed && current.length) {
        bands.push(current);
        current = [];
      }
      current.push(l);
    }
    if (current.length) bands.push(current);
    const spanningBelow = (band: Line[]) => {
      const bottom = Math.max(...band.map((l) => l.y));
      return cuts.some((y) => y > bottom);
    };
    const continues = i + 1 < all.length && pageContinuesText(all[i + 1]);
    bands.forEach((band, b) => {
      const bottoms = [0, 1].map((c) => Math.max(-Infinity, ...band.filter((l) => l.column === c).map((l) => l.y)));
      const counts = [0, 1].map((c) => band.filter((l) => l.column === c).length);
      const isLast = b === bands.length - 1 && !spanningBelow(band);
      if (isLast && continues) {
        [0, 1].forEach((c) => {
          const short = bottoms[c] === -Infinity ? LINES_PER_COLUMN : Math.round((lastLineY - bottoms[c]) / PITCH);
          if (short >= 1) figures.shortColumns.columns.push({ page, column: c, linesShort: short });
          if (short > 1) figures.shortColumns.moreThanOneLine++;
        });
        return;
      }
      if (counts[1] === 0) return; // a single-column ending (short text) is balanced by definition
      const diff = (bottoms[0] - bottoms[1]) / PITCH;
      if (Math.abs(diff) > 1.5) {
        figures.unbalancedEnds.pages.push({ page, lines: [counts[0], counts[1]] });
        figures.unbalancedEnds.count++;
      }
    });
  });

  // Titles (二号 22 pt lines): breaks inside words.
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  all.forEach((lines) => {
    const titles = lines.filter((l) => !l.rotated && Math.abs(l.size - 22) < 0.5).sort((a, b) => a.y - b.y);
    for (let k = 0; k + 1 < titles.length; k++) {
      const a = titles[k];
      const b = titles[k + 1];
      if (b.y - a.y > 31 || b.y - a.y < 5) continue;
      const text = a.text + b.text;
      const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
      if (!boundaries.has(a.text.length) && isHan(a.text[a.text.length - 1]) && isHan(b.text[0])) {
        figures.titleBreaksInsideWords.count++;
        example(figures.titleBreaksInsideWords.examples, `p${a.page} ${a.text.slice(-4)}/${b.text.slice(0, 4)}`);
      }
    }
  });

  // TOC titles: on the 目录 pages, consecutive 12 pt lines of the TOC column without a leader (……) are
  // the lines of one title.
  all.forEach((lines) => {
    if (!lines.some((l) => Math.abs(l.size - 22) < 0.5 && l.text.startsWith('目'))) return;
    // The TOC column (276 pt; the sidebar stands right of it), its pieces of one baseline joined.
    const pieces = lines.filter((l) => !l.rotated && Math.abs(l.size - 12) < 0.3 && l.x0 < TYPE_LEFT + 270).sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const entries: Array<{ y: number; text: string; page: number }> = [];
    for (const l of pieces) {
      const last = entries[entries.length - 1];
      if (last && Math.abs(last.y - l.y) < 1) last.text += l.text;
      else entries.push({ y: l.y, text: l.text, page: l.page });
    }
    for (let k = 0; k + 1 < entries.length; k++) {
      const a = entries[k];
      const b = entries[k + 1];
      if (b.y - a.y > 19 || a.text.includes('…') || b.text.includes('…')) continue;
      const text = a.text + b.text;
      const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
      if (!boundaries.has(a.text.length) && isHan(a.text[a.text.length - 1]) && isHan(b.text[0])) {
        figures.tocBreaksInsideWords.count++;
        example(figures.tocBreaksInsideWords.examples, `p${a.page} ${a.text.slice(-4)}/${b.text.slice(0, 4)}`);
      }
    }
  });

  // Paragraphs of body text in reading order: 楷体 after the lead-in, 孤字.
  const paragraphs: Line[][] = [];
  for (const lines of body) {
    const ordered = [...lines].sort((a, b) => a.column - b.column || a.y - b.y);
    for (const l of ordered) {
      const left = TYPE_LEFT + l.column * (COLUMN_WIDTH + GUTTER);
      const indented = l.x0 - left >= 1.5 * BODY_SIZE;
      if (indented || paragraphs.length === 0) paragraphs.push([l]);
      else paragraphs[paragraphs.length - 1].push(l);
    }
  }
  for (const para of paragraphs) {
    const glyphs = para.flatMap((l) => l.glyphs);
    const stop = glyphs.findIndex((g) => g.ch === '。');
    const leadEnd = stop < 0 ? glyphs.length : stop + 1;
    const outside = glyphs.slice(leadEnd).filter((g) => isKai(g.font));
    if (outside.length) {
      figures.kaiOutsideLeadIns.characters += outside.length;
      figures.kaiOutsideLeadIns.paragraphs++;
      example(figures.kaiOutsideLeadIns.examples, `p${para[0].page} ${para[0].text.slice(0, 12)}`);
    }
    if (para.length >= 2) {
      const last = para[para.length - 1];
      const prev = para[para.length - 2];
      if (last.glyphs.length <= 2 && prev.x1 - prev.x0 > 0.9 * COLUMN_WIDTH) {
        figures.orphanLines.count++;
        example(figures.orphanLines.examples, `p${last.page} …${prev.text.slice(-4)}/${last.text}`);
      }
    }
  }

  // Loose lines: the mean space between neighbouring Han characters (glyph end to next glyph start).
  for (const l of bodyLines) {
    const gaps: number[] = [];
    for (let k = 1; k < l.glyphs.length; k++) {
      const a = l.glyphs[k - 1];
      const b = l.glyphs[k];
      if (isHan(a.ch) && isHan(b.ch)) gaps.push((b.x - (a.x + a.width)) / a.size);
    }
    // A gap of an em or more is a spread name (袁 萍 with an ideographic space) or a list's column, not justification.
    if (gaps.length < 3 || Math.max(...gaps) > 0.9) continue;
    const mean = gaps.reduce((x, y) => x + y, 0) / gaps.length;
    if (mean > 0.2) {
      figures.looseLines.count++;
      figures.looseLines.maxEm = Math.max(figures.looseLines.maxEm, round(mean));
      example(figures.looseLines.examples, `p${l.page} ${l.text.slice(0, 16)} ${round(mean)}em`);
    }
  }

  // Tables: a page whose first content is table body text (宋体) continues a table without its header.
  all.forEach((lines, i) => {
    const page = pages[i].page;
    if (!bodyPageSet.has(page)) return;
    const content = lines.filter(isContent);
    const rotated = content.some((l) => l.rotated);
    const frame = content.filter((l) => l.rotated === rotated);
    if (!frame.length) return;
    const first = frame.reduce((a, b) => (b.y < a.y ? b : a));
    const tableText = first.size < BODY_SIZE - 0.3 && !first.glyphs.some((g) => isHei(g.font));
    const previous = i > 0 ? all[i - 1].filter(isContent) : [];
    const previousHasTable = previous.some((l) => l.size < BODY_SIZE - 0.3);
    if (tableText && previousHasTable && !/^(注|说明|备注|（说明)/.test(first.text)) figures.continuedTablesWithoutHeader.pages.push(page);
  });

  pages.forEach((p, i) => {
    const rotatedLines = all[i].filter((l) => l.rotated).length;
    const cellRules = p.rules.filter((r) => r.lineWidth <= 1 && r.y0 > TYPE_TOP - 2).length;
    if (rotatedLines > 0 && cellRules < 8) figures.rotatedPagesWithoutTable.push(p.page);
  });

  // Rule widths on table pages.
  pages.forEach((p, i) => {
    if (!bodyPageSet.has(p.page) || !all[i].some((l) => isContent(l) && l.size < BODY_SIZE - 0.3)) return;
    for (const r of p.rules) {
      const long = Math.max(r.x1 - r.x0, r.y1 - r.y0);
      if (r.lineWidth > 2 || long < 5 || r.y0 < TYPE_TOP - 2) continue;
      const key = r.lineWidth.toFixed(2);
      figures.tableRules[key] = (figures.tableRules[key] ?? 0) + 1;
    }
  });

  return figures;
}

/** The page's text starts in the first column at the top of the type area (no title block or table first). */
function pageContinuesText(lines: Line[]): boolean {
  const content = lines.filter(isContent);
  if (!content.length || content.some((l) => l.rotated)) return false;
  const first = content.reduce((a, b) => (b.y < a.y ? b : a));
  return isBodyLine(first) && first.column === 0 && first.y - TYPE_TOP < PITCH;
}

const round = (n: number) => Math.round(n * 100) / 100;
