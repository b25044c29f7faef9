/**
 * toHtml: the document model -> semantic HTML for the print page (Paged.js + resources/print/journal.css).
 * Pure: strings in, strings out. All content is escaped (it is untrusted); numbering is literal text.
 *
 * The body of a page is a two-column flow; title blocks, tables and forms span both columns
 * (`column-span: all` in the CSS). Each document is one <article>; attachments start a new page.
 */
import {
  assertNever,
  plainText,
  type BlockElement,
  type DocTitleElement,
  type GazetteDocument,
  type IssueTree,
  type ParagraphElement,
  type PrintSettings,
  type TableCellElement,
  type TableElement,
  type TextLeaf,
} from '../model';
import { attrs, escapeHtml, hashString, isHan } from './html';
import { missingImageText } from './images';
import { columnWidths, minimumTableWidth, tableWidthCells } from './columnWidths';
import { TABLE_TYPE, tableSizeFor, type TableSize } from './tableSize';
import { squeezePositions } from './squeeze';
import { headingRunIn, lastColumnCells, leaderLabelEm, leaderListWithoutRowSpans, titleBreakOffsets, titleWordsHtml } from './typeset';
import { isCentredHeadingLine } from './centredHeading';
import { minutesHeadAt } from './minutesHead';
import { isTableCaption } from './tableCaption';

/** Characters per title line (二号 22 pt over the 420 pt type width). */
export const TITLE_CHARS_PER_LINE = 19;
/** Tables with more columns than this are set rotated on their own pages. */
export const ROTATE_COLUMN_THRESHOLD = 8;
/** Type area width (pt), and the width a rotated table gets (the type area's height). */
export const TYPE_WIDTH_PT = 420;
export const ROTATED_WIDTH_PT = 682.5;
/** Type area height (pt), and the height a rotated table gets (the type area's width). */
export const TYPE_HEIGHT_PT = 682.5;
export const ROTATED_HEIGHT_PT = 420;

export interface HtmlOptions {
  /**
   * URL of an image asset: a data: URL (common/render/images.ts). Undefined, or no assetUrl at all: the
   * image is not available and prints as a visible placeholder.
   */
  assetUrl?: (assetId: string) => string | undefined;
}

/** A pagination unit: one document with its attachments, or a run of consecutive 人事任免 notices. */
export interface PrintUnit {
  id: string;
  sectionId: string;
  sectionName: string;
  documentIds: string[];
  /** Title of the unit's first document, for messages ("layout of 关于… did not finish"). */
  label: string;
  html: string;
  /** Hash of html and the settings that affect layout: the layout cache key. */
  hash: string;
}

// ---------------------------------------------------------------- inline text

/** Remove ASCII spaces between CJK and Latin letters/digits (格尔木市 2024 年 -> 格尔木市2024年). */
export function tidyCjkSpacing(text: string): string {
  return text
    .replace(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef]) +(?=[A-Za-z0-9])/g, '$1')
    .replace(/([A-Za-z0-9]) +(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, '$1');
}

/**
 * A Latin word, number or URL this long (a web address, a 20-digit number) may break between any two of its
 * characters at a line end (gz-longword), as Word and WPS set it in Chinese text: moved whole to the next
 * line, it left the line before it stretched over the column with wide gaps (详 … 见).
 */
const LONG_LATIN = /[!-~]{12,}/g;

function breakableHtml(text: string): string {
  let html = '';
  let from = 0;
  for (const m of text.matchAll(LONG_LATIN)) {
    html += `${escapeHtml(text.slice(from, m.index))}<span class="gz-longword">${escapeHtml(m[0])}</span>`;
    from = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(from));
}

