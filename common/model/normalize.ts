/**
 * Normalisation: pure functions that turn any value claiming to be document content into valid content.
 * Used by the editor (withGazette), every importer and every load from the database, so a document on
 * disk is always valid. Rules never drop text: an element they cannot place becomes a paragraph.
 */
import {
  SCHEMA_VERSION,
  type Align,
  type AttachmentItemElement,
  type BlockElement,
  type DocumentContent,
  type DocumentMeta,
  type Face,
  type HeadingLevel,
  type ParagraphElement,
  type TableCellElement,
  type TableElement,
  type TableRowElement,
  type TextLeaf,
} from './types';
import { CN_NUMERAL } from '../text/chineseNumerals';

const FACES: readonly Face[] = ['kai', 'hei', 'song', 'fang'];
const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];
const MARK_KEYS = ['bold', 'underline', 'superscript', 'leadIn'] as const;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Characters that show nothing in the editor yet reach print: control characters (a BEL from a Word or web
 * source printed as a boxed glyph in the PDF), the soft hyphen (a hyphen where a line happens to break), and
 * zero-width space, word joiner, byte order mark and bidi controls (invisible, but in the PDF's text layer, so
 * copy and search there read words the page does not show): Unicode's control (Cc) and format (Cf) classes.
 * Tab and newline stay; ZWJ/ZWNJ shape emoji.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const KEPT = new Set(['\t', '\n', '\r', '\u200c', '\u200d']);

/** Text without characters that show nothing on screen but print or enter the PDF's text (INVISIBLE). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, (ch) => (KEPT.has(ch) ? ch : ''));
}

/** Keep only known marks with truthy values; text must be a string, without invisible characters. */
export function normalizeLeaf(value: unknown): TextLeaf {
  if (!isObject(value)) return { text: typeof value === 'string' ? withoutInvisibles(value) : '' };
  const leaf: TextLeaf = { text: typeof value.text === 'string' ? withoutInvisibles(value.text) : '' };
  for (const key of MARK_KEYS) if (value[key] === true) leaf[key] = true;
  if (typeof value.face === 'string' && (FACES as readonly string[]).includes(value.face)) leaf.face = value.face as Face;
  return leaf;
}

function sameMarks(a: TextLeaf, b: TextLeaf): boolean {
  return (
    a.bold === b.bold &&
    a.underline === b.underline &&
    a.superscript === b.superscript &&
    a.leadIn === b.leadIn &&
    a.face === b.face
  );
}

/** Leaves of a text block: flatten stray elements into their text, merge neighbours with equal marks. */
export function normalizeLeaves(children: unknown): TextLeaf[] {
  const flat: TextLeaf[] = [];
  const visit = (node: unknown) => {
    if (isObject(node) && Array.isArray(node.children)) node.children.forEach(visit);
    else flat.push(normalizeLeaf(node));
  };
  if (Array.isArray(children)) children.forEach(visit);
  const merged: TextLeaf[] = [];
  for (const leaf of flat) {
    const last = merged[merged.length - 1];
    if (last && sameMarks(last, leaf)) last.text += leaf.text;
    else if (leaf.text !== '' || merged.length === 0) merged.push(leaf);
  }
  if (merged.length === 0) merged.push({ text: '' });
  return merged;
}

function align(value: unknown): Align | undefined {
  return typeof value === 'string' && (ALIGNS as readonly string[]).includes(value) ? (value as Align) : undefined;
}

function positiveInt(value: unknown, fallback: number, max = 1000): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(Math.max(n, 1), max);
}

export function normalizeParagraph(value: Loose): ParagraphElement {
  const p: ParagraphElement = { type: 'paragraph', children: normalizeLeaves(value.children) };
  const a = align(value.align);
  if (a) p.align = a;
  if (value.indent === false) p.indent = false;
  if (value.role === 'table-note' || value.role === 'contact' || value.role === 'form-line') p.role = value.role;
  return p;
}

