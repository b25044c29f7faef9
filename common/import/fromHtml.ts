/**
 * An HTML file (a government web page, a saved Word page) -> an issue import through the one 公文
 * recogniser. The caller decodes the bytes (decode.ts) and supplies the parser (linkedom in main/, the
 * browser's DOMParser in the renderer). A page with hardly any Chinese text is not a document: refused
 * with one sentence, nothing imported.
 */
import type { IssueImport } from './fromText';
import { failure, type Failure } from '../errors';
import { importIssueFromLines } from './fromText';
import { collectHtmlItems } from './cleanWordHtml';
import type { HtmlEnvironment } from './htmlTree';
import { htmlItemsToLines } from './htmlLines';
import { pageView } from './pageLayout';
import { warning } from './warnings';
import { normalizeContent } from '../model';
import { kindFromTitle } from './patterns';
import { titleFromPageHead } from './pageTitle';
import { recognisedFields } from './report';

export type HtmlIssueImport = ({ ok: true } & IssueImport) | Failure<'no-document' | 'unparseable'>;

/** Fewer Chinese characters than this in the page's text: a navigation page, an error page, not a 公文. */
const MIN_DOCUMENT_CJK = 20;

/** A page's one document without a title of its own takes the title the page's head gives (pageTitle.ts). */
function withPageTitle(imported: IssueImport, html: string): IssueImport {
  const documents = imported.tree.sections.flatMap((s) => s.documents);
  if (documents.length !== 1 || documents[0].content.blocks.some((b) => b.type === 'doc-title')) return imported;
  const title = titleFromPageHead(html);
  if (!title) return imported;
  const doc = documents[0];
  doc.content = normalizeContent({ ...doc.content, blocks: [{ type: 'doc-title', children: [{ text: title }] }, ...doc.content.blocks] });
  doc.title = title;
  doc.docNumber ||= recognisedFields(doc.content).docNumber;
  if (doc.kind === 'other') doc.kind = kindFromTitle(title, doc.docNumber);
  const warnings = imported.warnings.filter((w) => w.code !== 'title-not-found');
  return { ...imported, warnings: [...warnings, warning('title-from-page-head', undefined, title)] };
}

export function importIssueFromHtml(html: string, env: HtmlEnvironment): HtmlIssueImport {
  try {
    // Server-page directives (<%@ page … %> of a JSP/ASP page saved as is) are markup, not text.
    const stripped = html.replace(/<%[\s\S]{0,2000}?%>/g, '');
    const source = env.purify ? env.purify(stripped) : stripped;
    // The page's navigation elements are left out, its layout tables read as blocks (pageLayout.ts).
    const page = pageView(env.parseBody(source));
    const { items } = collectHtmlItems(page.body);
    const lines = htmlItemsToLines(items);
    const cjk = lines.reduce((n, l) => n + (l.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0), 0) + (items.some((i) => i.kind === 'table') ? MIN_DOCUMENT_CJK : 0);
    if (cjk < MIN_DOCUMENT_CJK) return failure('no-document', '网页中没有可导入的公文正文（中文内容太少），未导入');
    const imported = withPageTitle(importIssueFromLines(lines), stripped);
    const chrome = page.dropped.map((text) => warning('page-chrome-dropped', undefined, text));
    return { ok: true, ...imported, warnings: [...chrome, ...imported.warnings] };
  } catch (error) {
    return failure('unparseable', `网页无法解析：${String((error as Error)?.message ?? error).slice(0, 120)}`);
  }
}