/** One run; `squeeze` holds the offsets (in the tidied text) of punctuation marks that lose half their em. */
function renderLeaf(leaf: TextLeaf, text: string, squeeze: Map<number, 'right' | 'left'>, opts: LeafOptions = {}): string {
  if (text === '') return '';
  // The two marks of a squeezed pair stay on one line (a squeezed mark at a line end would hang into the
  // margin): runs of paired marks are wrapped in a no-break span.
  const paired = new Set<number>();
  const isMark = (ch: string | undefined) => !!ch && (CLOSING_MARKS.includes(ch) || OPENING_MARKS.includes(ch));
  for (const [at, side] of squeeze) {
    paired.add(at);
    if (side === 'right' && isMark(text[at + 1])) paired.add(at).add(at + 1);
    if (side === 'left' && isMark(text[at - 1])) paired.add(at - 1).add(at);
  }
  if (opts.bindMarks) {
    // Table columns may break anywhere (overflow-wrap): a closing mark stays with the character before it,
    // an opening mark with the one after it.
    for (let i = 0; i < text.length; i++) {
      if (CLOSING_MARKS.includes(text[i]) && i > 0) paired.add(i - 1).add(i);
      if (OPENING_MARKS.includes(text[i]) && i + 1 < text.length) paired.add(i).add(i + 1);
    }
  }
  // A run of dashes is wrapped whole or not at all (keepDashRunsWhole).
  for (const i of [...paired]) {
    if (!isDash(text[i])) continue;
    for (let j = i - 1; j >= 0 && isDash(text[j]); j--) paired.add(j);
    for (let j = i + 1; j < text.length && isDash(text[j]); j++) paired.add(j);
  }
  const markHtml = (i: number) => {
    const side = squeeze.get(i);
    return side ? `<span class="${side === 'right' ? 'gz-sq' : 'gz-sq-open'}">${escapeHtml(text[i])}</span>` : escapeHtml(text[i]);
  };
  let html = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!paired.has(i)) continue;
    let end = i;
    while (paired.has(end + 1)) end++;
    let run = '';
    for (let j = i; j <= end; j++) run += markHtml(j);
    html += breakableHtml(text.slice(from, i)) + (end > i ? `<span class="gz-nobr">${run}</span>` : run);
    from = end + 1;
    i = end;
  }
  html += breakableHtml(text.slice(from));
  if (leaf.superscript) html = `<sup>${html}</sup>`;
  if (leaf.underline) html = `<u>${html}</u>`;
  if (leaf.bold) html = `<b>${html}</b>`;
  const classes: string[] = [];
  if (leaf.face) classes.push(`gz-face-${leaf.face}`);
  if (leaf.leadIn) classes.push('gz-leadin');
  return classes.length ? `<span class="${classes.join(' ')}">${html}</span>` : html;
}

interface LeafOptions {
  /** Keep punctuation with its neighbour character (table cells). */
  bindMarks?: boolean;
  /** Set （ and ） half width (narrow header cells: 涉及人数（人） keeps （人） on one line). */
  halfBrackets?: boolean;
}

const CLOSING_MARKS = '，。、；：？！）》”’」』〕】';
const OPENING_MARKS = '（《“‘「『〔【';

/**
 * Dashes (—— and ――, the 破折号): the Noto faces set a run of them as one long glyph (their ccmp feature).
 * Chromium shapes a paragraph's text across element boundaries, so an element boundary inside a run still
 * gives that one glyph, but the PDF's text layer then maps the glyph to the first element's dashes only, in
 * every later use too (copy and search read — for ——). No element boundary may cut a run of dashes.
 */
export const isDash = (ch: string | undefined): boolean => ch === '\u2014' || ch === '\u2015';

/** Runs' texts with every run of dashes in one run: dashes that begin a run join the previous run's. */
export function keepDashRunsWhole(texts: string[]): string[] {
  const out = texts.slice();
  let previous = -1;
  out.forEach((text, k) => {
    if (previous >= 0 && isDash(out[previous].at(-1)) && isDash(text[0])) {
      let n = 0;
      while (isDash(text[n])) n++;
      out[previous] += text.slice(0, n);
      out[k] = text.slice(n);
    }
    if (out[k] !== '') previous = k;
  });
  return out;
}

/** Runs of one paragraph; adjacent punctuation is squeezed across run boundaries (common/render/squeeze.ts). */
export function renderLeaves(leaves: TextLeaf[], opts: LeafOptions = {}): string {
  const texts = keepDashRunsWhole(leaves.map((l) => tidyCjkSpacing(l.text)));
  const joined = texts.join('');
  const squeeze = squeezePositions(joined);
  if (opts.halfBrackets) {
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === '（' && !squeeze.has(i)) squeeze.set(i, 'left');
      if (joined[i] === '）' && !squeeze.has(i)) squeeze.set(i, 'right');
    }
  }
  let start = 0;
  return leaves
    .map((leaf, i) => {
      const local = new Map<number, 'right' | 'left'>();
      for (const [at, side] of squeeze) if (at >= start && at < start + texts[i].length) local.set(at - start, side);
      start += texts[i].length;
      return renderLeaf(leaf, texts[i], new Map([...local].sort((a, b) => a[0] - b[0])), opts);
    })
    .join('');
}

