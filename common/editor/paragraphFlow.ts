/**
 * Paragraph flow like Word's styles and AutoFormat, as pure decisions the editor plugin applies:
 * which block follows Enter at the end of a block, and which typed number prefix makes a heading.
 */
import type { BlockElement, HeadingLevel } from '../model';
import { CN_NUMERAL as CN } from '../text/chineseNumerals';
import { atHeadingStart, splitHeadingNumber } from './numbering';

/**
 * The type of the new block Enter opens after `blocks[index]` when the caret is at its end; undefined
 * keeps Slate's default (a block of the same type).
 */
export function blockTypeAfter(blocks: readonly BlockElement[], index: number): BlockElement['type'] | undefined {
  const block = blocks[index];
  switch (block?.type) {
    case 'doc-title': {
      // The document's own title (not an attachment's) is followed by its 文号 while it has none.
      const isDocumentTitle = !blocks.slice(0, index).some((b) => b.type === 'attachment-heading' || b.type === 'doc-title');
      return isDocumentTitle && !blocks.some((b) => b.type === 'doc-number') ? 'doc-number' : 'paragraph';
    }
    case 'doc-number':
      return 'addressee';
    case 'addressee':
    case 'heading':
    case 'date-line':
      return 'paragraph';
    case 'signature':
      return 'date-line';
    case 'attachment-heading':
      return 'doc-title';
    case 'paragraph':
    case 'table':
    case 'image':
    case 'page-break':
    case 'checkbox':
    case 'chronicle-entry':
    case 'attachment-list':
    case undefined:
      return undefined;
  }
}

const TYPED_HEADING: Array<[RegExp, HeadingLevel]> = [
  [new RegExp(`^${CN}、$`), 1],
  [new RegExp(`^[（(]${CN}[）)]$`), 2],
  [/^\d{1,2}[.．]$/, 3],
  [/^[（(]\d{1,2}[）)]$/, 4],
];

/** The heading level of a number typed at the start of a paragraph (一、 （一） 1. （1）), or undefined. */
export function typedHeadingLevel(textBeforeCaret: string): HeadingLevel | undefined {
  return TYPED_HEADING.find(([re]) => re.test(textBeforeCaret))?.[1];
}

/** 附件： typed at the start of a paragraph turns it into the 附件说明. */
export function isTypedAttachmentLabel(textBeforeCaret: string): boolean {
  return /^附\s*件[：:]$/.test(textBeforeCaret);
}

/** Item names from paragraphs turned into a 附件说明: without 附件： and without the item number. */
export function attachmentItemName(text: string): string {
  return text
    .replace(/^\s*附\s*件[：:]\s*/, '')
    .replace(/^\d{1,2}[.．、]\s*/, '')
    .trim();
}

/**
 * Spaces typed before any text of a 正文 paragraph or a heading: the print indents their first line by two
 * characters already, so Word's habit of typing two full-width spaces first would indent it twice.
 */
export function isTypedIndent(block: BlockElement | undefined, textBefore: string, typed: string): boolean {
  const indented = (block?.type === 'paragraph' && block.indent !== false) || block?.type === 'heading';
  return indented && /^[ \u3000]+$/.test(typed) && /^[ \u3000]*$/.test(textBefore);
}

/**
 * Backspace in a numbered heading with the caret at its start or just after its number: Word removes the
 * numbering first (the line becomes body text) rather than joining the heading, number and all, to the
 * line above. Returns the number to delete, or undefined to let Backspace join as usual.
 */
export function headingNumberBackspace(block: BlockElement | undefined, textBefore: string): string | undefined {
  if (block?.type !== 'heading') return undefined;
  const text = block.children.map((c) => c.text).join('');
  const { prefix } = splitHeadingNumber(text);
  return prefix && atHeadingStart(text, textBefore) ? prefix : undefined;
}

/** Lines a document has one of in its place (a heading is one too: it carries its own number). */
const ONE_OF_A_KIND: ReadonlySet<BlockElement['type']> = new Set(['heading', 'doc-title', 'doc-number', 'addressee', 'signature', 'date-line', 'attachment-heading']);

/**
 * Enter with the caret at the start of a heading, 标题, 文号, 主送, 署名, date or 附件 heading that has text
 * (in a numbered heading also just after its number): Word opens an empty line above and the line keeps
 * its style, number and caret. Splitting there made an empty copy above: an empty heading took the number
 * 一、 and the heading became 二、, an empty 标题 or 署名 stood above the real one. The line above is 正文.
 * (Paragraphs, 大事记 entries and checkbox lines split as usual: an empty one of the same kind above.)
 */
export function enterOpensLineAbove(block: BlockElement | undefined, textBefore: string): boolean {
  if (!block || !ONE_OF_A_KIND.has(block.type)) return false;
  const text = block.children.map((c) => ('text' in c ? c.text : '')).join('');
  if (!text) return false;
  return block.type === 'heading' ? atHeadingStart(text, textBefore) : textBefore === '';
}