function normalizeCell(value: unknown): TableCellElement {
  const v = isObject(value) ? value : { children: [value] };
  const rawChildren = Array.isArray(v.children) ? v.children : [];
  // A cell holds paragraphs; bare leaves become one paragraph.
  const hasBlocks = rawChildren.some((c) => isObject(c) && typeof c.type === 'string');
  const paragraphs = hasBlocks
    ? rawChildren.map((c) => normalizeParagraph(isObject(c) ? c : { children: [c] }))
    : [normalizeParagraph({ children: rawChildren })];
  const cell: TableCellElement = { type: 'table-cell', children: paragraphs.length ? paragraphs : [normalizeParagraph({})] };
  if (v.rowSpan !== undefined && positiveInt(v.rowSpan, 1) > 1) cell.rowSpan = positiveInt(v.rowSpan, 1);
  if (v.colSpan !== undefined && positiveInt(v.colSpan, 1) > 1) cell.colSpan = positiveInt(v.colSpan, 1);
  const a = align(v.align);
  if (a) cell.align = a;
  if (v.valign === 'top' || v.valign === 'middle' || v.valign === 'bottom') cell.valign = v.valign;
  if (v.vertical === true) cell.vertical = true;
  return cell;
}

function normalizeRow(value: unknown): TableRowElement {
  const v = isObject(value) ? value : {};
  const cells = Array.isArray(v.children) ? v.children.map(normalizeCell) : [];
  const row: TableRowElement = { type: 'table-row', children: cells.length ? cells : [normalizeCell({})] };
  if (typeof v.minHeight === 'number' && v.minHeight > 0 && v.minHeight < 1000) row.minHeight = v.minHeight;
  return row;
}

export function normalizeTable(value: Loose): TableElement {
  const rows = Array.isArray(value.children) ? value.children.map(normalizeRow) : [];
  const table: TableElement = {
    type: 'table',
    headerRows: 0,
    children: rows.length ? rows : [normalizeRow({})],
  };
  const header = typeof value.headerRows === 'number' ? Math.floor(value.headerRows) : 0;
  table.headerRows = Math.min(Math.max(header, 0), table.children.length);
  if (Array.isArray(value.colWidths) && value.colWidths.every((w) => typeof w === 'number' && w > 0)) {
    table.colWidths = value.colWidths as number[];
  }
  if (value.rotate === 'always' || value.rotate === 'never' || value.rotate === 'auto') table.rotate = value.rotate;
  if (value.variant === 'data' || value.variant === 'name-list' || value.variant === 'leader-list' || value.variant === 'form') {
    table.variant = value.variant;
  }
  if (value.size === 'normal' || value.size === 'compact') table.size = value.size;
  return table;
}

function normalizeAttachmentItem(value: unknown): AttachmentItemElement {
  const v = isObject(value) ? value : { children: [value] };
  return {
    type: 'attachment-item',
    number: typeof v.number === 'string' ? v.number : '',
    children: normalizeLeaves(v.children),
  };
}

/** Element types whose only content is their text. */
type PlainTextBlockType = 'doc-number' | 'addressee' | 'attachment-heading' | 'signature' | 'date-line' | 'chronicle-entry';
const textBlock = (type: PlainTextBlockType) => (_value: Loose, children: TextLeaf[]): BlockElement => ({ type, children });

/**
 * How each block type is cleaned, one entry per type: a type added to BlockElement and missing here fails
 * to compile instead of being turned into a paragraph on the next load.
 */
