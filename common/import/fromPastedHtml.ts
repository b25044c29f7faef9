/**
 * Paste from Word, WPS or a web page into the editor: the same cleaners and structure recognition as the
 * .docx import. In the renderer DOMPurify runs first (env.purify); the allowlist walk runs everywhere.
 */
import { normalizeContent, type TextLeaf } from '../model';
import { collectHtmlItems, dropBodyFaces } from './cleanWordHtml';
import { fromHtmlItems, leavesOf, type HtmlImportResult } from './fromDocxHtml';
import { browserHtmlEnvironment, type HtmlEnvironment } from './htmlTree';

export interface PasteResult extends HtmlImportResult {
  /**
   * When the clipboard holds one line of text (a word or a phrase copied from Word): its leaves with the
   * marks and faces the source gave them. The editor puts them in at the caret; a 楷体 or bold word is a
   * deliberate mark there, not the source's body font.
   */
  line?: TextLeaf[];
}

/** Cap pasted HTML so a huge clipboard cannot stall the editor. */
export const MAX_PASTE_HTML = 20 * 1024 * 1024;

export function fromPastedHtml(html: string, env?: HtmlEnvironment): PasteResult {
  try {
    const environment = env ?? browserHtmlEnvironment();
    let source = html.length > MAX_PASTE_HTML ? html.slice(0, MAX_PASTE_HTML) : html;
    // Word's clipboard HTML wraps list numbers in conditional comments; keep the markup between them.
    source = source.replace(/<!--\[if !supportLists\]-->|<!--\[endif\]-->/g, '');
    // Word's comment marks ([A1]) link the text to the comment list, which the reader skips: they go too.
    source = source.replace(/<a\b[^>]*\bclass=["']?msocom(?:anchor|off)\b[^>]*>[^<]*<\/a>/gi, '');
    if (environment.purify) source = environment.purify(source);
    const { items } = collectHtmlItems(environment.parseBody(source), { keepBodyFaces: true });
    const only = items.length === 1 && items[0].kind === 'paragraph' ? items[0] : undefined;
    const line = only && !only.images.length && !only.runs.some((r) => r.text.trim().includes('\n')) ? leavesOf(only.runs).map(({ leadIn: _, ...leaf }) => leaf) : undefined;
    dropBodyFaces(items);
    const result: PasteResult = fromHtmlItems(items);
    if (line?.length) result.line = line;
    if (html.length > MAX_PASTE_HTML) result.warnings.push({ code: 'paste-truncated', message: '粘贴内容过大，只保留了前 20 MB' });
    return result;
  } catch (error) {
    return {
      content: normalizeContent({ blocks: [] }),
      title: '',
      docNumber: '',
      warnings: [{ code: 'paste-failed', message: `粘贴内容无法解析：${String((error as Error)?.message ?? error).slice(0, 120)}` }],
    };
  }
}