function leavesText(leaves: TextLeaf[]): string {
  return leaves.map((l) => l.text).join('');
}

/** A two-character name spread to three characters' width (袁萍 -> 袁\u3000萍), as a distributed 3 em box. */
export function spreadName(text: string): string | undefined {
  const squeezed = text.replace(/[\s\u3000]+/g, '');
  return squeezed.length === 2 && isHan(squeezed) ? `<span class="gz-name2">${escapeHtml(squeezed)}</span>` : undefined;
}

// ---------------------------------------------------------------- blocks

function paragraphClass(p: ParagraphElement): string {
  const classes = ['gz-p'];
  if (isCentredHeadingLine(p)) classes.push('gz-keep-next');
  if (p.indent === false) classes.push('gz-noindent');
  if (p.align && p.align !== 'justify') classes.push(`gz-align-${p.align}`);
  if (p.role) classes.push(`gz-role-${p.role}`);
  return classes.join(' ');
}

function renderParagraph(p: ParagraphElement): string {
  return `<p class="${paragraphClass(p)}">${renderLeaves(p.children)}</p>`;
}

/** Title text without the issuer prefix when the title carries it (the issuer is set separately). */
function titleParts(title: DocTitleElement): { issuer: string; rest: string; restHtml: string } {
  const text = tidyCjkSpacing(leavesText(title.children));
  const issuer = title.issuer ?? '';
  if (issuer && text.startsWith(issuer)) {
    const rest = text.slice(issuer.length).trim();
    return { issuer, rest, restHtml: titleWordsHtml(rest) };
  }
  // Plain titles break only between words (<wbr> + keep-all); a title with marked runs keeps its runs.
  // An issuer the title's text no longer begins with (edited away in the editor, which shows only the text)
  // is not printed: print adds no words the editor does not show, and the DOCX adds none either.
  const plain = title.children.every((l) => !l.bold && !l.face && !l.underline && !l.superscript);
  return { issuer: '', rest: text, restHtml: plain ? titleWordsHtml(text) : renderLeaves(title.children) };
}

/** Whether a title too long for one line sets its issuer alone on line 1 (§5.2; the editor shows that break too). */
function issuerOnOwnLine(title: DocTitleElement): boolean {
  const { issuer, rest } = titleParts(title);
  return issuer !== '' && rest !== '' && (issuer + rest).length > TITLE_CHARS_PER_LINE;
}

/**
 * Where the print may break a title's lines, as offsets in the title's own text (the editor shows the same
 * lines: elements/docTitle.tsx): after the issuer when it takes line 1, and at the <wbr> between words;
 * elsewhere a title breaks only at punctuation (keep-all). Undefined when the print sets the title's runs
 * as they are (marked runs) or its text is tidied first (offsets would not match).
 */
export function titleLineBreaks(title: DocTitleElement): { issuerLine: number; breaks: number[] } | undefined {
  const raw = leavesText(title.children);
  if (tidyCjkSpacing(raw) !== raw) return undefined;
  const { issuer, rest } = titleParts(title);
  if (issuer) {
    const restStart = raw.indexOf(rest, issuer.length);
    if (restStart < 0) return undefined;
    return { issuerLine: issuerOnOwnLine(title) ? issuer.length : 0, breaks: titleBreakOffsets(rest).map((at) => at + restStart) };
  }
  if (!title.children.every((l) => !l.bold && !l.face && !l.underline && !l.superscript)) return undefined;
  return { issuerLine: 0, breaks: titleBreakOffsets(raw) };
}

export function renderTitle(title: DocTitleElement, extraClass = ''): string {
  const { issuer, restHtml } = titleParts(title);
  const wraps = issuerOnOwnLine(title);
  const issuerHtml = issuer ? `<span class="gz-title-issuer${wraps ? ' gz-own-line' : ''}">${escapeHtml(issuer)}</span>` : '';
  return `<h1 class="gz-title${extraClass}">${issuerHtml}<span class="gz-title-main">${restHtml}</span></h1>`;
}

/**
 * Vertical text (one character per line) is for short merged labels: a column of more than 40 characters
 * would be taller than a page and cannot be split, so longer text is set across as usual.
 */
export const VERTICAL_MAX_CHARS = 40;
export function verticalFits(cell: TableCellElement): boolean {
  return cell.children.reduce((n, p) => n + p.children.reduce((m, l) => m + l.text.length, 0), 0) <= VERTICAL_MAX_CHARS;
}

