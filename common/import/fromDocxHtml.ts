/**
 * HTML (from mammoth, or pasted from Word/WPS) -> document content. The cleaners in cleanWordHtml read the
 * tree with an allowlist; this module recognises the 公文 structure the way the text importer does
 * (titles, 文号, 主送, levels 一、（一）1.（1）, 附件, dates) using its patterns, then normalises.
 * Never throws: whatever it cannot place stays a plain paragraph.
 */
import {
  deriveTitleAndNumber,
  normalizeContent,
  normalizeHeadingNumber,
  squeezeWhitespace,
  type BlockElement,
  type DocumentContent,
  type HeadingLevel,
  type ImportWarning,
  type ParagraphElement,
  type TableCellElement,
  type TableElement,
  type TextLeaf,
} from '../model';
import { importDocumentFromLines } from './fromText';
import { htmlItemsToLines } from './htmlLines';
import { collectHtmlItems, type HtmlItem, type HtmlParagraph, type HtmlTable, type InlineRun } from './cleanWordHtml';
import type { HtmlNodeLike } from './htmlTree';
import {
  ARTICLE,
  ATTACHMENT_HEADING,
  ATTACHMENT_LIST,
  CHRONICLE_START,
  DATE_LINE,
  ITEM_NUMBER,
  LEVEL1,
  LEVEL2,
  LEVEL3,
  LEVEL4,
  docNumberOf,
  isDocNumber,
  isTitleLike,
} from './patterns';

export interface HtmlImportResult {
  content: DocumentContent;
  title: string;
  docNumber: string;
  warnings: ImportWarning[];
}

function runsText(runs: InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}

export function leavesOf(runs: InlineRun[]): TextLeaf[] {
  const leaves = runs
    .map((r) => {
      const leaf: TextLeaf = { text: r.text.replace(/\n/g, '') };
      if (r.bold) leaf.bold = true;
      if (r.underline) leaf.underline = true;
      if (r.superscript) leaf.superscript = true;
      if (r.face) leaf.face = r.face;
      if (r.leadIn) leaf.leadIn = true;
      return leaf;
    })
    .filter((l) => l.text !== '');
  // Trim the paragraph's outer whitespace (Word's indents arrive as spaces).
  if (leaves.length) {
    leaves[0].text = leaves[0].text.replace(/^[\s\u3000]+/, '');
    const last = leaves[leaves.length - 1];
    last.text = last.text.replace(/[\s\u3000]+$/, '');
  }
  return leaves.filter((l) => l.text !== '');
}

/** Leaves with the literal number normalised ((一) -> （一）) and a run-in phrase up to the first 。 marked. */
function withLeadIn(text: string, face?: 'kai' | 'hei'): TextLeaf[] {
  const stop = text.indexOf('。');
  if (stop < 0 || stop > 40 || stop === text.length - 1) return [{ text }];
  const lead: TextLeaf = { text: text.slice(0, stop + 1), leadIn: true };
  if (face) lead.face = face;
  return [lead, { text: text.slice(stop + 1) }];
}

/** Short and without a full stop inside: a heading of its own rather than a run-in paragraph. */
function isShortHeading(text: string): boolean {
  const body = text.replace(/[：:]$/, '');
  return body.length <= 40 && !/[。；;！？]/.test(body);
}

/** A run-in paragraph that already has marks: keep them, and mark the first run a lead-in when it ends the phrase. */
function markedLeadIn(leaves: TextLeaf[]): TextLeaf[] {
  if (leaves.some((l) => l.leadIn)) return leaves;
  const first = leaves[0];
  if (leaves.length > 1 && first && /。$/.test(first.text) && (first.bold || first.face)) return [{ ...first, leadIn: true }, ...leaves.slice(1)];
  return leaves;
}

const ISSUER_END = /(人民政府|办公室|办公厅|委员会|局|厅|委|院|部|中心|领导小组)$/;

export function tableFrom(t: HtmlTable): TableElement {
  const rows = t.rows.map((cells) => ({
    type: 'table-row' as const,
    children: cells.map((c): TableCellElement => {
      const cell: TableCellElement = {
        type: 'table-cell',
        children: (c.paragraphs.length ? c.paragraphs : [{ kind: 'paragraph', headingLevel: 0, runs: [], images: [] } as HtmlParagraph]).map(
          (p): ParagraphElement => ({ type: 'paragraph', children: leavesOf(p.runs).length ? leavesOf(p.runs) : [{ text: '' }], ...(p.align && p.align !== 'justify' ? { align: p.align } : {}) }),
        ),
      };
      if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
      if (c.colSpan > 1) cell.colSpan = c.colSpan;
      if (c.align) cell.align = c.align;
      return cell;
    }),
  }));
  let headerRows = 0;
  while (headerRows < t.rows.length && t.rows[headerRows].every((c) => c.header)) headerRows++;
  if (headerRows === t.rows.length) headerRows = Math.min(1, headerRows);
  return { type: 'table', headerRows, children: rows };
}

