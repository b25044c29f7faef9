/**
 * Content-aware column widths for data tables and forms (pure; estimates text widths from character classes).
 *
 * Browsers' automatic table layout squeezes short label columns to one character per line and leaves long
 * text columns narrow, so rows get tall. Here each column gets a minimum (its longest unbreakable run: a short
 * label or a number, never under two characters) and a preferred width (its longest line, capped); short
 * columns get their preferred width and long text columns share the rest in proportion to their amount of
 * text, which keeps the lines of one row about equally many, so rows stay short.
 */
import { plainText, type TableElement } from '../model';

/** Table text: 小五 9 pt (compact tables: 六号 7.5 pt); padding 3 pt left and right, plus the rule. */
export const TABLE_FONT_PT = 9;
export const CELL_PADDING_PT = 6.5;
/** Slack for rules and rounding, so a label measured to fit does fit. */
export const CELL_SLACK_PT = 1.5;
/** Forms: a column left empty for filling in is at least 4 and prefers 8 characters. */
export const FILL_IN_MIN_CHARS = 4;
export const FILL_IN_PREF_CHARS = 8;
/** A column never gets narrower than this many characters. */
export const MIN_COLUMN_CHARS = 2;
/** Cell texts up to this many characters are labels, kept on one line (负责人, 项目名称). */
export const LABEL_CHARS = 4;

export interface WidthCell {
  /** Grid column of the cell's first column. */
  col: number;
  colSpan: number;
  /** Grid row (for the height estimate) and rows spanned. */
  row?: number;
  rowSpan?: number;
  /** The cell's paragraphs (each starts a new line). */
  lines: string[];
  /** Set one character per line (writing-mode vertical). */
  vertical?: boolean;
  /** A header cell: its （） are set half width (toHtml renderCell, halfBrackets). */
  header?: boolean;
}

/** Width of text in em of the table font: CJK and full-width forms 1 em, ASCII and narrow forms ~0.55 em. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x2000) em += ch === ' ' ? 0.3 : 0.55;
    else em += 1;
  }
  return em;
}

/** The marks a table cell binds to their neighbour (common/render/toHtml.ts renderLeaf, bindMarks). */
const CLOSING_MARKS = '，。、；：？！）》”’」』〕】';
const OPENING_MARKS = '（《“‘「『〔【';

/**
 * Runs a table cell keeps on one line because of its marks: a closing mark stays with the character before
 * it, an opening one with the character after it, and touching pairs make one run (（万元） is one: 投资 /
 * （万元）, never （万 / 元）).
 */
function boundMarkRuns(text: string): string[] {
  const chars = [...text];
  const bound = chars.map(() => false);
  chars.forEach((ch, i) => {
    if (CLOSING_MARKS.includes(ch) && i > 0) bound[i - 1] = bound[i] = true;
    if (OPENING_MARKS.includes(ch) && i + 1 < chars.length) bound[i] = bound[i + 1] = true;
  });
  const runs: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!bound[i]) continue;
    let run = '';
    while (i < chars.length && bound[i]) run += chars[i++];
    runs.push(run);
  }
  return runs;
}

/**
 * Longest run that cannot break, in em: a short label whole, otherwise the longest Latin/number run or run
 * bound by its marks.
 */
export function unbreakableEm(text: string, halfBrackets = false): number {
  const squeezed = text.replace(/[\s\u3000]+/g, '');
  if ([...squeezed].length <= LABEL_CHARS) return textEm(squeezed);
  const runs = text.match(/[A-Za-z0-9.,%‰/:+\-_()（）．·~×*]+/g) ?? [];
  const bracketsEm = (run: string) => (halfBrackets ? [...run].filter((ch) => ch === '（' || ch === '）').length / 2 : 0);
  const bound = boundMarkRuns(text).map((run) => textEm(run) - bracketsEm(run));
  return Math.max(1, ...runs.map(textEm), ...bound);
}

export interface WidthOptions {
  /** A form: columns left empty are for filling in and get room for handwriting. */
  form?: boolean;
  /** Size of the table text in pt (default 小五 9). */
  fontPt?: number;
}

interface ColumnNeeds {
  min: number;
  pref: number;
  /** Amount of text (em), the share of free width a long column gets. */
  weight: number;
}

function cellNeeds(cell: WidthCell): ColumnNeeds {
  if (cell.vertical) return { min: 1, pref: 1, weight: 0 };
  const text = cell.lines.join('');
  const pref = cell.lines.reduce((m, l) => Math.max(m, textEm(l.trim())), 0);
  const min = cell.lines.reduce((m, l) => Math.max(m, unbreakableEm(l, cell.header)), 0);
  return { min: Math.max(min, MIN_COLUMN_CHARS), pref: Math.max(pref, MIN_COLUMN_CHARS), weight: textEm(text) };
}

