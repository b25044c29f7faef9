/**
 * One run of TAB lines sometimes holds two tables: the text lost the blank line or the caption between
 * them, so the rows of the second table follow the first and would print under its header. The run is
 * cut where its shape changes, and every cut is reported (`table-split`) with the line it starts at:
 *
 * - **a new header**: in a table that has a header (and is not a form, whose label rows all look like
 *   headers), a row starting in the first column that reads like a header row (short cells, header words, no
 *   digits) and heads a row of data, other than the table's own header (a copy of that is the print
 *   repeating it: it is merged away, as after a blank line);
 * - **the numbering ends and the columns change**: in a table with a 序号 column, rows after the last
 *   numbered row that put text (not a number and not 合计/小计…) into the 序号 column are another table; the
 *   cut is at the first of those rows that starts at or left of the 序号 column (rows that only fill the
 *   right-hand columns still belong to the last numbered row);
 *
 * A part cut off drops the empty cells that pad its rows on the right; a part whose rows hold one cell each is
 * text, not a table. Pure.
 */
import { squeezeWhitespace } from '../model';
import { looksLikeHeader, type RawTable } from './tables';

export type SplitReason = 'header' | 'numbering';

export type TablePart =
  | { kind: 'table'; raw: RawTable; /** Why this part was cut from the rows above it (none for the first). */ cut?: SplitReason }
  | { kind: 'text'; text: string; line: number; cut: SplitReason };

/** A 序号 cell: 1, 12*, （3）, 一, 4. */
export const SEQUENCE_CELL = /^[（(]?(\d{1,3}|[一二三四五六七八九十]{1,3})[）)]?[、.．]?\*?$/;
/** Totals and notes that a 序号 column may hold below the numbered rows. */
const TOTAL_CELL = /^(合\s*计|小\s*计|总\s*计|共\s*计|其\s*中|备\s*注|注)[：:]?$|合计|小计|总计/;

const squeeze = (c: string | undefined) => squeezeWhitespace(c ?? '');
/** Cells up to the last non-empty one. */
function filledWidth(row: string[]): number {
  let n = row.length;
  while (n > 0 && squeeze(row[n - 1]) === '') n--;
  return n;
}
const firstFilled = (row: string[]) => row.findIndex((c) => squeeze(c) !== '');
const signature = (row: string[]) => row.slice(0, filledWidth(row)).map(squeeze).join('\t');

/** Header rows at the top of the run: a header row, or a caption row (with ：) and a header row. */
function headerRowsOf(rows: string[][]): number {
  const isCaption = (row: string[]) => row.some((c) => /[：:]/.test(c));
  if (rows.length && looksLikeHeader(rows[0]) && !isCaption(rows[0])) return 1;
  if (rows.length > 1 && isCaption(rows[0]) && looksLikeHeader(rows[1])) return 2;
  return 0;
}

/** A row that can head a table of its own: header words in short cells, no digits, no label：. */
function isHeaderRow(row: string[]): boolean {
  const cells = row.map(squeeze).filter(Boolean);
  return looksLikeHeader(row) && cells.every((c) => c.length <= 12 && !/\d|[：:]/.test(c));
}

/**
 * The 序号 column: where the header says 序号, else the column holding the most sequence numbers (at least
 * two, in rising order) among the body rows; -1 when the table is not numbered.
 */
export function sequenceColumn(rows: string[][], headerRows: number): number {
  if (headerRows) {
    const named = rows[headerRows - 1].findIndex((c) => squeeze(c) === '序号');
    if (named >= 0) return named;
  }
  const body = rows.slice(headerRows);
  const width = Math.max(0, ...body.map((r) => r.length));
  let best = -1;
  let bestCount = 1;
  for (let j = 0; j < width; j++) {
    const numbers = body.map((r) => squeeze(r[j])).filter((c) => /^\d{1,3}\*?$/.test(c)).map((c) => parseInt(c, 10));
    const rising = numbers.every((n, k) => k === 0 || n > numbers[k - 1]);
    if (rising && numbers.length > bestCount) {
      best = j;
      bestCount = numbers.length;
    }
  }
  return best;
}

/** Forms (fill-in markers, label：cells) repeat header-like label rows everywhere: no header rule there. */
const FORM_MARK = /<input|年\s+月\s+日|_{3,}|盖章|签字|签名|[：:]$/;