/** Turn collected items into blocks, recognising the document's structure. */
export function itemsToBlocks(items: HtmlItem[], warnings: ImportWarning[]): BlockElement[] {
  const blocks: BlockElement[] = [];
  let titleText = '';
  let inAttachmentList = false;
  const prevType = () => blocks[blocks.length - 1]?.type;
  const push = (b: BlockElement) => {
    blocks.push(b);
    if (b.type !== 'attachment-list') inAttachmentList = false;
  };

  items.forEach((item, index) => {
    if (item.kind === 'table') {
      if (item.nested) warnings.push({ code: 'docx-nested-table', message: '表格内嵌套的表格已展开为单元格文字' });
      push(tableFrom(item));
      return;
    }
    const text = runsText(item.runs).replace(/\n/g, '').trim();
    const squeezed = squeezeWhitespace(text);
    const leaves = leavesOf(item.runs);
    const next = items[index + 1];
    const nextText = next && next.kind === 'paragraph' ? squeezeWhitespace(runsText(next.runs)) : '';

    if (squeezed) {
      const role = item.role;
      const heading = item.headingLevel;
      const early = blocks.length === 0 || blocks.every((b) => b.type === 'doc-title');
      if (role === 'title' || role === 'scheme-title' || (heading === 1 && !titleText && !LEVEL1.test(text))) {
        const rawLines = runsText(item.runs).split('\n').map((l) => l.trim()).filter(Boolean);
        const title: BlockElement = { type: 'doc-title', children: leaves };
        if (rawLines.length > 1 && ISSUER_END.test(rawLines[0])) title.issuer = rawLines[0];
        if (!titleText) titleText = squeezed;
        push(title);
      } else if (role === 'docnumber' || isDocNumber(text)) {
        push({ type: 'doc-number', children: [{ text: docNumberOf(text) }] });
      } else if (role === 'addressee') {
        push({ type: 'addressee', children: leaves });
      } else if (role === 'date' || DATE_LINE.test(squeezed)) {
        push({ type: 'date-line', children: [{ text: squeezed }] });
      } else if (role === 'signature') {
        push({ type: 'signature', children: leaves });
      } else if (role === 'minutes-head' && text.includes('\t')) {
        // Our export's 纪要 「机关 日期」 line (organ, tab, date): the 署名 and 成文日期 it was written from.
        const at = text.lastIndexOf('\t');
        push({ type: 'signature', children: [{ text: text.slice(0, at).trim() }] });
        push({ type: 'date-line', children: [{ text: squeezeWhitespace(text.slice(at + 1)) }] });
      } else if (role === 'attachment-heading' || ATTACHMENT_HEADING.test(squeezed)) {
        push({ type: 'attachment-heading', children: [{ text: squeezed }] });
      } else if (/^[□☐☑☒■]/.test(squeezed) && squeezed.length <= 40) {
        const checked = /^[☑☒■]/.test(squeezed);
        push({ type: 'checkbox', checked, children: [{ text: text.replace(/^[□☐☑☒■][\s\u3000]*/, '') }] });
      } else if (role === 'body' || role === 'body-noindent') {
        // Our own export (recognised by its styles): the style says it is body text, so no pattern guessing.
        if (titleText && /大事记$/.test(titleText) && CHRONICLE_START.test(squeezed)) push({ type: 'chronicle-entry', children: leaves });
        else {
          const p: ParagraphElement = { type: 'paragraph', children: leaves };
          if (role === 'body-noindent') p.indent = false;
          if (item.align === 'center' || item.align === 'right') p.align = item.align;
          push(p);
        }
      } else if (role === 'table-note') {
        push({ type: 'paragraph', role: 'table-note', children: leaves });
      } else if (role === 'attachment-item' || ATTACHMENT_LIST.test(squeezed) || (inAttachmentList && ITEM_NUMBER.test(squeezed) && squeezed.length <= 60 && !/。$/.test(squeezed))) {
        const rest = squeezed.replace(ATTACHMENT_LIST, '');
        const number = ITEM_NUMBER.exec(rest);
        const item = { type: 'attachment-item' as const, number: number ? `${number[1]}.` : '', children: [{ text: number ? rest.slice(number[0].length) : rest }] };
        const last = blocks[blocks.length - 1];
        if (last && last.type === 'attachment-list' && !ATTACHMENT_LIST.test(squeezed)) last.children.push(item);
        else push({ type: 'attachment-list', children: [item] });
        inAttachmentList = true;
      } else if (heading >= 1 && heading <= 6) {
        const level = Math.min(heading, 4) as HeadingLevel;
        push({ type: 'heading', level, children: [{ text: normalizeHeadingNumber(text) }] });
      } else if (!titleText && early && (item.align === 'center' || (isTitleLike(text) && isDocNumber(nextText)))) {
        // An issuer line on its own, then the title: one doc-title with the issuer set.
        const prev = blocks[blocks.length - 1];
        if (prev && prev.type === 'doc-title' && !prev.issuer && ISSUER_END.test(squeezeWhitespace(prev.children.map((c) => c.text).join('')))) {
          const issuer = prev.children.map((c) => c.text).join('').trim();
          prev.issuer = issuer;
          prev.children = [{ text: issuer + text }];
          titleText = issuer + squeezed;
        } else {
          push({ type: 'doc-title', children: leaves });
          if (!ISSUER_END.test(squeezed) || isDocNumber(nextText)) titleText = squeezed;
        }
      } else if (titleText && /大事记$/.test(titleText) && CHRONICLE_START.test(squeezed)) {
        push({ type: 'chronicle-entry', children: leaves });
      } else if (
        blocks.some((b) => b.type === 'doc-title') &&
        !blocks.some((b) => b.type === 'addressee' || b.type === 'paragraph' || b.type === 'heading') &&
        /[：:]$/.test(squeezed) &&
        squeezed.length <= 80 &&
        !LEVEL1.test(text) &&
        !LEVEL2.test(text)
      ) {
        push({ type: 'addressee', children: leaves });
      } else if (item.align === 'center' && isTitleLike(text) && (prevType() === 'attachment-heading' || prevType() === 'date-line')) {
        push({ type: 'doc-title', children: leaves });
      } else if (item.align === 'right' && squeezed.length <= 30 && next && next.kind === 'paragraph' && DATE_LINE.test(nextText)) {
        push({ type: 'signature', children: leaves });
      } else if (LEVEL1.test(text) && isShortHeading(text)) {
        push({ type: 'heading', level: 1, children: [{ text: normalizeHeadingNumber(text) }] });
      } else if (LEVEL2.test(text)) {
        const normal = normalizeHeadingNumber(text);
        if (isShortHeading(text)) push({ type: 'heading', level: 2, children: [{ text: normal }] });
        else push({ type: 'paragraph', children: leaves.length > 1 || leaves.some((l) => l.leadIn) ? markedLeadIn(leaves) : withLeadIn(normal) });
      } else if (LEVEL3.test(text) && isShortHeading(text) && !/^\d+\.\d/.test(text)) {
        push({ type: 'heading', level: 3, children: [{ text: normalizeHeadingNumber(text) }] });
      } else if (LEVEL4.test(text) && isShortHeading(text)) {
        push({ type: 'heading', level: 4, children: [{ text: normalizeHeadingNumber(text) }] });
      } else if (ARTICLE.test(text) && !leaves.some((l) => l.face)) {
        const m = ARTICLE.exec(text)!;
        push({ type: 'paragraph', children: [{ text: m[0].trimEnd(), face: 'hei' }, { text: '\u3000' + text.slice(m[0].length) }] });
      } else {
        const p: ParagraphElement = { type: 'paragraph', children: leaves };
        if (item.align === 'center' || item.align === 'right') p.align = item.align;
        push(p);
      }
    }
    for (const image of item.images) push({ type: 'image', assetId: image.assetId, ...(image.alt ? { alt: image.alt } : {}), children: [{ text: '' }] });
  });
  return blocks;
}