/** Per-column needs in pt: single-column cells first, then spanning cells spread any excess evenly. */
export function columnNeeds(cells: WidthCell[], columns: number, opts: WidthOptions = {}): ColumnNeeds[] {
  const pt = (em: number) => em * (opts.fontPt ?? TABLE_FONT_PT) + CELL_PADDING_PT + CELL_SLACK_PT;
  const cols: ColumnNeeds[] = Array.from({ length: columns }, () => ({ min: pt(MIN_COLUMN_CHARS), pref: pt(MIN_COLUMN_CHARS), weight: 0 }));
  const spanning: WidthCell[] = [];
  for (const cell of cells) {
    if (cell.col >= columns) continue;
    if (cell.colSpan > 1) {
      spanning.push(cell);
      continue;
    }
    const n = cellNeeds(cell);
    const c = cols[cell.col];
    c.min = Math.max(c.min, pt(n.min));
    c.pref = Math.max(c.pref, pt(n.pref));
    c.weight += n.weight;
  }
  for (const cell of spanning) {
    const span = cols.slice(cell.col, cell.col + cell.colSpan);
    const n = cellNeeds(cell);
    const spread = (key: 'min' | 'pref', need: number) => {
      const have = span.reduce((s, c) => s + c[key], 0);
      if (need > have) for (const c of span) c[key] += (need - have) / span.length;
    };
    spread('min', pt(n.min));
    spread('pref', pt(n.pref));
    for (const c of span) c.weight += n.weight / span.length;
  }
  if (opts.form) {
    cols.forEach((c, i) => {
      const own = cells.filter((cell) => cell.col === i && cell.colSpan === 1);
      if (own.length > 0 && own.every((cell) => cell.lines.join('').trim() === '')) {
        c.min = Math.max(c.min, pt(FILL_IN_MIN_CHARS));
        c.pref = Math.max(c.pref, pt(FILL_IN_PREF_CHARS));
      }
    });
  }
  for (const c of cols) c.pref = Math.max(c.pref, c.min);
  return cols;
}

// The greedy widening evaluates the table height hundreds of times: measure each cell's lines once.
const lineEmCache = new WeakMap<WidthCell, number[]>();
function lineEms(cell: WidthCell): number[] {
  let ems = lineEmCache.get(cell);
  if (!ems) lineEmCache.set(cell, (ems = cell.lines.map((l) => textEm(l.trim()))));
  return ems;
}

/** Exponent of the soft maximum over a row's cells (a plain maximum stalls the widening when cells tie). */
const SOFT_MAX_POWER = 6;

/**
 * Estimated height (in lines) of a table with the given column widths (pt): the sum over rows of the
 * tallest cell, the maximum taken softly (a p-norm) and lines fractional, so the estimate is smooth and
 * convex in the widths, a good target for the greedy widening below.
 */
export function tableLines(cells: WidthCell[], widths: number[], fontPt = TABLE_FONT_PT): number {
  const rows = new Map<number, number>();
  for (const cell of cells) {
    const power = cellPower(cell, widths, fontPt);
    const first = cell.row ?? 0;
    for (let r = first; r < first + rowSpanOf(cell); r++) rows.set(r, (rows.get(r) ?? 0) + power);
  }
  let total = 0;
  for (const h of rows.values()) total += softRoot(h);
  return total;
}

const rowSpanOf = (cell: WidthCell) => Math.max(cell.rowSpan ?? 1, 1);
const softRoot = (sum: number) => Math.pow(sum, 1 / SOFT_MAX_POWER);

/** A cell's share of each row it spans, raised to the soft-maximum power (loops, no allocation: hot path). */
function cellPower(cell: WidthCell, widths: number[], fontPt: number): number {
  let width = 0;
  for (let c = cell.col; c < cell.col + cell.colSpan; c++) width += widths[c] ?? 0;
  const chars = Math.max((width - CELL_PADDING_PT - CELL_SLACK_PT) / fontPt, 0.5);
  let lines = 1;
  if (!cell.vertical) {
    lines = 0;
    for (const em of lineEms(cell)) lines += em > chars ? em / chars : 1;
    if (lines === 0) lines = 1;
  }
  return Math.pow(lines / rowSpanOf(cell), SOFT_MAX_POWER);
}

/**
 * tableLines under repeated single-column widenings, kept up to date incrementally: widening a column
 * changes only the cells over it and the rows they sit in (the greedy below tries every column per step).
 * The cells over one column cover distinct rows (tableWidthCells places each grid slot once).
 */
class TableHeight {
  private readonly power: Float64Array;
  private readonly rowSum: Float64Array;
  private readonly rowRoot: Float64Array;
  private readonly byColumn: number[][];
  total = 0;