/** Index of the first row of a second table by the rules above, with the reason; null when the run is one table. */
export function findCut(rows: string[][], headerRows: number): { at: number; reason: SplitReason } | null {
  // A new header row: under a table that has a header and at least two rows of its own, not in a form, and
  // with a row under it that is not a header too (a header heads data).
  const isForm = rows.some((row) => row.some((c) => FORM_MARK.test(c.trim())));
  if (headerRows && !isForm) {
    for (let r = headerRows + 2; r < rows.length - 1; r++) {
      if (firstFilled(rows[r]) !== 0 || !isHeaderRow(rows[r]) || isHeaderRow(rows[r + 1])) continue;
      if (signature(rows[r]) !== signature(rows[headerRows - 1])) return { at: r, reason: 'header' };
    }
  }
  // The numbering ends and text moves into the 序号 column.
  const seq = sequenceColumn(rows, headerRows);
  if (seq < 0) return null;
  let last = -1;
  for (let r = headerRows; r < rows.length; r++) if (rows[r].slice(0, seq + 2).some((c) => SEQUENCE_CELL.test(squeeze(c)))) last = r;
  if (last < 0) return null;
  const tail = rows.slice(last + 1);
  const foreign = tail.some((row) => {
    const c = squeeze(row[seq]);
    return c !== '' && !SEQUENCE_CELL.test(c) && !TOTAL_CELL.test(c);
  });
  if (!foreign) return null;
  const start = tail.findIndex((row) => {
    const f = firstFilled(row);
    return f >= 0 && f <= seq;
  });
  return start >= 0 ? { at: last + 1 + start, reason: 'numbering' } : null;
}

/** The rows [from, to) of `raw` as a table of their own. */
function slice(raw: RawTable, from: number, to: number): RawTable {
  return { rows: raw.rows.slice(from, to), lines: raw.lines.slice(from, to), repeatedHeaderLines: from === 0 ? raw.repeatedHeaderLines : [] };
}

/** Drop the padding of empty cells after each row's last cell (the table builder spans that cell to the end). */
function trimEmptyColumns(raw: RawTable): RawTable {
  return { ...raw, rows: raw.rows.map((r) => r.slice(0, Math.max(filledWidth(r), 1))) };
}

/** A part of the run: a table, or paragraphs when each of its rows holds one cell. The first part keeps its columns. */
function partOf(raw: RawTable, cut: SplitReason, first: boolean): TablePart[] {
  const trimmed = first ? raw : trimEmptyColumns(raw);
  if (trimmed.rows.every((r) => r.filter((c) => squeeze(c) !== '').length <= 1)) {
    return trimmed.rows
      .map((r, k) => ({ kind: 'text' as const, text: r.map((c) => c.trim()).filter(Boolean).join(''), line: trimmed.lines[k], cut }))
      .filter((p) => p.text !== '');
  }
  return [first ? { kind: 'table', raw: trimmed } : { kind: 'table', raw: trimmed, cut }];
}

/** The run cut into its tables (and paragraphs) where its shape changes; one part when it does not. */
export function splitAtShapeChange(raw: RawTable): TablePart[] {
  if (raw.variant || raw.rows.length < 2) return [{ kind: 'table', raw }];
  const parts: TablePart[] = [];
  let current = withoutRepeatedHeader(raw);
  let reason: SplitReason | undefined;
  for (;;) {
    const cut = findCut(current.rows, headerRowsOf(current.rows));
    if (!cut) break;
    const head = slice(current, 0, cut.at);
    // The rows above the first cut stay the table they were, unless they are only captions (one cell each).
    parts.push(...partOf(head, reason ?? cut.reason, reason === undefined));
    current = withoutRepeatedHeader(slice(current, cut.at, current.rows.length));
    reason = cut.reason;
  }
  if (reason === undefined) return [{ kind: 'table', raw: current }];
  parts.push(...partOf(current, reason, false));
  return parts;
}

/** Rows inside the run that copy the header row: the print repeated it; they go, as after a blank line. */
function withoutRepeatedHeader(raw: RawTable): RawTable {
  const headerRows = headerRowsOf(raw.rows);
  if (!headerRows) return raw;
  const header = signature(raw.rows[headerRows - 1]);
  const copies = raw.rows.map((row, r) => r >= headerRows && signature(row) === header);
  if (!copies.some(Boolean)) return raw;
  return {
    ...raw,
    rows: raw.rows.filter((_, r) => !copies[r]),
    lines: raw.lines.filter((_, r) => !copies[r]),
    repeatedHeaderLines: [...raw.repeatedHeaderLines, ...raw.lines.filter((_, r) => copies[r])],
  };
}
