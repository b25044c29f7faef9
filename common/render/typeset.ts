/**
 * Small typesetting decisions made in the HTML (pure): the run-in lead-in of a （一）-level heading, and
 * where a title may break.
 */
import { plainText, type HeadingElement, type TableCellElement, type TableElement, type TextLeaf } from '../model';
import { escapeHtml } from './html';
import { textEm } from './columnWidths';

/**
 * A （一）-level heading's runs with its lead-in marked: the phrase up to and including the first 。 (format doc
 * §3). Runs already marked are kept; a heading that is only its lead-in (（五）补贴程序。) is left alone.
 */
export function runInLeaves(leaves: TextLeaf[]): TextLeaf[] {
  if (leaves.some((l) => l.leadIn)) return leaves;
  const text = leaves.map((l) => l.text).join('');
  const stop = text.indexOf('。');
  if (stop < 0 || text.slice(stop + 1).trim() === '') return leaves;
  const out: TextLeaf[] = [];
  let start = 0;
  for (const leaf of leaves) {
    const end = start + leaf.text.length;
    const cut = stop + 1;
    if (end <= cut) out.push({ ...leaf, leadIn: true });
    else if (start >= cut) out.push(leaf);
    else {
      out.push({ ...leaf, text: leaf.text.slice(0, cut - start), leadIn: true });
      out.push({ ...leaf, text: leaf.text.slice(cut - start) });
    }
    start = end;
  }
  return out;
}

/**
 * A heading's runs as printed, and whether it runs on into its text (a lead-in, then more): such a heading
 * is set in the body face with only its lead-in in the level's face. The print HTML and the editor use it.
 */
export function headingRunIn(heading: HeadingElement): { leaves: TextLeaf[]; runIn: boolean } {
  const leaves = heading.level === 2 ? runInLeaves(heading.children) : heading.children;
  return { leaves, runIn: leaves.some((l) => l.leadIn) && leaves.some((l) => !l.leadIn && l.text.trim() !== '') };
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** Never break inside these (names and terms the dictionary splits); a break at their edges is allowed. */
const KEEP_WHOLE = ['格尔木市', '人民政府', '办公室', '实施方案', '工作方案'];

/** A name in book-title marks or quotation marks short enough to stay on one title line (19 characters). */
const QUOTED_NAME = /《[^《》]{1,12}》|“[^“”]{1,12}”/g;

/**
 * Where a title may break: between two words of at least two characters each (Intl.Segmenter's word
 * boundaries; its dictionary leaves many terms in single characters, 印|发, 专|项, 藜|麦, so a single-character
 * segment sticks to its neighbours), never inside a kept term, nor before a closing mark or after an
 * opening one. Returns the break offsets.
 */
export function titleBreakOffsets(text: string): number[] {
  if (!segmenter) return [];
  const protectedRanges: Array<[number, number]> = [];
  for (const term of KEEP_WHOLE) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) protectedRanges.push([at, at + term.length]);
  }
  // A short name in 《》 or “” (《国务院工作规则》, “双随机、一公开”) is one term: 《国务院 / 工作规则》 splits it.
  for (const m of text.matchAll(QUOTED_NAME)) protectedRanges.push([m.index, m.index + m[0].length]);
  const out: number[] = [];
  const segments = [...segmenter.segment(text)];
  const single = segments.map((s) => /^\p{Script=Han}$/u.test(s.segment));
  // Length of the run of single-character segments each segment belongs to (0 for a longer word).
  const run = single.map(() => 0);
  for (let k = 0; k < segments.length; ) {
    let e = k;
    while (e < segments.length && single[e]) e++;
    for (let j = k; j < e; j++) run[j] = e - k;
    k = Math.max(e, k + 1);
  }
  const terms = new Set(protectedRanges.flat());
  segments.forEach((seg, k) => {
    const index = seg.index;
    if (index === 0 || index >= text.length) return;
    // Inside a run of single characters, or beside a lone one (员, 的, 市): no break, except at a kept term's edge.
    const insideRun = single[k - 1] && single[k];
    const lone = run[k - 1] === 1 || run[k] === 1;
    if ((insideRun || lone) && !terms.has(index)) return;
    if (/[0-9０-９]/.test(text[index - 1])) return;
    // Never inside a run of dashes (a <wbr> there cuts the one glyph the fonts make of it: toHtml isDash).
    if (/[\u2014\u2015]/.test(text[index - 1]) && /[\u2014\u2015]/.test(text[index])) return;
    if (protectedRanges.some(([a, b]) => index > a && index < b)) return;
    if (/[，。、；：？！）》”’〕】]/.test(text[index]) || /[（《“‘〔【]/.test(text[index - 1])) return;
    out.push(index);
  });
  return out;
}

/** Characters of 二号 22 pt on a line of the 420 pt type width (format §5.2: each title line ≤ 19 characters). */
export const TITLE_LINE_EM = 19;