/** A cell holding only a short number (序号 1, 12.5, 30%): centred (format doc §6; the editor shows it so too). */
export function isNumberCell(cell: TableCellElement): boolean {
  const text = cell.children.map(plainText).join('').trim();
  return text.length > 0 && text.length <= 8 && /^[0-9０-９.．%％~～\-－—]+$/.test(text);
}

function cellClass(cell: TableCellElement, header: boolean, lastColumn = false): string {
  const classes: string[] = [];
  if (lastColumn) classes.push('gz-lc');
  const align = cell.align ?? (header || isNumberCell(cell) ? 'center' : undefined);
  if (align) classes.push(`gz-align-${align}`);
  if (cell.valign) classes.push(`gz-valign-${cell.valign}`);
  if (cell.vertical && verticalFits(cell)) classes.push('gz-vertical');
  return classes.join(' ');
}

function renderCell(cell: TableCellElement, header: boolean, spreadNames: boolean, lastColumn = false): string {
  const tag = header ? 'th' : 'td';
  const text = cell.children.map(plainText).join('');
  const spread = spreadNames && !header && cell.children.length === 1 ? spreadName(text) : undefined;
  const leafOptions: LeafOptions = spreadNames ? {} : { bindMarks: true, halfBrackets: header };
  const inner = spread ?? cell.children.map((p) => `<p${attrs({ class: p.align ? `gz-align-${p.align}` : undefined })}>${renderLeaves(p.children, leafOptions)}</p>`).join('');
  const cls = cellClass(cell, header, lastColumn);
  return `<${tag}${attrs({ class: cls || undefined, rowspan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined, colspan: cell.colSpan && cell.colSpan > 1 ? cell.colSpan : undefined })}>${inner}</${tag}>`;
}

/** Number of grid columns of a table (max over rows of the sum of colSpans, counting rowSpans from above). */
export function tableColumnCount(table: TableElement): number {
  const carry: number[] = [];
  let max = 0;
  table.children.forEach((row, r) => {
    let width = carry[r] ?? 0;
    for (const cell of row.children) {
      const span = cell.colSpan ?? 1;
      width += span;
      for (let k = 1; k < (cell.rowSpan ?? 1); k++) carry[r + k] = (carry[r + k] ?? 0) + span;
    }
    max = Math.max(max, width);
  });
  return max;
}

/**
 * 'yes' rotate, 'no' keep upright, 'auto' let the print page measure (rotate if wider than the type area).
 * Wide tables are turned 90° on a portrait page (format §6; Paged.js cannot mix page orientations within one
 * flow); the DOCX export sets them in landscape sections instead.
 */
export function rotationFor(table: TableElement, _settings?: PrintSettings): 'yes' | 'no' | 'auto' {
  if (table.rotate === 'never') return 'no';
  if (table.rotate === 'always') return 'yes';
  if (tableColumnCount(table) > ROTATE_COLUMN_THRESHOLD) return 'yes';
  if (!hasOwnLayout(table) && minimumTableWidth(tableWidthCells(table), tableColumnCount(table)) > TYPE_WIDTH_PT) return 'yes';
  return 'auto';
}

/** Name lists and leader lists keep their own layout (distributed names, no rules). */
function hasOwnLayout(table: TableElement): boolean {
  return table.variant === 'name-list' || table.variant === 'leader-list';
}

/** Column widths in percent: the model's `colWidths` when given, else content-aware (none for own-layout lists). */
export function columnPercents(table: TableElement, rotated: boolean, size: TableSize = 'normal'): number[] | undefined {
  const cols = tableColumnCount(table);
  const given = table.colWidths && table.colWidths.length === cols && table.colWidths.every((w) => w > 0) ? table.colWidths : undefined;
  if (!given && table.variant === 'name-list' && cols % 2 === 0) return nameListPercents(cols);
  if (!given && hasOwnLayout(table)) return undefined;
  const widths =
    given ??
    columnWidths(tableWidthCells(table), cols, rotated ? ROTATED_WIDTH_PT : TYPE_WIDTH_PT, {
      form: table.variant === 'form',
      fontPt: TABLE_TYPE[size].fontPt,
    });
  const total = widths.reduce((a, b) => a + b, 0);
  return total > 0 ? widths.map((w) => (w / total) * 100) : undefined;
}

