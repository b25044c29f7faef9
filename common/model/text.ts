import type { AnyElement, BlockElement, DocumentContent, TextLeaf } from './types';

type Node = AnyElement | TextLeaf;

function isLeaf(node: Node): node is TextLeaf {
  return typeof (node as TextLeaf).text === 'string' && !('type' in node);
}

/** Plain text of one node; table cells are joined with tabs, rows and cell paragraphs with newlines. */
export function plainText(node: Node): string {
  if (isLeaf(node)) return node.text;
  switch (node.type) {
    case 'table':
      return node.children.map(plainText).join('\n');
    case 'table-row':
      return node.children.map(plainText).join('\t');
    case 'table-cell':
      return node.children.map(plainText).join('\n');
    case 'attachment-list':
      return node.children.map(plainText).join('\n');
    case 'attachment-item':
      return (node.number ? node.number + ' ' : '') + node.children.map(plainText).join('');
    case 'paragraph':
    case 'heading':
    case 'doc-title':
    case 'doc-number':
    case 'addressee':
    case 'signature':
    case 'date-line':
    case 'attachment-heading':
    case 'chronicle-entry':
    case 'checkbox':
    case 'image':
    case 'page-break':
      return (node.children as Node[]).map(plainText).join('');
  }
}

/** The document's text, one block per line: what search indexes and integrity checks compare. */
export function contentPlainText(content: DocumentContent): string {
  return content.blocks.map(plainText).join('\n');
}

/** First block of a type, e.g. the document's own title. */
export function firstBlock<T extends BlockElement['type']>(
  content: DocumentContent,
  type: T,
): Extract<BlockElement, { type: T }> | undefined {
  return content.blocks.find((b) => b.type === type) as Extract<BlockElement, { type: T }> | undefined;
}

/**
 * TOC title and 文号 derived from content: the first doc-title and the doc-number right after it; or, when the
 * document opens with its 文号 before any title (a 令: 第707号, then the decree, then the decreed text's
 * title), that opening doc-number.
 */
export function deriveTitleAndNumber(content: DocumentContent): { title: string; docNumber: string } {
  const titleIndex = content.blocks.findIndex((b) => b.type === 'doc-title');
  if (titleIndex < 0) return { title: '', docNumber: '' };
  const title = plainText(content.blocks[titleIndex]).trim();
  const next = content.blocks[titleIndex + 1];
  const first = content.blocks[0];
  const docNumber = next && next.type === 'doc-number' ? plainText(next).trim() : titleIndex > 0 && first.type === 'doc-number' ? plainText(first).trim() : '';
  return { title, docNumber };
}

/** Text with all whitespace removed: the basis of "no text lost" comparisons. */
export function squeezeWhitespace(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}