/**
 * A title's lines for a writer that breaks anywhere (Word): the fewest lines of at most `maxEm`, broken only
 * where titleBreakOffsets allows, then the most even ones (the print's `text-wrap: balance`). Null when no
 * such split fits (the writer then breaks by itself).
 */
export function titleLines(text: string, maxEm = TITLE_LINE_EM): string[] | null {
  if (textEm(text) <= maxEm) return [text];
  const cuts = [0, ...titleBreakOffsets(text), text.length];
  // best[j]: the best split of text before cuts[j] (lines, widest line, its last line, index of the cut
  // before); on a tie the shorter last line, so the lines shorten downwards as in print (13 + 9, not 9 + 13).
  const best: Array<{ lines: number; widest: number; last: number; from: number } | undefined> = [{ lines: 0, widest: 0, last: 0, from: -1 }];
  for (let j = 1; j < cuts.length; j++) {
    for (let i = 0; i < j; i++) {
      const before = best[i];
      const width = textEm(text.slice(cuts[i], cuts[j]));
      if (!before || width > maxEm) continue;
      const next = { lines: before.lines + 1, widest: Math.max(before.widest, width), last: width, from: i };
      const known = best[j];
      const better = !known || next.lines < known.lines || (next.lines === known.lines && (next.widest < known.widest || (next.widest === known.widest && next.last < known.last)));
      if (better) best[j] = next;
    }
  }
  const lines: string[] = [];
  for (let j = cuts.length - 1; j > 0; ) {
    const step = best[j];
    if (!step) return null;
    lines.unshift(text.slice(cuts[step.from], cuts[j]));
    j = step.from;
  }
  return lines;
}

/** Title text as HTML with <wbr> at the allowed breaks (the CSS sets `word-break: keep-all` on titles). */
export function titleWordsHtml(text: string): string {
  const breaks = titleBreakOffsets(text);
  let html = '';
  let from = 0;
  for (const at of breaks) {
    html += `${escapeHtml(text.slice(from, at))}<wbr>`;
    from = at;
  }
  return html + escapeHtml(text.slice(from));
}

/**
 * A leader list (组长/副组长/成员) with its row spans taken apart: the label stays in the first row of its
 * group and the rows below get an empty cell. A rowspanned label makes its whole group one block that
 * cannot break across columns, so a long 成员 group left half a column empty; the lines look the same.
 */
export function leaderListWithoutRowSpans(table: TableElement): TableElement {
  if (!table.children.some((row) => row.children.some((c) => (c.rowSpan ?? 1) > 1))) return table;
  const rows = table.children.map((row) => ({ ...row, children: [...row.children] }));
  // For each row, the columns taken by spans from above (column index -> colSpan).
  const carried: Array<Map<number, number>> = rows.map(() => new Map<number, number>());
  rows.forEach((row, r) => {
    let col = 0;
    const cells = [];
    for (const cell of row.children) {
      while (carried[r].has(col)) {
        const span = carried[r].get(col)!;
        cells.push({ type: 'table-cell' as const, colSpan: span > 1 ? span : undefined, children: [{ type: 'paragraph' as const, children: [{ text: '' }] }] });
        col += span;
      }
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let k = 1; k < rowSpan && r + k < rows.length; k++) carried[r + k].set(col, colSpan);
      cells.push(rowSpan > 1 ? { ...cell, rowSpan: undefined } : cell);
      col += colSpan;
    }
    for (const [at, span] of [...carried[r]].sort((a, b) => a[0] - b[0])) {
      if (at >= col) cells.push({ type: 'table-cell' as const, colSpan: span > 1 ? span : undefined, children: [{ type: 'paragraph' as const, children: [{ text: '' }] }] });
    }
    row.children = cells as typeof row.children;
  });
  return { ...table, children: rows };
}

/**
 * The label column of a three-column leader list, in em: 4 (format §6), widened to its longest label up to
 * 6, so 副召集人： or 副总指挥： stays on one line instead of wrapping after three characters.
 */
export function leaderLabelEm(table: TableElement): number {
  const labels = table.children.filter((row) => row.children.length >= 3).map((row) => [...plainText(row.children[0]).trim()].length);
  return Math.min(6, Math.max(4, ...labels));
}

/** The cells whose right edge is the table's right edge (their rule would double the frame). */
export function lastColumnCells(table: TableElement, columns: number): Set<TableCellElement> {
  const out = new Set<TableCellElement>();
  const carry: number[][] = table.children.map(() => []);
  table.children.forEach((row, r) => {
    let col = 0;
    for (const cell of row.children) {
      while (carry[r].includes(col)) col++;
      const colSpan = cell.colSpan ?? 1;
      for (let k = 1; k < (cell.rowSpan ?? 1) && r + k < table.children.length; k++) for (let c = 0; c < colSpan; c++) carry[r + k].push(col + c);
      col += colSpan;
      if (col >= columns) out.add(cell);
    }
  });
  return out;
}
