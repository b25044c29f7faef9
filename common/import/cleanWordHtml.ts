/**
 * Cleaners for HTML that comes from Word, WPS or mammoth: they read a parsed tree with an allowlist and
 * turn it into a flat list of paragraph-like items (text runs with marks, alignment, role hints) and
 * tables. Nothing but text and a few known attributes is ever read, so script, styles, event handlers
 * and URLs cannot survive: forbidden elements are skipped with everything inside them.
 *
 * Word/WPS list numbering: the literal number is kept as text (mso-list:Ignore spans hold it in clipboard
 * HTML; for .docx the worker writes it into the text before mammoth). Spacer spans and <o:p> vanish.
 */
import type { Align, Face } from '../model';
import { ELEMENT_NODE, TEXT_NODE, attr, tagOf, type HtmlNodeLike } from './htmlTree';

/** Elements dropped with all their content. */
const FORBIDDEN = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'head', 'title', 'meta', 'link', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'canvas', 'audio',
  'video', 'source', 'track', 'xml', 'noembed', 'noframes', 'param', 'dialog', 'portal',
]);
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre', 'address', 'dt', 'dd', 'caption', 'center']);
const MAX_DEPTH = 200;

/** Private-use markers the .docx worker puts at a paragraph's start to carry alignment mammoth drops. */
export const ALIGN_MARKERS: Record<string, Align> = { '\uE000': 'center', '\uE001': 'right' };
const MARKER_RE = /[\uE000-\uE00F]/g;

export interface InlineRun {
  text: string;
  leadIn?: boolean;
  bold?: boolean;
  underline?: boolean;
  superscript?: boolean;
  face?: Face;
}

export interface HtmlParagraph {
  kind: 'paragraph';
  /** h1..h6 level, 0 for ordinary paragraphs. */
  headingLevel: number;
  /** Role from a known style/class (gz-title, gz-docnumber, MsoTitle …). */
  role?: string;
  align?: Align;
  runs: InlineRun[];
  /** Asset ids of images in this paragraph. */
  images: Array<{ assetId: string; alt: string }>;
}

export interface HtmlCell {
  rowSpan: number;
  colSpan: number;
  header: boolean;
  align?: Align;
  paragraphs: HtmlParagraph[];
}

export interface HtmlTable {
  kind: 'table';
  rows: HtmlCell[][];
  /** A table was found inside this one; its text was flattened into the cell. */
  nested: boolean;
}

export type HtmlItem = HtmlParagraph | HtmlTable;

interface Marks {
  leadIn?: boolean;
  bold?: boolean;
  underline?: boolean;
  superscript?: boolean;
  face?: Face;
}

function styleOf(node: HtmlNodeLike): string {
  return attr(node, 'style').toLowerCase();
}

function alignOf(node: HtmlNodeLike): Align | undefined {
  const a = (attr(node, 'align') || /text-align\s*:\s*([a-z]+)/.exec(styleOf(node))?.[1] || '').toLowerCase();
  if (a === 'center') return 'center';
  if (a === 'right' || a === 'end') return 'right';
  if (a === 'justify') return 'justify';
  if (a === 'left' || a === 'start') return 'left';
  return undefined;
}

/**
 * A run's emphasis face from its font-family (Word/WPS clipboard, web pages) or the class the .docx worker maps
 * a run font to. Only 楷体 and 黑体 are emphasis faces; 宋体, 仿宋, 微软雅黑 (Microsoft YaHei: a UI font, not
 * 黑体), 等线 and Latin fonts are body fonts the journal replaces with its own.
 */
export function faceOf(node: HtmlNodeLike): Face | undefined {
  const cls = /\bgz-face-(kai|hei)\b/.exec(attr(node, 'class'))?.[1];
  if (cls) return cls as Face;
  const style = attr(node, 'style');
  // Word's clipboard names a run's Chinese font in mso-fareast-font-family (font-family may be its Latin one).
  const family = /(?:^|[;\s])mso-fareast-font-family\s*:\s*([^;]+)/i.exec(style)?.[1] ?? /(?:^|[;\s])font-family\s*:\s*([^;]+)/i.exec(style)?.[1] ?? '';
  return faceOfFamily(family.split(',')[0] ?? '');
}

