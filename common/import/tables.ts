/**
 * Tables from tab-separated lines. One table is a run of tab lines; after a blank line the run
 * continues when the line repeats the header row (the print repeated it on every page: it is
 * dropped and counted) or has as many cells as the row above (a list broken by a page).
 * Leading empty cells under a label are merged into it (rowSpan); a short row's last cell spans to
 * the end (colSpan).
 */
import type { Align, ParagraphElement, TableCellElement, TableElement } from '../model';
import { squeezeWhitespace } from '../model';
import { isBlank, isTableLine, type SourceLine } from './lines';
import { parseCell, parseInline, squeezeTitle, type CellParagraph } from './inline';
import { PERSON_NAME } from './patterns';

/** The label of a table's total row: 合计, 小计, 总计, 共计 (also spaced out). */
const TOTAL_LABEL = /^(合\s*计|小\s*计|总\s*计|共\s*计)[：:]?$/;

export interface RawTable {
  rows: string[][];
  /** Source line of each row. */
  lines: number[];
  /** Lines of header rows that repeated the table's header and were merged away. */
  repeatedHeaderLines: number[];
  /** Force a variant (leader lists written without tabs). */
  variant?: TableElement['variant'];
}

function cellsOf(text: string): string[] {
  return text.split('\t');
}

/** Row signature for header comparison: cells squeezed, trailing empty cells ignored. */
function signature(cells: string[]): string {
  const s = cells.map((c) => squeezeWhitespace(c));
  while (s.length && s[s.length - 1] === '') s.pop();
  return s.join('\t');
}

/** Collect the table starting at line index i. */
export function collectTable(lines: SourceLine[], i: number, until: number): { table: RawTable; next: number } {
  const table: RawTable = { rows: [], lines: [], repeatedHeaderLines: [] };
  let j = i;
  while (j < until) {
    if (isTableLine(lines[j])) {
      table.rows.push(cellsOf(lines[j].text));
      table.lines.push(lines[j].no);
      j++;
      continue;
    }
    if (!isBlank(lines[j])) break;
    let k = j;
    while (k < until && isBlank(lines[k])) k++;
    if (k >= until || !isTableLine(lines[k])) break;
    const cells = cellsOf(lines[k].text);
    const sig = signature(cells);
    const headerIndex = table.rows.slice(0, 2).findIndex((r) => signature(r) === sig);
    if (headerIndex >= 0 && sig.includes('\t')) {
      table.repeatedHeaderLines.push(lines[k].no);
      j = k + 1;
      continue;
    }
    if (cells.length === table.rows[table.rows.length - 1].length) {
      j = k;
      continue;
    }
    break;
  }
  return { table, next: j };
}

const HEADER_WORDS = /序号|姓名|名称|单位|指标|维度|职务|备注|项目|日期|时间|电话|内容|数量|面积|金额|方式|情况/;

export function looksLikeHeader(row: string[]): boolean {
  const cells = row.map((c) => squeezeWhitespace(c)).filter(Boolean);
  return cells.length >= 3 && cells.every((c) => c.length <= 30) && cells.some((c) => HEADER_WORDS.test(c)) && !cells.some((c) => /^\d+\*?$/.test(c));
}

/** A caption row above the header: 填报单位(村): 盖章 … */
function isCaptionRow(row: string[]): boolean {
  return row.some((c) => /[：:]/.test(c));
}

const LEADER_LABEL = /^(组\s*长|副\s*组\s*长|成\s*员|主\s*任|副\s*主\s*任)\s*[：:]?$/;
const FILL_IN = /<input|年\s+月\s+日|_{3,}|盖章|签字|签名/;

function detectVariant(raw: RawTable, headerRows: number): NonNullable<TableElement['variant']> {
  if (raw.variant) return raw.variant;
  if (LEADER_LABEL.test(raw.rows[0][0].trim())) return 'leader-list';
  const width = Math.max(...raw.rows.map((r) => r.length));
  const isName = (c: string | undefined) => c !== undefined && (c.trim() === '' || PERSON_NAME.test(c.trim()));
  if (width === 4 && raw.rows.filter((r) => PERSON_NAME.test(r[0].trim()) && isName(r[2])).length >= raw.rows.length * 0.6) return 'name-list';
  const body = raw.rows.slice(headerRows).flat();
  const empty = body.filter((c) => c.trim() === '').length;
  if (raw.rows.flat().some((c) => FILL_IN.test(c))) return 'form';
  // A header with no rows under it is a blank list to fill in.
  if (body.length === 0) return 'form';
  if (headerRows === 0 ? empty >= body.length * 0.3 : empty >= body.length * 0.5) return 'form';
  return 'data';
}

function headerRowCount(raw: RawTable): number {
  if (looksLikeHeader(raw.rows[0]) && !isCaptionRow(raw.rows[0])) return 1;
  if (raw.rows.length > 1 && isCaptionRow(raw.rows[0]) && looksLikeHeader(raw.rows[1])) return 2;
  return raw.repeatedHeaderLines.length ? 1 : 0;
}

