/**
 * Paste: HTML from Word/WPS goes through the import cleaners (sanitised), plain text through the text
 * importer, which structures a pasted 公文 (title, 文号, levels, 附件 …). Returns null to let Slate paste
 * its own fragments.
 */
import DOMPurify from 'dompurify';
import { normalizeContent, type BlockElement } from '../../common/model';

export type PasteConverter = {
  fromHtml?: (html: string) => { content: { blocks: BlockElement[] } } | { blocks: BlockElement[] };
  fromText?: (text: string) => { content: { blocks: BlockElement[] } };
};

/** Filled in by main.tsx with the importers available in this build. */
export const pasteConverters: PasteConverter = {};

function textToBlocks(text: string): BlockElement[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return normalizeContent({ blocks: lines.map((line) => ({ type: 'paragraph', children: [{ text: line }] })) }).blocks;
}

export function pastedBlocks(data: DataTransfer): BlockElement[] | null {
  if (data.types.includes('application/x-slate-fragment')) return null;
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  if (html && pasteConverters.fromHtml) {
    const clean = DOMPurify.sanitize(html, { WHOLE_DOCUMENT: false, FORBID_TAGS: ['style', 'script', 'img', 'iframe', 'object'] });
    const result = pasteConverters.fromHtml(clean);
    const blocks = 'content' in result ? result.content.blocks : result.blocks;
    return normalizeContent({ blocks }).blocks;
  }
  if (!text) return null;
  if (!text.includes('\n')) return [{ type: 'paragraph', children: [{ text }] }];
  if (pasteConverters.fromText) return normalizeContent(pasteConverters.fromText(text).content).blocks;
  return textToBlocks(text);
}