/** A parsed HTML body -> document content + warnings. */
export function fromHtmlTree(body: HtmlNodeLike): HtmlImportResult {
  try {
    return fromHtmlItems(collectHtmlItems(body).items);
  } catch (error) {
    const message = `转换失败：${(error as Error).message ?? String(error)}`.slice(0, 200);
    return { content: normalizeContent({ blocks: [] }), title: '', docNumber: '', warnings: [{ code: 'docx-convert-failed', message }] };
  }
}

/** Collected paragraphs and tables (one document) -> document content + warnings. */
export function fromHtmlItems(items: HtmlItem[]): HtmlImportResult {
  const warnings: ImportWarning[] = [];
  try {
    // Our own DOCX export names every paragraph's role by its style: read those as written. Anything else
    // (Word, WPS, LibreOffice, web pages, pastes) goes through the one 公文 recogniser the text import uses.
    const ownExport = items.some((i) => i.kind === 'paragraph' && i.role && i.role !== 'title' && i.role !== 'date');
    let content: DocumentContent;
    if (ownExport) content = normalizeContent({ blocks: itemsToBlocks(items, warnings) });
    else {
      const recognised = importDocumentFromLines(htmlItemsToLines(items));
      content = recognised.content;
      warnings.push(...recognised.warnings);
      if (items.some((i) => i.kind === 'table' && i.nested)) warnings.push({ code: 'docx-nested-table', message: '表格内嵌套的表格已展开为单元格文字' });
    }
    const { title, docNumber } = deriveTitleAndNumber(content);
    if (!title) warnings.push({ code: 'docx-no-title', message: '未识别出文件标题，请检查第一段' });
    return { content, title, docNumber, warnings };
  } catch (error) {
    warnings.push({ code: 'docx-convert-failed', message: `转换失败：${(error as Error).message ?? String(error)}`.slice(0, 200) });
    return { content: normalizeContent({ blocks: [] }), title: '', docNumber: '', warnings };
  }
}