/** Name list columns (姓名 | 职务 pairs): names 3 em of 10.5 pt plus padding, posts share the rest equally. */
export const NAME_COLUMN_PT = 3 * 10.5 + 4;
function nameListPercents(cols: number): number[] {
  const post = (TYPE_WIDTH_PT - (cols / 2) * NAME_COLUMN_PT) / (cols / 2);
  return Array.from({ length: cols }, (_, i) => ((i % 2 === 0 ? NAME_COLUMN_PT : post) / TYPE_WIDTH_PT) * 100);
}

/** A form row left to be filled in: some cell is empty and the others hold at most a short label or number. */
export function isFillInRow(row: TableElement['children'][number]): boolean {
  const texts = row.children.map((c) => c.children.map(plainText).join('').replace(/[\s\u3000]+/g, ''));
  return texts.some((t) => t === '') && texts.every((t) => [...t].length <= 6);
}

/**
 * A table's HTML for the same table, settings and id: its column widths take most of the time of a
 * document's HTML (城市体检's tables ~0.3 s), and a keystroke elsewhere leaves every table as it was.
 * The editor keeps unchanged blocks as the same objects, so most look-ups hit by identity.
 */
const tableHtmlByObject = new WeakMap<TableElement, { key: string; html: string }>();
export function renderTable(source: TableElement, settings: PrintSettings, id: string): string {
  const key = `${id}\n${JSON.stringify(settings)}`;
  const known = tableHtmlByObject.get(source);
  if (known && known.key === key) return known.html;
  const html = renderTableUncached(source, settings, id);
  tableHtmlByObject.set(source, { key, html });
  return html;
}

/**
 * The column widths (percent) and type size a table prints with before the print page measures it: the
 * print HTML's colgroup, and what the editor shows (renderer/editor/elements/table.tsx).
 */
export function printedTableLayout(table: TableElement, settings?: PrintSettings): { rotated: boolean; size: TableSize; percents?: number[] } {
  const rotated = rotationFor(table, settings) === 'yes';
  const widthPt = rotated ? ROTATED_WIDTH_PT : TYPE_WIDTH_PT;
  const normalPercents = columnPercents(table, rotated);
  const size = tableSizeFor(table, widthPt, rotated ? ROTATED_HEIGHT_PT : TYPE_HEIGHT_PT, normalPercents?.map((p) => (p / 100) * widthPt));
  const percents = size === 'compact' && !table.colWidths ? columnPercents(table, rotated, 'compact') : normalPercents;
  return { rotated, size, percents };
}

function renderTableUncached(source: TableElement, settings: PrintSettings, id: string): string {
  const table = source.variant === 'leader-list' ? leaderListWithoutRowSpans(source) : source;
  const variant = table.variant ?? 'data';
  const spreadNames = variant === 'name-list' || variant === 'leader-list';
  const cols = tableColumnCount(table);
  const { rotated, size, percents } = printedTableLayout(table, settings);
  // The widths the compact size would take, for the print page's fit-to-page step (renderer/print/fitTables.ts).
  const compactPercents = size === 'normal' && percents && !hasOwnLayout(table) && !table.colWidths ? columnPercents(table, rotated, 'compact') : undefined;
  const leaderCols = !percents && variant === 'leader-list' && cols === 3;
  const colgroup = percents
    ? `<colgroup>${percents.map((p) => `<col style="width:${p.toFixed(2)}%">`).join('')}</colgroup>`
    : leaderCols
      ? // Label 4 em (more for a longer label), name 3 em + 1 em, then the post (format §6); the list sits in a text column.
        `<colgroup class="gz-cols-keep"><col style="width:${leaderLabelEm(table)}em"><col style="width:4em"><col></colgroup>`
      : '';
  // Ruled tables draw their inner rules per cell (journal.css): the last column draws none.
  const lastColumn = spreadNames ? new Set<TableCellElement>() : lastColumnCells(table, cols);
  const rows = (from: number, to: number, header: boolean) =>
    table.children
      .slice(from, to)
      .map(
        (row) =>
          `<tr${attrs({
            class: !header && variant === 'form' && isFillInRow(row) ? 'gz-fillrow' : undefined,
            style: row.minHeight ? `height:${row.minHeight}pt` : undefined,
          })}>${row.children
            .map((c) => renderCell(c, header, spreadNames, lastColumn.has(c)))
            .join('')}</tr>`,
      )
      .join('');
  const head = table.headerRows > 0 ? `<thead>${rows(0, table.headerRows, true)}</thead>` : '';
  const body = `<tbody>${rows(table.headerRows, table.children.length, false)}</tbody>`;
  return `<table${attrs({
    class: `gz-table gz-table--${variant}${percents || leaderCols ? ' gz-table--fixed' : ''}${size === 'compact' ? ' gz-table--compact' : ''}`,
    id,
    'data-cols': cols,
    'data-compact-cols': compactPercents?.map((p) => p.toFixed(2)).join(','),
  })}>${colgroup}${head}${body}</table>`;
}