function paragraph(p: CellParagraph): ParagraphElement {
  const el: ParagraphElement = { type: 'paragraph', children: parseInline(p.text) };
  if (p.align) el.align = p.align as Align;
  return el;
}

export interface BuiltTable {
  table: TableElement;
  /** True when rows were short or long of cells: the column spans are a guess. */
  irregular: boolean;
  /** Rows whose extra sub-label column was joined into the label before 序号 (see mergeSubLabel). */
  subLabelsMerged: number;
  /** Short rows moved right under their columns by content (see alignShortRow). */
  aligned: number;
  /** Source line of the first row so moved, when there was one (the warning points there). */
  firstAlignedLine?: number;
}

const NUMBER_CELL = /^[\d.,，%％+\-－~～]+$/;

/**
 * A row that lost its leading row-spanned cells in the text (类别 | 1 | 甲 | 10 then | 2 | 乙 | 20 written as
 * "2  乙  20") is short and starts too far left. Where a column holds numbers (at least two, and four in five of
 * its filled cells in the rows of full width), the row is moved right when that puts its numbers under the
 * number columns better than it stands; the missing leading cells become empty (and merge into the label
 * above). Returns the row unchanged when content does not say.
 */
export function alignShortRow(cells: string[], fullRows: string[][], width: number): string[] {
  const missing = width - cells.length;
  if (missing <= 0 || fullRows.length < 2) return cells;
  const numeric = Array.from({ length: width }, (_, j) => {
    const filled = fullRows.map((r) => squeezeWhitespace(r[j] ?? '')).filter(Boolean);
    const numbers = filled.filter((c) => NUMBER_CELL.test(c)).length;
    return numbers >= 2 && numbers * 5 >= filled.length * 4;
  });
  if (!numeric.some(Boolean)) return cells;
  const fit = (shift: number) => cells.reduce((n, c, i) => n + (numeric[i + shift] === NUMBER_CELL.test(squeezeWhitespace(c)) ? 1 : 0), 0);
  return fit(missing) > fit(0) ? [...Array<string>(missing).fill(''), ...cells] : cells;
}

/** The row without its trailing empty cells (conversion padding). */
function withoutTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].trim() === '') n--;
  return n === cells.length ? cells : cells.slice(0, n);
}

export function buildTable(raw: RawTable): BuiltTable {
  const headerRows = headerRowCount(raw);
  const variant = detectVariant(raw, headerRows);
  const listLike = variant === 'name-list' || variant === 'leader-list';
  const text = (c: string): CellParagraph[] =>
    listLike ? [{ text: squeezeTitle(c) }] : parseCell(c);

  // Width: with a header, trailing empty cells beyond the header's width are conversion noise.
  const headerWidth = headerRows ? raw.rows[headerRows - 1].length : 0;
  const seqColumn = headerRows ? raw.rows[headerRows - 1].findIndex((c) => squeezeWhitespace(c) === '序号') : -1;
  let subLabelsMerged = 0;
  let aligned = 0;
  let firstAlignedLine: number | undefined;
  // The columns rows should fill: the header's, else the widest row's. Rows that fill exactly those (leading
  // empty cells are row-spanned labels) show what each column holds.
  const alignWidth = headerWidth || Math.max(...raw.rows.map((r) => withoutTrailingEmpty(r).length));
  const fullRows = raw.rows.slice(headerRows).filter((r) => withoutTrailingEmpty(r).length === alignWidth);
  const rows = raw.rows.map((r, index) => {
    let cells = [...r];
    const filled = withoutTrailingEmpty(cells);
    if (index >= headerRows && !listLike && filled.length < alignWidth && filled.length > 0 && filled.every((c) => c.trim() !== '')) {
      const moved = alignShortRow(filled, fullRows, alignWidth);
      if (moved !== filled) {
        if (!aligned) firstAlignedLine = raw.lines[index];
        aligned++;
        cells = moved;
      }
    }
    if (index >= headerRows && headerWidth) {
      const merged = mergeSubLabel(cells, seqColumn, headerWidth);
      if (merged !== cells) subLabelsMerged++;
      cells = merged;
    }
    if (headerWidth) while (cells.length > headerWidth && cells[cells.length - 1].trim() === '') cells.pop();
    return cells;
  });
  const width = Math.max(...rows.map((r) => r.length));
  // Label cells merged over the empty cells below them are the expected shape; a row that is
  // short of cells (its last cell made to span) or too long is a guess worth a warning.
  let irregular = false;

  // owners[c] = the cell covering column c in the previous row (for rowSpan extension).
  let owners: Array<TableCellElement | undefined> = [];
  const out: TableElement['children'] = [];
  rows.forEach((cells, r) => {
    const rowCells: TableCellElement[] = [];
    const nextOwners: Array<TableCellElement | undefined> = [];
    let col = 0;
    let k = 0;
    const allEmpty = cells.every((c) => c.trim() === '');
    // A total row (合计 under the item column, its 序号 cell empty) is no part of the numbered row above:
    // its label spans the empty leading cells instead.
    const lead = cells.findIndex((c) => c.trim() !== '');
    const totalSpan = r > headerRows && lead > 0 && TOTAL_LABEL.test(squeezeWhitespace(cells[lead])) ? lead : 0;
    if (totalSpan) k = lead;
    // Leading empty cells under a body label: merge into the label above.
    if (r > headerRows && !allEmpty && !totalSpan) {
      while (k < cells.length - 1 && cells[k].trim() === '') {
        const owner = owners[col];
        if (!owner || squeezeWhitespace(owner.children.map((p) => p.children[0]?.text ?? '').join('')) === '') break;
        owner.rowSpan = (owner.rowSpan ?? 1) + 1;
        nextOwners[col] = owner;
        col++;
        k++;
      }
    }
    for (; k < cells.length; k++) {
      const cell: TableCellElement = { type: 'table-cell', children: text(cells[k]).map(paragraph) };
      rowCells.push(cell);
      if (totalSpan && rowCells.length === 1) {
        cell.colSpan = totalSpan + 1;
        for (let c = 0; c < totalSpan; c++) nextOwners[col++] = cell;
      }
      nextOwners[col] = cell;
      col++;
    }
    if (col !== width) irregular = true;
    if (col < width && rowCells.length) {
      const last = rowCells[rowCells.length - 1];
      last.colSpan = width - col + 1;
      for (let c = col; c < width; c++) nextOwners[c] = last;
    }
    owners = nextOwners;
    out.push({ type: 'table-row', children: rowCells.length ? rowCells : [{ type: 'table-cell', children: [paragraph({ text: '' })] }] });
  });
  const table: TableElement = { type: 'table', headerRows: Math.min(headerRows, out.length), variant, children: out };
  return { table, irregular, subLabelsMerged, aligned, ...(firstAlignedLine !== undefined ? { firstAlignedLine } : {}) };
}