  constructor(
    private readonly cells: WidthCell[],
    private readonly widths: number[],
    private readonly fontPt: number,
  ) {
    const rows = cells.reduce((n, cell) => Math.max(n, (cell.row ?? 0) + rowSpanOf(cell)), 0);
    this.power = Float64Array.from(cells, (cell) => cellPower(cell, widths, fontPt));
    this.rowSum = new Float64Array(rows);
    this.rowRoot = new Float64Array(rows);
    this.byColumn = widths.map(() => []);
    cells.forEach((cell, i) => {
      for (let c = cell.col; c < Math.min(cell.col + cell.colSpan, widths.length); c++) this.byColumn[c].push(i);
      const first = cell.row ?? 0;
      for (let r = first; r < first + rowSpanOf(cell); r++) this.rowSum[r] += this.power[i];
    });
    this.rowSum.forEach((sum, r) => {
      this.rowRoot[r] = softRoot(sum);
      this.total += this.rowRoot[r];
    });
  }

  /** The height if column `col` were `delta` wider; with `apply`, make it so. */
  private widen(col: number, delta: number, apply: boolean): number {
    this.widths[col] += delta;
    let total = this.total;
    for (const i of this.byColumn[col]) {
      const cell = this.cells[i];
      const power = cellPower(cell, this.widths, this.fontPt);
      const first = cell.row ?? 0;
      for (let r = first; r < first + rowSpanOf(cell); r++) {
        const sum = this.rowSum[r] + power - this.power[i];
        const root = softRoot(sum);
        total += root - this.rowRoot[r];
        if (apply) {
          this.rowSum[r] = sum;
          this.rowRoot[r] = root;
        }
      }
      if (apply) this.power[i] = power;
    }
    if (apply) this.total = total;
    else this.widths[col] -= delta;
    return total;
  }

  trial(col: number, delta: number): number {
    return this.widen(col, delta, false);
  }

  apply(col: number, delta: number): void {
    this.widen(col, delta, true);
  }
}

/**
 * Distribute `available` pt over the columns. Everything fits: preferred widths, grown in proportion.
 * Otherwise every column starts at its minimum and the rest is handed out in small steps, each to the
 * column where it shortens the table most (short label columns thus reach their natural width early, long
 * text columns share what is left by how much their text makes rows tall); once no column gains any more,
 * the remainder goes in proportion to the preferred widths. Returns widths in pt summing to `available`
 * (when even the minimums do not fit, the minimums scaled down).
 */
export function distributeWidths(cells: WidthCell[], cols: ColumnNeeds[], available: number, fontPt = TABLE_FONT_PT): number[] {
  const n = cols.length;
  if (n === 0) return [];
  const sumPref = cols.reduce((s, c) => s + c.pref, 0);
  if (sumPref <= available) return cols.map((c) => (c.pref / sumPref) * available);
  const sumMin = cols.reduce((s, c) => s + c.min, 0);
  if (sumMin >= available) return cols.map((c) => (c.min / sumMin) * available);

  const widths = cols.map((c) => c.min);
  const step = fontPt / 2;
  let left = available - sumMin;
  const height = new TableHeight(cells, widths, fontPt);
  while (left > 1e-6) {
    const delta = Math.min(step, left);
    let best = -1;
    let bestHeight = height.total;
    for (let c = 0; c < n; c++) {
      if (widths[c] >= cols[c].pref) continue;
      const h = height.trial(c, delta);
      if (h < bestHeight - 1e-9) {
        bestHeight = h;
        best = c;
      }
    }
    if (best < 0) break;
    height.apply(best, delta);
    left -= delta;
  }
  if (left > 1e-6) {
    const weights = cols.map((c, i) => Math.max(c.pref - widths[i], 0) || c.pref);
    const total = weights.reduce((s, w) => s + w, 0);
    weights.forEach((w, i) => (widths[i] += (w / total) * left));
  }
  const sum = widths.reduce((s, w) => s + w, 0);
  return widths.map((w) => (w / sum) * available);
}

/** Column widths (pt) for a table of `columns` grid columns set `available` pt wide. */
export function columnWidths(cells: WidthCell[], columns: number, available: number, opts: WidthOptions = {}): number[] {
  return distributeWidths(cells, columnNeeds(cells, columns, opts), available, opts.fontPt);
}

/** Sum of the columns' minimum widths (pt): wider than the type area means the table must rotate. */
export function minimumTableWidth(cells: WidthCell[], columns: number): number {
  return columnNeeds(cells, columns).reduce((s, c) => s + c.min, 0);
}

/** The cells of a table model placed on its grid (row spans from above push later cells right). */
export function tableWidthCells(table: TableElement): WidthCell[] {
  const taken: boolean[][] = [];
  const cells: WidthCell[] = [];
  table.children.forEach((row, r) => {
    let col = 0;
    for (const cell of row.children) {
      while (taken[r]?.[col]) col++;
      const colSpan = Math.max(cell.colSpan ?? 1, 1);
      const rowSpan = Math.max(cell.rowSpan ?? 1, 1);
      cells.push({ col, colSpan, row: r, rowSpan, lines: cell.children.map(plainText), vertical: cell.vertical, header: r < table.headerRows });
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) (taken[r + i] ??= [])[col + j] = true;
      col += colSpan;
    }
  });
  return cells;
}
