/**
 * The text layer of a PDF as pdf.js reads it (what browsers, search and copy see; unlike poppler's
 * pdftotext it does not fold Kangxi radicals or control characters back to the intended text).
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockElement, GazetteDocument, IssueTree, TableElement } from '../common/model';
import type { PageMap } from '../common/render/printJob';

/** Every page's text items joined, page by page (items in content-stream order, Chromium's DOM order). */
export async function pdfjsPageTexts(pdfPath: string): Promise<string[]> {
  const data = new Uint8Array(readFileSync(pdfPath));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** Radicals (U+2E80–U+2FDF), control characters other than tab/newline/CR, and U+FFFD must never come out of our PDFs' text. */
function isBadChar(cp: number): boolean {
  const control = (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp < 0xa0);
  return control || (cp >= 0x2e80 && cp <= 0x2fdf) || cp === 0xfffd;
}

/** The bad characters found in a text, each with its code point and some context. */
export function badCharacters(text: string): string[] {
  const found: string[] = [];
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isBadChar(cp)) found.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} in “${text.slice(Math.max(0, index - 6), index + 6)}”`);
    index += ch.length;
  }
  return found;
}

// ---------------------------------------------------------------- the issue's text, unit by unit


const squeeze = (text: string) => text.replace(/[\s\u3000\u200b]+/g, '');

/**
 * Compare text as a reader would: Chromium writes a vertical cell's punctuation (set with the fonts'
 * vertical alternates) as the vertical presentation forms that share those glyphs (（ as ︵, ” as ﹄).
 * Known limit of the text layer in vertical cells; folded here (NFKC, and the quotes NFKC leaves alone).
 */
export function foldForms(text: string): string {
  return text.replace(/[﹃﹄﹁﹂]/g, (ch) => ({ '﹃': '“', '﹄': '”', '﹁': '‘', '﹂': '’' })[ch]!).normalize('NFKC');
}

/** A piece of printed text in reading order: a block's text, or one table cell's. */
export interface PrintedPiece {
  text: string;
  /** Where it comes from, for messages. */
  where: string;
  /** Table cell: may be printed in parts (a row split across pages). */
  cell?: boolean;
}

function leavesText(block: { children: Array<{ text?: string }> }): string {
  return block.children.map((l) => l.text ?? '').join('');
}

/** The text print adds around a block's own (附件： before a list, □/☑ before an option). */
function blockPieces(block: BlockElement, where: string): PrintedPiece[] {
  switch (block.type) {
    case 'table':
      return block.children.flatMap((row, r) =>
        row.children.map((cell, c) => ({ text: squeeze(cell.children.map(leavesText).join('')), where: `${where} row ${r + 1} cell ${c + 1}`, cell: true })),
      );
    case 'attachment-list':
      return [{ text: squeeze('附件：' + block.children.map((item) => item.number + leavesText(item)).join('')), where }];
    case 'checkbox':
      return [{ text: squeeze((block.checked ? '☑' : '□') + leavesText(block)), where }];
    case 'image':
    case 'page-break':
      return [];
    case 'doc-title':
    case 'paragraph':
    case 'heading':
    case 'doc-number':
    case 'addressee':
    case 'signature':
    case 'date-line':
    case 'attachment-heading':
    case 'chronicle-entry':
      return [{ text: squeeze(leavesText(block)), where }];
  }
}

export function documentPieces(doc: GazetteDocument): PrintedPiece[] {
  return doc.content.blocks.flatMap((block, b) => blockPieces(block, `「${doc.title.slice(0, 20)}」 block ${b + 1} (${block.type})`)).filter((p) => p.text);
}

/** A table's header rows' text as printed (squeezed, forms folded). */
function headerText(table: TableElement): string {
  const header = table.children.slice(0, table.headerRows).flatMap((row) => row.children.map((cell) => cell.children.map(leavesText).join('')));
  return squeeze(foldForms(header.join('')));
}

/** The start of a table's first body row as printed: what follows the table's own first header. */
function leadText(table: TableElement): string {
  const row = table.children[table.headerRows];
  return row ? squeeze(foldForms(row.children.map((cell) => cell.children.map(leavesText).join('')).join(''))).slice(0, 6) : '';
}

/**
 * `body` without the copies of table headers printed on continued pages and columns. Each table keeps one
 * header: the first at or after the previous table's that is followed by its own first row (two tables may
 * share a header text, e.g. a table and its continuation under a copied header).
 */
export function withoutHeaderCopies(body: string, tables: TableElement[]): string {
  const kept = new Set<number>();
  const texts = new Set<string>();
  let from = 0;
  for (const table of tables) {
    const header = headerText(table);
    if (!header) continue;
    texts.add(header);
    const lead = leadText(table);
    let at = -1;
    for (let p = body.indexOf(header, from); p >= 0; p = body.indexOf(header, p + 1)) {
      if (!kept.has(p) && body.startsWith(lead, p + header.length)) {
        at = p;
        break;
      }
    }
    if (at < 0) at = body.indexOf(header, from);
    if (at < 0) continue;
    kept.add(at);
    from = at + header.length;
  }
  const removed: Array<[number, number]> = [];
  for (const header of texts) {
    for (let p = body.indexOf(header); p >= 0; p = body.indexOf(header, p + header.length)) {
      if (!kept.has(p)) removed.push([p, p + header.length]);
    }
  }
  removed.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of removed) {
    if (start < at) continue;
    out += body.slice(at, start);
    at = end;
  }
  return out + body.slice(at);
}

/** Text a table may print more than once: header rows on every page, a merged cell's label in each slice. */
function repeatableTexts(table: TableElement): string[] {
  const texts: string[] = [];
  const header = headerText(table);
  if (header) texts.push(header);
  for (const row of table.children.slice(table.headerRows)) {
    for (const cell of row.children) if ((cell.rowSpan ?? 1) > 1) texts.push(squeeze(cell.children.map(leavesText).join('')));
  }
  return texts.filter(Boolean);
}

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const ch of text) map.set(ch, (map.get(ch) ?? 0) + 1);
  return map;
}

/** Remove the running head and folio that pdf.js reads at the end of every body page. */
export function pageBody(pageText: string, folio: number, heads: string[]): string {
  let text = squeeze(pageText);
  const folioText = `—${folio}—`;
  if (text.endsWith(folioText)) text = text.slice(0, -folioText.length);
  for (const head of heads.map(squeeze)) if (head && text.endsWith(head)) text = text.slice(0, -head.length);
  return text;
}

/**
 * Parts of a cell split across pages or text-column bands that may be short: a cell's first and last part
 * can hold a line or two (the row began near a page foot, or its text ends just after a cut), and up to two
 * more short parts are let through (Paged.js cutting a part again where our estimate was off).
 */
const SHORT_MIDDLE_PARTS = 2;
/**
 * Any other part of a split cell fills a whole band (a page, or a third of a text column): at least a few
 * lines of at least one character. Shorter text matched between a cell's first and last part is not that
 * cell's part but letters of other text, so a lost or misplaced cell still fails.
 */
export const MIN_MIDDLE_PART = 6;

/** How many characters of `text` from `i` on are in `all` at `p`. */
function matchLength(all: string, p: number, text: string, i: number): number {
  let n = 0;
  while (i + n < text.length && p + n < all.length && all[p + n] === text[i + n]) n++;
  return n;
}

/**
 * Where the next part of a cell's text (`text` from `i`) is printed, at or after `at`, and how long it is.
 * A part right at `at` is taken (a cell's first part follows the previous cell's). Else the first place
 * where MIN_MIDDLE_PART characters or all the rest match: a longer match further on is a coincidence of
 * repetitive text (taking it skipped the cells between). Else the longest match.
 */
function nextPart(all: string, text: string, i: number, at: number): { found: number; len: number } | null {
  const here = matchLength(all, at, text, i);
  if (here > 0) return { found: at, len: here };
  const enough = Math.min(MIN_MIDDLE_PART, text.length - i);
  let best: { found: number; len: number } | null = null;
  for (let p = all.indexOf(text[i], at); p >= 0; p = all.indexOf(text[i], p + 1)) {
    const len = matchLength(all, p, text, i);
    if (len >= enough) return { found: p, len };
    if (!best || len > best.len) best = { found: p, len };
  }
  return best;
}

/**
 * Is `text` in `all` from `from` on, whole or (a table cell split across pages or bands) in parts in
 * order? Returns where reading goes on: after the text, or for a cell in parts after its first part (a
 * split row prints the first part of every cell, then the rest of every cell). A cell's parts between its
 * first and last must be MIN_MIDDLE_PART long but SHORT_MIDDLE_PARTS.
 */
export function findPiece(all: string, text: string, from: number, cell: boolean, split?: { firstPart: number }): number {
  const whole = all.indexOf(text, from);
  if (!cell || whole === from) return whole < 0 ? -1 : whole + text.length;
  // A cell whose first part is right where reading goes on is split there: its whole text further on is
  // a coincidence of repetitive text (a cell “English text and mo|re” and a later “English text and more”).
  if (whole >= 0 && matchLength(all, from, text, 0) < 2) return whole + text.length;
  const parts = inParts(all, text, from, split);
  return parts >= 0 || whole < 0 ? parts : whole + text.length;
}

/**
 * How far reading goes back for a piece that does not begin where reading goes on, after a split cell's
 * first part of `firstPart` characters: that part is matched as far as the cell's text goes, so where the
 * cell goes on (on its next page) with the very characters the next piece begins with, the part took them
 * (a cell “…监督员于|进业扶持” cut after 于, then the next cell “进一步加强做”; a cell “…办企|业取得” cut after
 * 企, then the cells “业” and “取得实效”). The characters are given back when the piece begins there and runs on
 * past them, or is whole there. 0: none (the piece is looked for as usual).
 */
export function giveBack(all: string, text: string, at: number, firstPart: number): number {
  if (matchLength(all, at, text, 0) > 0) return 0;
  for (let back = 1; back < firstPart; back++) {
    const run = matchLength(all, at - back, text, 0);
    if (run > back || run === text.length) return back;
  }
  return 0;
}

function inParts(all: string, text: string, from: number, split?: { firstPart: number }): number {
  let at = from;
  let i = 0;
  let afterFirst = -1;
  let firstLength = 0;
  let short = 0;
  while (i < text.length) {
    const part = nextPart(all, text, i, at);
    if (!part) return -1;
    const middle = afterFirst >= 0 && i + part.len < text.length;
    if (middle && part.len < MIN_MIDDLE_PART && ++short > SHORT_MIDDLE_PARTS) return -1;
    at = part.found + part.len;
    if (afterFirst < 0) {
      afterFirst = at;
      firstLength = part.len;
    }
    i += part.len;
  }
  // Printed in more than one part: the first may have taken letters of the next piece (giveBack).
  if (split && firstLength < text.length) split.firstPart = firstLength;
  return afterFirst;
}

/** Occurrences of `text` in `all` (not overlapping). */
function occurrences(all: string, text: string): number {
  let n = 0;
  for (let p = all.indexOf(text); p >= 0; p = all.indexOf(text, p + text.length)) n++;
  return n;
}

/**
 * `body` without the copies of repeatable texts it holds beyond the model's own (`model`: the pieces'
 * texts joined), longest first: each copy is cut whole, so only text printed again as a whole cell or
 * header is let through here, however many times a tall row repeats it.
 */
export function withoutRepeatCopies(body: string, texts: string[], model: string): string {
  let out = body;
  for (const text of [...new Set(texts)].filter((t) => t.length > 1).sort((a, b) => b.length - a.length)) {
    let extra = occurrences(out, text) - occurrences(model, text);
    while (extra-- > 0) {
      const at = out.lastIndexOf(text);
      out = out.slice(0, at) + out.slice(at + text.length);
    }
  }
  return out;
}

/**
 * Compare one pagination unit's printed text with its documents: nothing lost, nothing added except a
 * table's repeated header and merged-cell text, and every block (cell) found in reading order (cells may
 * come in parts when a row is split). Returns the problems, empty when the text is true.
 */
export function compareUnitText(printed: string, docs: GazetteDocument[], trace?: (line: string) => void): string[] {
  const problems: string[] = [];
  const body = squeeze(foldForms(printed));
  const pieces = docs.flatMap(documentPieces).map((p) => ({ ...p, text: squeeze(foldForms(p.text)) })).filter((p) => p.text);
  const expected = counts(pieces.map((p) => p.text).join(''));
  const printedCounts = counts(body);
  const missing: string[] = [];
  for (const [ch, n] of expected) {
    const got = printedCounts.get(ch) ?? 0;
    if (got < n) missing.push(`${ch}×${n - got}`);
  }
  if (missing.length) problems.push(`missing characters: ${missing.slice(0, 20).join(' ')}`);
  // What is left over must be made of repeatable table texts (and image alt texts).
  // An image's alt text may be in the text layer too (Chromium shows it for an image that cannot load).
  const altTexts = docs.flatMap((d) => d.content.blocks.flatMap((b) => (b.type === 'image' && b.alt ? [b.alt] : [])));
  const repeatTexts = docs
    .flatMap((d) => d.content.blocks.filter((b): b is TableElement => b.type === 'table').flatMap(repeatableTexts))
    .concat(altTexts)
    .map((t) => squeeze(foldForms(t)));
  // Whole copies first (a merged cell repeated on each page a tall row takes), then letters left over.
  const actual = counts(withoutRepeatCopies(body, repeatTexts, pieces.map((p) => p.text).join('')));
  for (const [ch, n] of expected) actual.set(ch, (actual.get(ch) ?? 0) - n);
  const repeatable = repeatTexts.map(counts).filter((c) => c.size > 0);
  repeatable.sort((a, b) => b.size - a.size);
  for (const rep of repeatable) {
    let times = Infinity;
    for (const [ch, n] of rep) times = Math.min(times, Math.floor(Math.max(0, actual.get(ch) ?? 0) / n));
    if (times > 0 && times < Infinity) for (const [ch, n] of rep) actual.set(ch, actual.get(ch)! - n * times);
  }
  const extra = [...actual].filter(([, n]) => n > 0).map(([ch, n]) => `${ch}×${n}`);
  if (extra.length) problems.push(`extra characters: ${extra.slice(0, 20).join(' ')}`);
  // A table's header rows are printed again on every page (and, in a text column, every column) the table
  // takes: between the parts of a cell split across pages. Reading order is checked without those copies.
  const ordered = withoutHeaderCopies(body, docs.flatMap((d) => d.content.blocks.filter((b): b is TableElement => b.type === 'table')));
  let cursor = 0;
  // The length of the previous piece's first part when it was a cell printed in parts (0 otherwise).
  let firstPart = 0;
  for (const piece of pieces) {
    const back = firstPart ? giveBack(ordered, piece.text, cursor, firstPart) : 0;
    if (back) trace?.(`${piece.where}: ${back} character(s) given back by the split cell before`);
    cursor -= back;
    const split = { firstPart: 0 };
    const end = findPiece(ordered, piece.text, cursor, !!piece.cell, split);
    firstPart = split.firstPart;
    trace?.(`${piece.where}: ${cursor} → ${end} of ${ordered.length} “${piece.text.slice(0, 12)}”`);
    if (end < 0) {
      problems.push(`${piece.where} not found in order: “${piece.text.slice(0, 30)}” (after “${ordered.slice(Math.max(0, cursor - 20), cursor)}”)`);
      break;
    }
    cursor = end;
  }
  return problems;
}

/** The body pages' text of every pagination unit of an exported issue, compared with the tree. */
export function compareIssueText(pages: string[], tree: IssueTree, pageMap: PageMap, evenHead: string, trace?: (line: string) => void): string[] {
  const docs = tree.sections.flatMap((s) => s.documents.map((d) => ({ doc: d, section: s.name })));
  const unitIds = Object.keys(pageMap.units);
  const problems: string[] = [];
  unitIds.forEach((id) => {
    const start = docs.findIndex((d) => d.doc.id === id);
    const nextStarts = unitIds.map((u) => docs.findIndex((d) => d.doc.id === u)).filter((i) => i > start);
    const end = nextStarts.length ? Math.min(...nextStarts) : docs.length;
    const unitDocs = docs.slice(start, end);
    const { first, count } = pageMap.units[id];
    let body = '';
    for (let n = first; n < first + count; n++) body += pageBody(pages[pageMap.frontPages + n - 1] ?? '', n, [evenHead, unitDocs[0].section]);
    for (const problem of compareUnitText(body, unitDocs.map((d) => d.doc), trace)) problems.push(`unit ${id} 「${unitDocs[0].doc.title.slice(0, 20)}」: ${problem}`);
  });
  return problems;
}
