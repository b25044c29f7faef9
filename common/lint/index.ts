/**
 * 公文 checks (lint): pure functions over one document's content. Each finding names its place (path of
 * the top-level block, and the full Slate path of the element) and, where a fix cannot change meaning,
 * carries the fixed block so the editor can apply it in one click. Messages are codes + params; the
 * renderer's i18n table turns them into words.
 */
import { deriveTitleAndNumber, normalizeDocNumber, plainText, type BlockElement, type DocumentContent, type TextLeaf } from '../model';
import { renumberHeadings } from '../editor/numbering';
import { scaledFiguresIn, type PixelSize } from '../render/figureSize';
import { isMinutes } from '../render/minutesHead';
import { CN_NUMERAL } from '../text/chineseNumerals';
import { chineseDate, looseDateParts } from '../text/dates';

export type LintCode =
  | 'doc-number-form'
  | 'doc-number-year'
  | 'halfwidth-punctuation'
  | 'heading-skip'
  | 'date-form'
  | 'attachment-count'
  | 'attachment-numbering'
  | 'toc-title-differs'
  | 'title-missing'
  | 'image-scaled';

export type LintFix =
  | { kind: 'replace-block'; blockIndex: number; block: BlockElement }
  | { kind: 'replace-blocks'; blocks: BlockElement[] }
  | { kind: 'clear-toc-title' };

export interface LintFinding {
  code: LintCode;
  severity: 'error' | 'warning';
  /** Index of the top-level block concerned (-1: the document's metadata). */
  blockIndex: number;
  /** The offending text, shortened, for display. */
  excerpt: string;
  /** Values for the message template: expected form, numbers … */
  params: Record<string, string | number>;
  fix?: LintFix;
}