function renderAttachmentList(block: Extract<BlockElement, { type: 'attachment-list' }>): string {
  const items = block.children
    .map(
      (item, i) =>
        `<p class="gz-attitem${i === 0 ? ' gz-first' : ''}">${i === 0 ? '<span class="gz-attlabel">附件：</span>' : ''}` +
        `${item.number ? `<span class="gz-attnum">${escapeHtml(item.number)}</span>` : ''}<span class="gz-attname">${renderLeaves(item.children)}</span></p>`,
    )
    .join('');
  return `<div class="gz-attlist${block.children.some((it) => it.number) ? '' : ' gz-unnumbered'}">${items}</div>`;
}

/** Blocks that stand alone; titles and tables are grouped with their neighbours by renderBlocks. */
function renderSimpleBlock(block: Exclude<BlockElement, DocTitleElement | TableElement>, opts: HtmlOptions, id: string): string {
  switch (block.type) {
    case 'heading': {
      // A （一）-level heading that runs on into its paragraph: only the lead-in is 楷体 (format doc §3).
      const { leaves, runIn } = headingRunIn(block);
      // The heading's face is set on an inner run, so the line keeps the body's strut (and the grid).
      const inner = runIn ? renderLeaves(leaves) : `<span class="gz-hrun">${renderLeaves(leaves)}</span>`;
      return `<h2 class="gz-h gz-h${block.level}${runIn ? ' gz-runin' : ''}" id="${escapeHtml(id)}">${inner}</h2>`;
    }
    case 'paragraph':
      return renderParagraph(block);
    case 'addressee':
      return `<p class="gz-addressee">${renderLeaves(block.children)}</p>`;
    case 'signature':
      return `<p class="gz-signature">${renderLeaves(block.children)}</p>`;
    case 'date-line':
      return `<p class="gz-date">${renderLeaves(block.children)}</p>`;
    case 'chronicle-entry':
      return `<p class="gz-p gz-chronicle">${renderLeaves(block.children)}</p>`;
    case 'checkbox':
      return `<p class="gz-p gz-noindent gz-check"><span class="gz-box">${block.checked ? '☑' : '□'}</span>${renderLeaves(block.children)}</p>`;
    case 'attachment-list':
      return renderAttachmentList(block);
    case 'page-break':
      return '<div class="gz-pagebreak"></div>';
    case 'image': {
      // Never an empty src: it resolves to the print page itself and shows a broken image.
      const src = opts.assetUrl?.(block.assetId);
      if (!src) return `<figure class="gz-figure gz-figure--missing"><p class="gz-missing-image">${escapeHtml(missingImageText(block.alt))}</p></figure>`;
      return `<figure class="gz-figure"><img${attrs({ src, alt: block.alt ?? '', style: block.width ? `width:${block.width}pt` : undefined })}></figure>`;
    }
    case 'doc-number':
      return `<p class="gz-docno">${renderLeaves(block.children)}</p>`;
    case 'attachment-heading':
      return `<p class="gz-attheading">${renderLeaves(block.children)}</p>`;
    default:
      return assertNever(block, 'block type');
  }
}

function isTableNote(block: BlockElement | undefined): block is ParagraphElement {
  return !!block && block.type === 'paragraph' && block.role === 'table-note';
}

/**
 * Blocks of one document -> HTML. Groups: an attachment heading + title + 文号 form one spanning title block
 * that starts a new page; a table with the notes directly above and below it forms one table block.
 */
/** Whether only 署名/日期 lines stand between block `i` and a table (or its notes) before it. */
function followsTable(blocks: readonly BlockElement[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (blocks[j].type === 'signature' || blocks[j].type === 'date-line')) j--;
  while (j >= 0 && isTableNote(blocks[j])) j--;
  return j >= 0 && blocks[j].type === 'table';
}