const SEQUENCE_NUMBER = /^\d+\*?$/;

/**
 * Some printed pages of a table carry an extra sub-label column before 序号 (城市体检: 街区 | 功能完善 | 26* …).
 * Those rows have one cell too many and the 序号 one place to the right: the sub-label joins the label cell
 * before it as a second paragraph, so every row keeps the header's columns. Other rows come back unchanged.
 */
export function mergeSubLabel(cells: string[], seqColumn: number, headerWidth: number): string[] {
  const filled = cells.length - [...cells].reverse().findIndex((c) => c.trim() !== '');
  if (seqColumn < 1 || cells.length <= headerWidth || filled > headerWidth + 1) return cells;
  const atSeq = squeezeWhitespace(cells[seqColumn] ?? '');
  const afterSeq = squeezeWhitespace(cells[seqColumn + 1] ?? '');
  if (SEQUENCE_NUMBER.test(atSeq) || !SEQUENCE_NUMBER.test(afterSeq)) return cells;
  const label = cells[seqColumn - 1].trim();
  const subLabel = cells[seqColumn].trim();
  const joined = label && subLabel ? `<p>${label}</p><p>${subLabel}</p>` : label || subLabel;
  return [...cells.slice(0, seqColumn - 1), joined, ...cells.slice(seqColumn + 1)];
}

// ---------------------------------------------------------------- leader lists written without tabs

/** The roles of a leading group's list: 组长, 副组长, 成员, 主任, and as 指挥部 and 联席会议 write them (总指挥, 指挥长, 召集人). */
const LEADER_LINE = /^((?:常\s*务\s*)?(?:副\s*)?(?:组\s*长|主\s*任|总\s*指\s*挥|指\s*挥\s*长|召\s*集\s*人)|成\s*员)\s*[：:]\s*(.*)$/;
const NAME_POST = /^([\u4e00-\u9fa5][ \u3000][\u4e00-\u9fa5]|[\u4e00-\u9fa5]{2,4})[ \u3000]+([^\s。][^。]{0,60})$/;

/** One leader-list row from a plain line, or null. */
export function leaderRow(text: string, first: boolean): string[] | null {
  const t = text.trim();
  if (t.length > 80) return null;
  const labelled = LEADER_LINE.exec(t);
  if (labelled) {
    const np = NAME_POST.exec(labelled[2].trim());
    return np ? [squeezeWhitespace(labelled[1]) + '：', squeezeWhitespace(np[1]), np[2].trim()] : null;
  }
  if (first) return null;
  const np = NAME_POST.exec(t);
  return np ? ['', squeezeWhitespace(np[1]), np[2].trim()] : null;
}