/** The emphasis face a font name stands for (楷体_GB2312, KaiTi, STKaiti, 黑体, SimHei, Heiti SC), if any. */
export function faceOfFamily(family: string): Face | undefined {
  const name = family.replace(/["']/g, '').trim();
  if (/楷|kaiti|^kai$/i.test(name)) return 'kai';
  if (/黑体|simhei|heiti|^hei$/i.test(name)) return 'hei';
  return undefined;
}

/** Role from class names (mammoth style map or Word's Mso classes). */
function roleOf(node: HtmlNodeLike): string | undefined {
  const cls = attr(node, 'class');
  const gz = /\bgz-([a-z-]+)/.exec(cls)?.[1];
  if (gz) return gz;
  if (/\bMsoTitle\b/i.test(cls)) return 'title';
  if (/\bMsoDate\b/i.test(cls)) return 'date';
  return undefined;
}

/**
 * Word clipboard markup that Word itself does not show: hidden text (mso-hide:all) and the comments' list
 * (mso-element:comment-list), whose text would otherwise join the document.
 */
function isWordHidden(node: HtmlNodeLike): boolean {
  return /mso-hide\s*:\s*all|mso-element\s*:\s*comment/.test(styleOf(node));
}

/** Word's list-number spacer: `<span style='mso-list:Ignore'>1.<span style='font:7.0pt'>&nbsp;</span></span>`. */
function isMsoIgnore(node: HtmlNodeLike): boolean {
  return /mso-list\s*:\s*ignore/.test(styleOf(node));
}

class Collector {
  items: HtmlItem[] = [];
  private current: HtmlParagraph | null = null;
  nestedTables = 0;

  private paragraph(): HtmlParagraph {
    if (!this.current) {
      this.current = { kind: 'paragraph', headingLevel: 0, runs: [], images: [] };
      this.items.push(this.current);
    }
    return this.current;
  }

  endParagraph(): void {
    this.current = null;
  }

  startBlock(node: HtmlNodeLike): void {
    this.endParagraph();
    const p = this.paragraph();
    const tag = tagOf(node);
    const h = /^h([1-6])$/.exec(tag);
    if (h) p.headingLevel = Number(h[1]);
    p.role = roleOf(node);
    p.align = alignOf(node) ?? (tag === 'center' ? 'center' : undefined);
  }

  text(text: string, marks: Marks): void {
    if (!text) return;
    const p = this.paragraph();
    let t = text;
    // A leading private-use marker carries the paragraph's alignment from the .docx XML.
    if (p.runs.length === 0) {
      const first = t.replace(/^[\s\u00a0]+/, '')[0];
      if (first && ALIGN_MARKERS[first]) p.align = ALIGN_MARKERS[first];
    }
    t = t.replace(MARKER_RE, '').replace(/\u00a0/g, ' ');
    if (!t) return;
    const last = p.runs[p.runs.length - 1];
    if (last && last.leadIn === marks.leadIn && last.bold === marks.bold && last.underline === marks.underline && last.superscript === marks.superscript && last.face === marks.face) {
      last.text += t;
    } else {
      p.runs.push({ text: t, ...marks });
    }
  }

  lineBreak(): void {
    if (this.current) this.text('\n', {});
  }

  image(assetId: string, alt: string): void {
    this.paragraph().images.push({ assetId, alt });
  }

  table(table: HtmlTable): void {
    this.endParagraph();
    this.items.push(table);
  }
}

function walkInline(node: HtmlNodeLike, marks: Marks, out: Collector, depth: number, insideTable: boolean): void {
  if (depth > MAX_DEPTH) {
    out.text(node.textContent ?? '', marks);
    return;
  }
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      out.text(child.textContent ?? '', marks);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions
    const tag = tagOf(child);
    if (FORBIDDEN.has(tag) || isWordHidden(child)) continue;
    if (tag === 'o:p') {
      out.text((child.textContent ?? '').replace(/\u00a0/g, ''), marks);
      continue;
    }
    if (isMsoIgnore(child)) {
      // Keep the literal list number, drop the spacer that follows it.
      const literal = (child.textContent ?? '').replace(/[\s\u00a0]+/g, '');
      out.text(literal, marks);
      continue;
    }
    if (tag === 'table') {
      if (insideTable) {
        out.nestedTables++;
        out.text(tableText(child), marks);
        continue;
      }
      out.table(readTable(child, depth + 1));
      continue;
    }
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    if (tag === 'img') {
      const src = attr(child, 'src');
      const m = /^gz-asset:([A-Za-z0-9-]{1,64})$/.exec(src);
      if (m) out.image(m[1], attr(child, 'alt').slice(0, 200));
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (!insideTable || tag !== 'div') out.startBlock(child);
      walkInline(child, marks, out, depth + 1, insideTable);
      out.endParagraph();
      continue;
    }
    if (tag === 'ol' || tag === 'ul' || tag === 'tbody' || tag === 'thead' || tag === 'section' || tag === 'article' || tag === 'body' || tag === 'html' || tag === 'main') {
      out.endParagraph();
      walkInline(child, marks, out, depth + 1, insideTable);
      out.endParagraph();
      continue;
    }
    const style = styleOf(child);
    const next: Marks = { ...marks };
    if (tag === 'b' || tag === 'strong' || /font-weight\s*:\s*(bold|[6-9]00)/.test(style)) next.bold = true;
    if (tag === 'u' || /text-decoration[^;]*underline/.test(style)) next.underline = true;
    if (tag === 'sup' || /vertical-align\s*:\s*super/.test(style)) next.superscript = true;
    next.face = faceOf(child) ?? marks.face;
    if (/\bgz-leadin\b/.test(attr(child, 'class'))) next.leadIn = true;
    // Anything else (span, font, a, em, i, unknown tags) is unwrapped: its text stays, its attributes do not.
    walkInline(child, next, out, depth + 1, insideTable);
  }
}

function tableText(node: HtmlNodeLike): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function rowsOf(table: HtmlNodeLike): HtmlNodeLike[] {
  const rows: HtmlNodeLike[] = [];
  for (const child of Array.from(table.childNodes)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...Array.from(child.childNodes).filter((c) => tagOf(c) === 'tr'));
  }
  return rows;
}