export function renderBlocks(doc: GazetteDocument, settings: PrintSettings, opts: HtmlOptions = {}, region = 0): string {
  const blocks = doc.content.blocks;
  const out: string[] = [];
  const isChronicle = doc.kind === 'chronicle';
  const minutesHead = minutesHeadAt(blocks);
  let titleCount = region;
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    const id = `b-${doc.id}-${region}-${i}`;
    if (block.type === 'attachment-heading' || block.type === 'doc-title') {
      // Title block: [附件N] [title] [文号]
      const parts: string[] = [];
      let newPage = false;
      if (block.type === 'attachment-heading') {
        parts.push(`<p class="gz-attheading">${renderLeaves(block.children)}</p>`);
        newPage = true;
        i++;
      }
      let hasTitle = false;
      if (blocks[i]?.type === 'doc-title') {
        parts.push(renderTitle(blocks[i] as DocTitleElement, isChronicle ? ' gz-title--chronicle' : ''));
        hasTitle = true;
        i++;
      }
      if (blocks[i]?.type === 'doc-number') {
        parts.push(`<p class="gz-docno">${renderLeaves((blocks[i] as { children: TextLeaf[] }).children)}</p>`);
        i++;
      }
      if (i === minutesHead) {
        // A 纪要's 「机关 日期」 line: one line across the page, organ left, date right (GB/T 9704 纪要格式).
        const [organ, date] = [blocks[i], blocks[i + 1]] as Array<{ children: TextLeaf[] }>;
        parts.push(`<p class="gz-minuteshead"><span class="gz-minuteshead-organ">${renderLeaves(organ.children)}</span><span class="gz-minuteshead-date">${renderLeaves(date.children)}</span></p>`);
        i += 2;
      }
      const kind = newPage ? 'attachment' : titleCount === 0 ? 'first' : 'issued';
      if (hasTitle) titleCount++;
      out.push(`<header${attrs({ class: `gz-titleblock gz-titleblock--${kind}`, id })}>${parts.join('')}</header>`);
      continue;
    }
    // A note or a caption (common/render/tableCaption.ts) directly above a table goes into its table block.
    const lead = block.type === 'paragraph' && blocks[i + 1]?.type === 'table' ? block : undefined;
    const caption = !!lead && isTableCaption(lead, blocks[i + 1]);
    if (block.type === 'table' || caption || (lead && isTableNote(lead))) {
      const parts: string[] = [];
      if (lead) {
        // A caption spans with its table and goes with its first part (renderer/print splits by --above).
        parts.push(`<p class="${caption ? 'gz-tablenote--above gz-tablecaption' : 'gz-tablenote gz-tablenote--above'}">${renderLeaves(lead.children)}</p>`);
        i++;
      }
      const table = blocks[i] as TableElement;
      const tableHtml = renderTable(table, settings, tableElementId(doc.id, region, i));
      parts.push(tableHtml);
      i++;
      while (isTableNote(blocks[i])) {
        parts.push(`<p class="gz-tablenote gz-tablenote--below">${renderLeaves((blocks[i] as ParagraphElement).children)}</p>`);
        i++;
      }
      // The notes follow the table's size (its opening tag says which).
      const compact = /^<table[^>]*\bgz-table--compact\b/.test(tableHtml);
      out.push(
        `<div${attrs({
          class: `gz-tablewrap gz-tablewrap--${table.variant ?? 'data'}${compact ? ' gz-tablewrap--compact' : ''}`,
          'data-rotate': rotationFor(table, settings),
        })}>${parts.join('')}</div>`,
      );
      continue;
    }
    // A 落款 right after a table spans both columns, as on a text page: 署名 right above the date, both
    // right-aligned. In the columns below a spanning table they were balanced into two columns instead.
    if ((block.type === 'signature' || block.type === 'date-line') && followsTable(blocks, i)) {
      out.push(`<p class="${block.type === 'signature' ? 'gz-signature' : 'gz-date'} gz-signoff-wide">${renderLeaves(block.children)}</p>`);
      i++;
      continue;
    }
    // A page break with nothing before it in the region, or before another break or the region's end,
    // would print an empty page (the region's next one starts a page anyway): it is left out.
    if (block.type === 'page-break' && (out.length === 0 || !blocks[i + 1] || blocks[i + 1].type === 'page-break')) {
      i++;
      continue;
    }
    out.push(renderSimpleBlock(block, opts, id));
    i++;
  }
  return out.join('\n');
}

/**
 * Split a document's blocks into regions: the main text, then one region per attachment (each starts on a
 * new page). A region holding a table or form is set full width on single-column pages ('full');
 * the others in two columns ('cols'). The print page switches a page's columns by its region.
 */