export interface LintInput {
  content: DocumentContent;
  /** The TOC wording when it differs from the printed title. */
  tocTitleOverride?: string;
  /** Pixel sizes of the document's pictures, where known (the picture-scale check needs them). */
  imagePixels?: (assetId: string) => PixelSize | undefined;
  /** A document of the issue, whose title is its TOC entry: a missing title is a finding (title-missing). */
  requireTitle?: boolean;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_OR_FULL = `${CJK}\\u3000-\\u303f\\uff01-\\uff60“”‘’`;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

function excerpt(text: string, max = 30): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/**
 * Replace half-width punctuation touching Chinese text by the full-width form: a comma, semicolon,
 * colon, ? or ! right after a Chinese character (without the spaces typed after a comma or semicolon), and (…)
 * around Chinese text. Digits (1,000 / 10:30) stay.
 */
export function fixHalfWidthPunctuation(text: string): string {
  return text
    .replace(new RegExp(`\\(([^()]*[${CJK}][^()]*)\\)`, 'g'), '（$1）')
    .replace(
      new RegExp(`([${CJK_OR_FULL}])([,;:?!])([ \\t\\u00a0]*)(?=([${CJK_OR_FULL}\\d])?)`, 'g'),
      // Spaces typed after a comma or semicolon go: the full-width mark carries its own space.
      (_, before: string, p: string, spaces: string, next?: string) => before + HALF_TO_FULL[p] + (',;'.includes(p) && next ? '' : spaces),
    );
}

function mapLeaves<T extends { children: unknown[] }>(node: T, fn: (leaf: TextLeaf) => TextLeaf): T {
  const children = node.children.map((child) => {
    if (typeof child === 'object' && child !== null && 'children' in child) return mapLeaves(child as { children: unknown[] }, fn);
    return fn(child as TextLeaf);
  });
  return { ...node, children } as T;
}

const DOC_NUMBER_SHAPE = /^\S+〔\d{4}〕[1-9]\d*号$/;
/** A 纪要's number may stand without 代字 (GB/T 9704 纪要格式; the importer reads it so): 〔2024〕9号. */
const MINUTES_NUMBER_SHAPE = /^\S*〔\d{4}〕[1-9]\d*号$/;
const DATE_SHAPE = /^\d{4}年[1-9]\d?月[1-9]\d?日$/;

/** 2024年07月05日 / 2024-7-5 / 2024.07.05 -> 2024年7月5日; null when the text is not a date. */
export function fixDate(text: string): string | null {
  const parts = looseDateParts(text);
  return parts ? chineseDate(parts.year, parts.month, parts.day) : null;
}

function checkDocNumber(block: BlockElement, index: number, minutes: boolean, out: LintFinding[]): void {
  const text = plainText(block);
  const shape = minutes ? MINUTES_NUMBER_SHAPE : DOC_NUMBER_SHAPE;
  if (shape.test(text)) return;
  const fixed = normalizeDocNumber(text);
  if (fixed !== text && shape.test(fixed)) {
    out.push({
      code: 'doc-number-form',
      severity: 'error',
      blockIndex: index,
      excerpt: excerpt(text),
      params: { expected: fixed },
      fix: { kind: 'replace-block', blockIndex: index, block: { type: 'doc-number', children: [{ text: fixed }] } },
    });
  } else if (/〔\d{2}〕|[[［【(（]\d{2}[\]］】)）]/.test(text)) {
    out.push({ code: 'doc-number-year', severity: 'error', blockIndex: index, excerpt: excerpt(text), params: {} });
  } else {
    out.push({ code: 'doc-number-form', severity: 'error', blockIndex: index, excerpt: excerpt(text), params: { expected: '代字〔2024〕5号' } });
  }
}

function checkPunctuation(block: BlockElement, index: number, out: LintFinding[]): void {
  if (block.type === 'image' || block.type === 'page-break' || block.type === 'doc-number') return;
  const text = plainText(block);
  if (fixHalfWidthPunctuation(text) === text) return;
  const fixed = mapLeaves(block, (leaf) => ({ ...leaf, text: fixHalfWidthPunctuation(leaf.text) }));
  // A fix only where the per-leaf repair gives the same text as the whole-block one (no mark boundary inside).
  const safe = fixHalfWidthPunctuation(text) === plainText(fixed);
  out.push({
    code: 'halfwidth-punctuation',
    severity: 'warning',
    blockIndex: index,
    excerpt: excerpt(text.match(new RegExp(`.{0,8}(?:[${CJK_OR_FULL}][,;:?!]|\\([^()]*[${CJK}][^()]*\\)).{0,4}`))?.[0] ?? text),
    params: {},
    fix: safe ? { kind: 'replace-block', blockIndex: index, block: fixed } : undefined,
  });
}

function checkDate(block: BlockElement, index: number, out: LintFinding[]): void {
  const text = plainText(block).trim();
  if (block.type === 'date-line') {
    if (DATE_SHAPE.test(text)) return;
    const fixed = fixDate(text);
    out.push({
      code: 'date-form',
      severity: 'error',
      blockIndex: index,
      excerpt: excerpt(text),
      params: { expected: fixed ?? '2024年7月5日' },
      fix: fixed ? { kind: 'replace-block', blockIndex: index, block: { type: 'date-line', children: [{ text: fixed }] } } : undefined,
    });
    return;
  }
  if (block.type === 'table' || block.type === 'image' || block.type === 'page-break') return;
  // Zero-padded months and days inside running text: 2024年07月05日 -> 2024年7月5日.
  const padded = /(\d{4}年)0(\d月)|(\d{1,2}月)0(\d日)/;
  if (!padded.test(text)) return;
  const unpad = (s: string) => s.replace(/(\d{4}年)0(\d月)/g, '$1$2').replace(/(\d{1,2}月)0(\d日)/g, '$1$2');
  const fixed = mapLeaves(block, (leaf) => ({ ...leaf, text: unpad(leaf.text) }));
  out.push({
    code: 'date-form',
    severity: 'warning',
    blockIndex: index,
    excerpt: excerpt(text.match(/\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/)?.[0] ?? text),
    params: { expected: unpad(text.match(/\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/)?.[0] ?? '') },
    fix: plainText(fixed) === unpad(text) ? { kind: 'replace-block', blockIndex: index, block: fixed } : undefined,
  });
}

/** A numbered item kept as a paragraph (一、同意…；…。, （一）…；): the level its literal number stands for. */
function numberedParagraphLevel(block: BlockElement): number {
  if (block.type !== 'paragraph') return 0;
  const text = plainText(block).trimStart();
  if (new RegExp(`^${CN_NUMERAL}、`).test(text)) return 1;
  if (new RegExp(`^（${CN_NUMERAL}）`).test(text)) return 2;
  return 0;
}

function checkHeadingLevels(blocks: BlockElement[], out: LintFinding[]): void {
  let previous = 0;
  blocks.forEach((block, index) => {
    if (block.type === 'doc-title' || block.type === 'attachment-heading') previous = 0;
    // The importer keeps a numbered sentence as a paragraph: its number still opens that level.
    const numbered = numberedParagraphLevel(block);
    if (numbered) previous = numbered;
    if (block.type !== 'heading') return;
    if (block.level > previous + 1) {
      const level = (previous + 1) as 1 | 2 | 3 | 4;
      const changed = blocks.map((b, i) => (i === index ? { ...block, level } : b));
      out.push({
        code: 'heading-skip',
        severity: 'error',
        blockIndex: index,
        excerpt: excerpt(plainText(block)),
        params: { level: block.level, expected: level },
        fix: { kind: 'replace-blocks', blocks: renumberHeadings(changed) },
      });
      previous = level;
    } else previous = block.level;
  });
}

function checkAttachments(blocks: BlockElement[], out: LintFinding[]): void {
  const listIndex = blocks.findIndex((b) => b.type === 'attachment-list');
  const headings = blocks.map((b, i) => [b, i] as const).filter(([b]) => b.type === 'attachment-heading');
  if (listIndex < 0) {
    if (headings.length > 0) {
      out.push({ code: 'attachment-count', severity: 'warning', blockIndex: headings[0][1], excerpt: '附件', params: { listed: 0, found: headings.length } });
    }
    return;
  }
  const list = blocks[listIndex];
  if (list.type !== 'attachment-list') return;
  const items = list.children;
  if (headings.length > 0 && headings.length !== items.length) {
    out.push({ code: 'attachment-count', severity: 'error', blockIndex: listIndex, excerpt: '附件', params: { listed: items.length, found: headings.length } });
  }
  const expected = items.map((_, i) => (items.length === 1 ? '' : `${i + 1}.`));
  if (items.some((item, i) => item.number !== expected[i])) {
    const fixed = { ...list, children: items.map((item, i) => ({ ...item, number: expected[i] })) };
    out.push({
      code: 'attachment-numbering',
      severity: 'error',
      blockIndex: listIndex,
      excerpt: items.map((i) => i.number || '—').join(' '),
      params: { expected: expected.join(' ') || '（不编号）' },
      fix: { kind: 'replace-block', blockIndex: listIndex, block: fixed },
    });
  }
  headings.forEach(([heading, index], n) => {
    const want = items.length === 1 ? '附件' : `附件${n + 1}`;
    const text = plainText(heading).trim();
    if (text !== want && headings.length === items.length) {
      out.push({
        code: 'attachment-numbering',
        severity: 'error',
        blockIndex: index,
        excerpt: text,
        params: { expected: want },
        fix: { kind: 'replace-block', blockIndex: index, block: { type: 'attachment-heading', children: [{ text: want }] } },
      });
    }
  });
}

/** All findings for one document, in document order. */
/**
 * Pictures larger than the type area: they print whole but smaller than asked (the print page's
 * fit-figures stage and the DOCX size them with the same figureSize), which the editor does not show.
 */
export function imageScaleFindings(blocks: readonly BlockElement[], pixelsOf: (assetId: string) => PixelSize | undefined): LintFinding[] {
  return scaledFiguresIn(blocks, pixelsOf).map((f) => ({
    code: 'image-scaled' as const,
    severity: 'warning' as const,
    blockIndex: f.blockIndex,
    excerpt: f.name,
    params: { name: f.name, percent: f.percent },
  }));
}

export function lintDocument(input: LintInput): LintFinding[] {
  const out: LintFinding[] = [];
  const blocks = input.content.blocks;
  const minutes = isMinutes(blocks);
  blocks.forEach((block, index) => {
    if (block.type === 'doc-number') checkDocNumber(block, index, minutes, out);
    checkPunctuation(block, index, out);
    checkDate(block, index, out);
  });
  checkHeadingLevels(blocks, out);
  checkAttachments(blocks, out);
  const title = blocks.find((b) => b.type === 'doc-title');
  const override = input.tocTitleOverride?.trim();
  // No title (an import that found none: title-not-found): its TOC entry prints a page number and nothing else
  // and the outline names it 「（无标题）」. A warning, shown before export; it blocks nothing.
  if (input.requireTitle && !override && !deriveTitleAndNumber(input.content).title) {
    out.push({ code: 'title-missing', severity: 'warning', blockIndex: 0, excerpt: excerpt(blocks[0] ? plainText(blocks[0]) : ''), params: {} });
  }
  if (override && title && override !== plainText(title).trim()) {
    out.push({ code: 'toc-title-differs', severity: 'warning', blockIndex: -1, excerpt: excerpt(override), params: { title: excerpt(plainText(title)) }, fix: { kind: 'clear-toc-title' } });
  }
  if (input.imagePixels) out.push(...imageScaleFindings(blocks, input.imagePixels));
  return out.sort((a, b) => a.blockIndex - b.blockIndex);
}

/** Apply a block-level fix to content (the editor applies the same through Slate transforms). */
export function applyFix(content: DocumentContent, fix: LintFix): DocumentContent {
  if (fix.kind === 'replace-blocks') return { ...content, blocks: fix.blocks };
  if (fix.kind === 'replace-block') return { ...content, blocks: content.blocks.map((b, i) => (i === fix.blockIndex ? fix.block : b)) };
  return content;
}

export { fixPunctuationAcrossIssue, halfWidthFindingsAcrossIssue, type IssueDocument, type PunctuationFix } from './issuePunctuation';
