/**
 * Worker thread: .docx bytes -> document content. Long-lived (docxWorkerHost.ts): one job at a time, each with the
 * time limit and resourceLimits set there, so a hostile file can at worst kill this thread, never the app.
 * Steps: safe unzip (limits) -> XML preparation (no DTD/entities, literal numbering, alignment markers)
 * -> mammoth to HTML -> allowlist walk -> 公文 structure -> normalizeContent.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { newId, type ImportWarning } from '../../common/model';
import { fromHtmlItems, fromHtmlTree } from '../../common/import/fromDocxHtml';
import { splitOwnExportIssue } from '../../common/import/ownExportIssue';
import { collectHtmlItems } from '../../common/import/cleanWordHtml';
import { importIssueFromLines } from '../../common/import/fromText';
import { htmlItemsToLines } from '../../common/import/htmlLines';
import { plainWordLayout } from '../../common/import/wordLayout';
import { warning } from '../../common/import/warnings';
import { DocxRejected, PLACEHOLDER_PNG, labelNotes, prepareDocx, readSizeMark, safeUnzip, sniffFormat, isEncryptedCfb } from './docxPackage';
import type { HtmlNodeLike } from '../../common/import/htmlTree';
import { purifyDocxHtml, sanitizedDocxBody } from './purifyInNode';
import type { DocxDocument, DocxWorkerMessage, DocxWorkerReply, DocxWorkerRequest } from './docxProtocol';
import { docxError } from './docxProtocol';

/** Our own export's styles (and common Word ones) mapped to classes the cleaners understand. */
export const STYLE_MAP = [
  "p[style-name='Title'] => p.gz-title:fresh",
  "p[style-name='方案标题'] => p.gz-scheme-title:fresh",
  "p[style-name='文号'] => p.gz-docnumber:fresh",
  "p[style-name='主送'] => p.gz-addressee:fresh",
  "p[style-name='日期'] => p.gz-date:fresh",
  "p[style-name='落款'] => p.gz-signature:fresh",
  "p[style-name='纪要机关日期'] => p.gz-minutes-head:fresh",
  "p[style-name='附件标识'] => p.gz-attachment-heading:fresh",
  "p[style-name='附件说明'] => p.gz-attachment-item:fresh",
  "p[style-name='表注'] => p.gz-table-note:fresh",
  "p[style-name='heading 1'] => h1:fresh",
  "p[style-name='heading 2'] => h2:fresh",
  "p[style-name='heading 3'] => h3:fresh",
  "p[style-name='heading 4'] => h4:fresh",
  "r[style-name='楷体引题'] => span.gz-leadin",
  "r[style-name='加粗引题'] => span.gz-leadin",
  // Run fonts 楷体/黑体, marked by docxPackage.markRunFaces.
  "r[style-name='gz-face-kai'] => span.gz-face-kai",
  "r[style-name='gz-face-hei'] => span.gz-face-hei",
];

