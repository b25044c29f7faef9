/**
 * Paste from Word, WPS or a web page into the editor: the same cleaners and structure recognition as the
 * .docx import. In the renderer DOMPurify runs first (env.purify); the allowlist walk runs everywhere.
 */
import { normalizeContent } from '../model';
import { fromHtmlTree, type HtmlImportResult } from './fromDocxHtml';
import { browserHtmlEnvironment, type HtmlEnvironment } from './htmlTree';

/** Cap pasted HTML so a huge clipboard cannot stall the editor. */
export const MAX_PASTE_HTML = 20 * 1024 * 1024;

export function fromPastedHtml(html: string, env?: HtmlEnvironment): HtmlImportResult {
  try {
    const environment = env ?? browserHtmlEnvironment();
    let source = html.length > MAX_PASTE_HTML ? html.slice(0, MAX_PASTE_HTML) : html;
    // Word's clipboard HTML wraps list numbers in conditional comments; keep the markup between them.
    source = source.replace(/<!--\[if !supportLists\]-->|<!--\[endif\]-->/g, '');
    // Word's comment marks ([A1]) link the text to the comment list, which the reader skips: they go too.
    source = source.replace(/<a\b[^>]*\bclass=["']?msocom(?:anchor|off)\b[^>]*>[^<]*<\/a>/gi, '');
    if (environment.purify) source = environment.purify(source);
    const result = fromHtmlTree(environment.parseBody(source));
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