const BLOCK_NORMALIZERS: { [T in BlockElement['type']]: (value: Loose, children: TextLeaf[]) => BlockElement } = {
  'doc-title': (value, children) => {
    const title: BlockElement = { type: 'doc-title', children };
    if (typeof value.issuer === 'string' && value.issuer) title.issuer = value.issuer;
    return title;
  },
  'doc-number': textBlock('doc-number'),
  addressee: textBlock('addressee'),
  'attachment-heading': textBlock('attachment-heading'),
  signature: textBlock('signature'),
  'date-line': textBlock('date-line'),
  'chronicle-entry': textBlock('chronicle-entry'),
  heading: (value, children) => {
    const level = Math.min(Math.max(Math.floor(Number(value.level) || 1), 1), 4) as HeadingLevel;
    return { type: 'heading', level, children };
  },
  paragraph: (value) => normalizeParagraph(value),
  checkbox: (value, children) => ({ type: 'checkbox', checked: value.checked === true, children }),
  'attachment-list': (value) => {
    const items = Array.isArray(value.children) ? value.children.map(normalizeAttachmentItem) : [];
    return { type: 'attachment-list', children: items.length ? items : [normalizeAttachmentItem({})] };
  },
  table: (value) => normalizeTable(value),
  image: (value) => {
    if (typeof value.assetId === 'string' && value.assetId) {
      const image: BlockElement = { type: 'image', assetId: value.assetId, children: [{ text: '' }] };
      if (typeof value.width === 'number' && value.width > 0) image.width = value.width;
      if (typeof value.alt === 'string') image.alt = value.alt;
      return image;
    }
    return normalizeParagraph({ children: [{ text: typeof value.alt === 'string' ? value.alt : '' }] });
  },
  'page-break': () => ({ type: 'page-break', children: [{ text: '' }] }),
};

/** One block. Unknown types become paragraphs holding the same text. */
export function normalizeBlock(value: unknown): BlockElement {
  if (!isObject(value)) return normalizeParagraph({ children: [value] });
  const type = value.type;
  if (typeof type === 'string' && Object.hasOwn(BLOCK_NORMALIZERS, type)) {
    return BLOCK_NORMALIZERS[type as BlockElement['type']](value, normalizeLeaves(value.children));
  }
  return normalizeParagraph(value);
}

/** Upgrade and validate stored or imported content. Accepts a bare block array (schema 0). */
export function normalizeContent(value: unknown): DocumentContent {
  const rawBlocks = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.blocks)
      ? value.blocks
      : [];
  const blocks = rawBlocks.map(normalizeBlock);
  if (blocks.length === 0) blocks.push(normalizeParagraph({}));
  const meta = isObject(value) ? normalizeMeta(value.meta) : undefined;
  return meta ? { schemaVersion: SCHEMA_VERSION, blocks, meta } : { schemaVersion: SCHEMA_VERSION, blocks };
}

/** 版头/版记 lines: arrays of short strings, anything else dropped; absent when empty. */
function normalizeMeta(value: unknown): DocumentMeta | undefined {
  if (!isObject(value)) return undefined;
  const lines = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 50).map((x) => x.slice(0, 500)) : []);
  const meta: DocumentMeta = {};
  const masthead = lines(value.masthead);
  const colophon = lines(value.colophon);
  if (masthead.length) meta.masthead = masthead;
  if (colophon.length) meta.colophon = colophon;
  return masthead.length || colophon.length ? meta : undefined;
}

// ---------------------------------------------------------------- text rules (GB/T 9704 conventions)

/** 文号: 〔〕 brackets (U+3014/3015), no 第, no leading zeros: 格政办发[2024]第062号 -> 格政办发〔2024〕62号 */
export function normalizeDocNumber(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '')
    .replace(/[[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]/, '〔$1〕')
    .replace(/〕第/, '〕')
    .replace(/〕0+(\d)/, '〕$1');
}

const HALF_WIDTH_CN_NUMBER = new RegExp(`^\\((${CN_NUMERAL})\\)`);

/** Heading numbers: half-width (一) -> （一）, (1) -> （1）, `1．` / `1、` -> `1.` */
export function normalizeHeadingNumber(text: string): string {
  return text
    .replace(HALF_WIDTH_CN_NUMBER, '（$1）')
    .replace(/^\((\d+)\)/, '（$1）')
    .replace(/^(\d+)[．、]\s*/, '$1.')
    .replace(/^(\d+)\.\s+/, '$1.');
}

/** Remove spaces between CJK characters and Latin digits: 格尔木市 2024 年 -> 格尔木市2024年 */
export function removeCjkLatinSpaces(text: string): string {
  const cjk = '[\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef]';
  return text
    .replace(new RegExp(`(${cjk})[ \\t]+(?=[0-9A-Za-z])`, 'g'), '$1')
    .replace(new RegExp(`([0-9A-Za-z])[ \\t]+(?=${cjk})`, 'g'), '$1');
}
