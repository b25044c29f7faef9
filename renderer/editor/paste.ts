/**
 * Paste: HTML from Word/WPS goes through DOMPurify and the import cleaners (fromPastedHtml), plain text of
 * several lines through the text importer (importDocumentFromText), which structures a pasted 公文
 * (title, 文号, levels, 附件 …). Returns null to let Slate paste its own fragments.
 */
import DOMPurify from 'dompurify';
import { fromPastedHtml } from '../../common/import/fromPastedHtml';
import { importDocumentFromText } from '../../common/import/fromText';
import { browserHtmlEnvironment, PASTE_PURIFY_CONFIG } from '../../common/import/htmlTree';
import { normalizeContent, type BlockElement } from '../../common/model';

// The allowlist shared with common/import (tags and attributes the cleaners read); Word's clipboard is a whole document.
const purify = (html: string) =>
  DOMPurify.sanitize(html, { ...PASTE_PURIFY_CONFIG, ALLOWED_TAGS: [...PASTE_PURIFY_CONFIG.ALLOWED_TAGS], ALLOWED_ATTR: [...PASTE_PURIFY_CONFIG.ALLOWED_ATTR], WHOLE_DOCUMENT: true }) as string;

/** Blocks for a paste, or null when Slate should handle it (its own fragments, empty clipboard). */
export function pastedBlocks(data: DataTransfer): BlockElement[] | null {
  if (data.types.includes('application/x-slate-fragment')) return null;
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  if (html && html.trim()) {
    const result = fromPastedHtml(html, browserHtmlEnvironment(purify));
    // One line goes in at the caret with the marks and faces it had (bold, 楷体), unrecognised.
    if (result.line) return [{ type: 'paragraph', children: result.line }];
    const blocks = normalizeContent(result.content).blocks;
    const pastedText = blocks.some((b) => JSON.stringify(b).includes('"text":"') && !JSON.stringify(b).includes('"text":""'));
    if (pastedText) return blocks;
  }
  // One line copied with its line end (Notepad, a Word line as plain text) is still one line: it goes in at the caret.
  const lines = text.replace(/[\r\n]+$/, '');
  if (!lines) return null;
  if (!lines.includes('\n')) return [{ type: 'paragraph', children: [{ text: lines.replace(/\r/g, '') }] }];
  return normalizeContent(importDocumentFromText(lines).content).blocks;
}