function span(node: HtmlNodeLike, name: string): number {
  const n = parseInt(attr(node, name), 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function readTable(node: HtmlNodeLike, depth: number): HtmlTable {
  const table: HtmlTable = { kind: 'table', rows: [], nested: false };
  for (const row of rowsOf(node)) {
    const cells: HtmlCell[] = [];
    for (const cellNode of Array.from(row.childNodes)) {
      const tag = tagOf(cellNode);
      if (tag !== 'td' && tag !== 'th') continue;
      const collector = new Collector();
      walkInline(cellNode, {}, collector, depth + 1, true);
      if (collector.nestedTables > 0) table.nested = true;
      const paragraphs = collector.items.filter((i): i is HtmlParagraph => i.kind === 'paragraph');
      cells.push({
        rowSpan: span(cellNode, 'rowspan'),
        colSpan: span(cellNode, 'colspan'),
        header: tag === 'th',
        align: alignOf(cellNode),
        paragraphs,
      });
    }
    if (cells.length) table.rows.push(cells);
  }
  return table;
}

/**
 * Read a parsed HTML body into paragraphs and tables, skipping everything not on the allowlist. With
 * keepEmptyParagraphs (Word files: an empty paragraph is how Word users leave a blank line), empty
 * paragraphs stay, so the recogniser sees the same blank lines as in the text the file was typed from.
 * With keepBodyFaces the faces stay on every run (the caller drops the body font itself, `dropBodyFaces`).
 */
export function collectHtmlItems(body: HtmlNodeLike, opts: { keepEmptyParagraphs?: boolean; keepBodyFaces?: boolean } = {}): { items: HtmlItem[]; nestedTables: boolean } {
  const out = new Collector();
  walkInline(body, {}, out, 0, false);
  if (!opts.keepBodyFaces) dropBodyFaces(out.items);
  const items = opts.keepEmptyParagraphs
    ? out.items
    : out.items.filter((i) => i.kind === 'table' || i.runs.some((r) => r.text.trim() !== '') || i.images.length > 0);
  return { items, nestedTables: items.some((i) => i.kind === 'table' && i.nested) };
}

// ---------------------------------------------------------------- the source's body font is no face mark

function visibleLength(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** Characters per face (undefined: runs in the body font) over runs. */
function faceShares(runs: InlineRun[]): { total: number; byFace: Map<Face, number> } {
  const byFace = new Map<Face, number>();
  let total = 0;
  for (const run of runs) {
    const n = visibleLength(run.text);
    total += n;
    if (run.face) byFace.set(run.face, (byFace.get(run.face) ?? 0) + n);
  }
  return { total, byFace };
}

/** The face most of these runs' text is in, when it is more than half of it: the text's own font. */
function dominantFace(runs: InlineRun[]): Face | undefined {
  const { total, byFace } = faceShares(runs);
  for (const [face, n] of byFace) if (total > 0 && n * 2 > total) return face;
  return undefined;
}

function withoutFace(runs: InlineRun[], face: Face): void {
  for (const run of runs) if (run.face === face) delete run.face;
}

function cellRuns(table: HtmlTable): InlineRun[] {
  return table.rows.flatMap((row) => row.flatMap((cell) => cell.paragraphs.flatMap((p) => p.runs)));
}

/**
 * A face that most of the text is in is the source's body font (a page styled 楷体 throughout, a Word file typed
 * in 黑体), not a deliberate change: it is no face mark. Likewise the face most of one table's text is in. A
 * phrase in 楷体 or 黑体 inside text in another font is kept.
 */
export function dropBodyFaces(items: HtmlItem[]): void {
  const all = items.flatMap((i) => (i.kind === 'paragraph' ? i.runs : cellRuns(i)));
  const body = dominantFace(all);
  if (body) withoutFace(all, body);
  for (const item of items) {
    if (item.kind !== 'table') continue;
    const runs = cellRuns(item);
    const own = dominantFace(runs);
    if (own) withoutFace(runs, own);
  }
}