/** Styles only our own export uses this way: body text, and the TOC of a whole issue (section, title). */
const OWN_STYLE_MAP = [
  "p[style-name='Normal'] => p.gz-body:fresh",
  "p[style-name='无缩进'] => p.gz-body-noindent:fresh",
  "p[style-name='toc 1'] => p.gz-toc-section:fresh",
  "p[style-name='toc 2'] => p.gz-toc-entry:fresh",
  "p[style-name='toc 3'] => p.gz-toc-page:fresh",
];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export async function convertDocx(bytes: Uint8Array): Promise<DocxWorkerReply> {
  const warnings: ImportWarning[] = [];
  try {
    const format = sniffFormat(bytes);
    if (format === 'cfb') {
      return {
        ok: false,
        error: isEncryptedCfb(bytes)
          ? docxError('docx-encrypted', '文件已加密（受密码保护）：请在 Word/WPS 中取消密码后另存为 .docx 再导入')
          : docxError('docx-legacy', '这是旧版 Word/WPS 文件（.doc/.wps）：请另存为 .docx，或安装 LibreOffice 后重试'),
      };
    }
    if (format !== 'zip') return { ok: false, error: docxError('docx-not-zip', '不是 .docx 文件（文件头不是 ZIP），可能已损坏或被截断') };
    const files = safeUnzip(bytes);
    // A document from our own export (or its template) carries the 文号 style: read body text by style.
    const ownStyles = /<w:name w:val="文号"\/>/.test(strFromU8(files['word/styles.xml'] ?? new Uint8Array()));
    // Our own export's TOC lists the issue's sections and documents: it is read, not dropped.
    const prepared = prepareDocx(files, warnings, { keepTocField: ownStyles });
    const assets: DocxWorkerReply['assets'] = [];
    const styleMap = ownStyles ? [...STYLE_MAP, ...OWN_STYLE_MAP] : STYLE_MAP;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength) },
      {
        styleMap,
        includeDefaultStyleMap: true,
        // Empty paragraphs are blank lines (they separate TOC entries, and a title from the line above).
        ignoreEmptyParagraphs: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const data = new Uint8Array(await image.readAsArrayBuffer());
          const { widthPt, alt } = readSizeMark((image as { altText?: string }).altText);
          if (sameBytes(data, PLACEHOLDER_PNG)) return { src: '', alt };
          const id = newId();
          assets.push({ id, contentType: image.contentType, data, ...(widthPt ? { widthPt } : {}) });
          return { src: `gz-asset:${id}`, alt };
        }),
      },
    );
    const unknownStyles = result.messages.filter((m) => m.type === 'warning').length;
    if (unknownStyles > 0) warnings.push({ code: 'docx-converter', message: `转换器提示 ${unknownStyles} 处未识别的格式，已按正文处理` });
    const notes = labelNotes(result.value);
    if (notes.notes > 0) warnings.push({ code: 'docx-notes-at-end', message: `文档的 ${notes.notes} 条脚注/尾注已按编号放在正文末尾，请核对位置` });
    const body = sanitizedDocxBody(notes.html) as unknown as HtmlNodeLike;
    if (!ownStyles) {
      // Word, WPS, LibreOffice files: the one 公文 recogniser, which also splits a whole issue into its documents.
      const { items, masthead } = plainWordLayout(collectHtmlItems(body, { keepEmptyParagraphs: true }).items);
      const { tree, warnings: found } = importIssueFromLines(htmlItemsToLines(items));
      // A table inside a table cell is flattened to its cells' text by the collector: say so.
      if (items.some((i) => i.kind === 'table' && i.nested)) warnings.push({ code: 'docx-nested-table', message: '表格内嵌套的表格已展开为单元格文字' });
      const documents: DocxDocument[] = tree.sections.flatMap((section) => section.documents.map((d) => ({ section: section.name, content: d.content, title: d.title, docNumber: d.docNumber })));
      if (documents.length) {
        const first = documents[0];
        // The red-head 版头 (XX文件) is the first document's, kept as the text importer keeps it.
        if (masthead.length) {
          first.content = { ...first.content, meta: { ...first.content.meta, masthead: [...masthead, ...(first.content.meta?.masthead ?? [])] } };
          for (const m of masthead) warnings.push(warning('masthead-kept', undefined, m));
        }
        return { ok: true, content: first.content, title: first.title, docNumber: first.docNumber, documents, warnings: [...warnings, ...found], assets };
      }
    }
    // A whole issue from our own export: one document per 标题, each in the section its TOC lists.
    const split = splitOwnExportIssue(collectHtmlItems(body).items);
    if (split) {
      const documents: DocxDocument[] = split.parts.map((part) => {
        const one = fromHtmlItems(part.items);
        warnings.push(...one.warnings);
        return { section: part.section, content: one.content, title: one.title, docNumber: one.docNumber };
      });
      if (split.front.length) warnings.push({ code: 'docx-issue-front-skipped', message: `封面与目录（${split.front.length} 段）由本软件重新生成，未作为文件导入` });
      const first = documents[0];
      return { ok: true, content: first.content, title: first.title, docNumber: first.docNumber, documents, warnings, assets };
    }
    const converted = fromHtmlTree(body);
    return { ok: true, content: converted.content, title: converted.title, docNumber: converted.docNumber, warnings: [...warnings, ...converted.warnings], assets };
  } catch (error) {
    if (error instanceof DocxRejected) return { ok: false, error: docxError('docx-rejected', error.message), warnings };
    const message = String((error as Error)?.message ?? error).split('\n')[0].slice(0, 120);
    return { ok: false, error: docxError('docx-unreadable', `无法读取 Word 文档：${message}`), warnings };
  }
}

/** Run the parser and sanitiser once before the first file comes, so an import does not wait for them. */
function warmUp(): DocxWorkerReply {
  purifyDocxHtml('<p>warm</p>');
  return { ok: true };
}

if (parentPort && (workerData as { gazetteDocxWorker?: boolean } | null)?.gazetteDocxWorker) {
  // Long-lived: one job at a time (the host queues them), each answered with its id and the heap it left.
  const port = parentPort;
  const heapMb = () => Math.round(getHeapStatistics().used_heap_size / 1048576);
  port.on('message', (request: DocxWorkerRequest) => {
    const job = request.warm || !request.bytes ? Promise.resolve(warmUp()) : convertDocx(request.bytes);
    job.then(
      (reply) => port.postMessage({ id: request.id, reply, heapMb: heapMb() } satisfies DocxWorkerMessage, reply.assets?.map((a) => a.data.buffer as ArrayBuffer) ?? []),
      (error) => port.postMessage({ id: request.id, reply: { ok: false, error: docxError('docx-unreadable', `无法读取 Word 文档：${String(error).slice(0, 120)}`) }, heapMb: heapMb() } satisfies DocxWorkerMessage),
    );
  });
}