export function documentRegions(doc: GazetteDocument): Array<{ mode: 'cols' | 'full'; blocks: BlockElement[] }> {
  const regions: Array<{ mode: 'cols' | 'full'; blocks: BlockElement[] }> = [];
  for (const block of doc.content.blocks) {
    const last = regions[regions.length - 1];
    if (!last || (block.type === 'attachment-heading' && last.blocks.length > 0)) regions.push({ mode: 'cols', blocks: [] });
    const region = regions[regions.length - 1];
    region.blocks.push(block);
    // Leader lists are set like text, inside a column; other tables and forms need the full width.
    if (block.type === 'table' && block.variant !== 'leader-list') region.mode = 'full';
  }
  return regions;
}

/** The HTML id of a table: document, region and the table's index among the region's blocks. */
export function tableElementId(docId: string, region: number, index: number): string {
  return `t-${docId}-${region}-${index}`;
}

/** The HTML id of every table of a document (the DOCX export matches the print page's choices by these). */
export function documentTableIds(doc: GazetteDocument): Map<TableElement, string> {
  const ids = new Map<TableElement, string>();
  documentRegions(doc).forEach((region, r) =>
    region.blocks.forEach((block, i) => {
      if (block.type === 'table') ids.set(block, tableElementId(doc.id, r, i));
    }),
  );
  return ids;
}

/**
 * A document's HTML by its content object: the issue's layout after an edit renders every document again,
 * and only the edited one has new content. Documents with images are not kept (their URLs arrive later).
 */
const documentHtmlByContent = new WeakMap<GazetteDocument['content'], { key: string; html: string }>();
export function renderDocument(doc: GazetteDocument, settings: PrintSettings, opts: HtmlOptions = {}): string {
  if (doc.content.blocks.some((b) => b.type === 'image')) return renderDocumentUncached(doc, settings, opts);
  const { content, ...rest } = doc;
  const key = JSON.stringify([rest, settings]);
  const known = documentHtmlByContent.get(content);
  if (known && known.key === key) return known.html;
  const html = renderDocumentUncached(doc, settings, opts);
  documentHtmlByContent.set(content, { key, html });
  return html;
}

function renderDocumentUncached(doc: GazetteDocument, settings: PrintSettings, opts: HtmlOptions): string {
  const regions = documentRegions(doc)
    .map((region, i) => {
      const part: GazetteDocument = { ...doc, content: { ...doc.content, blocks: region.blocks } };
      const html = renderBlocks(part, settings, opts, i);
      return `<div class="gz-region gz-region--${region.mode}${i > 0 ? ' gz-region--newpage' : ''}" data-region="${region.mode}">\n${html}\n</div>`;
    })
    .join('\n');
  return `<article${attrs({ class: `gz-doc gz-kind-${doc.kind}`, id: `doc-${doc.id}`, 'data-doc-id': doc.id })}>\n${regions}\n</article>`;
}

// ---------------------------------------------------------------- units

/** Settings that change layout, and so belong in the cache key. */
function layoutSettingsKey(settings: PrintSettings): string {
  return JSON.stringify({ fonts: settings.fonts });
}

/** Version of the print CSS/handlers: bump to invalidate cached layouts when the journal CSS changes. */
export const LAYOUT_VERSION = 'layout-31';

/** Split an issue into pagination units: each document alone, except runs of consecutive 人事任免 notices. */
export function paginationUnits(tree: IssueTree, opts: HtmlOptions = {}): PrintUnit[] {
  const settings = tree.issue.settings;
  const units: PrintUnit[] = [];
  for (const section of tree.sections) {
    let run: GazetteDocument[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const first = run[0];
      const html = `<section${attrs({ class: 'gz-unit', 'data-unit-id': first.id, 'data-section': section.name })}>\n${run
        .map((d) => renderDocument(d, settings, opts))
        .join('\n')}\n</section>`;
      units.push({
        id: first.id,
        sectionId: section.id,
        sectionName: section.name,
        documentIds: run.map((d) => d.id),
        label: first.title || section.name,
        html,
        hash: hashString(`${LAYOUT_VERSION}\n${layoutSettingsKey(settings)}\n${html}`),
      });
      run = [];
    };
    for (const doc of section.documents) {
      if (doc.kind === 'personnel' && run.length > 0 && run[run.length - 1].kind === 'personnel') {
        run.push(doc);
        continue;
      }
      flush();
      run.push(doc);
    }
    flush();
  }
  return units;
}
