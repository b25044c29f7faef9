/**
 * toWeb: the document model -> the web edition of an issue (a static folder for the government portal):
 * an index page (cover data, TOC by section, search), one page per document, and the metadata of every
 * document (issue.json) and the search data. Pure: strings in, strings out; all content is escaped.
 *
 * Unlike toHtml (print), the pages carry the document's real structure for screen readers and phones:
 * headings by level, lists, tables with `<th scope>`, attachments as sections, images with their alt text.
 * Text marks use the print renderer's renderLeaves, so bold, faces and superscripts read the same.
 */
import {
  assertNever,
  cumulativeLabel,
  issueLabel,
  plainText,
  squeezeWhitespace,
  tocTitle,
  type BlockElement,
  type GazetteDocument,
  type IssueTree,
  type TableCellElement,
  type TableElement,
} from '../model';
import { attrs, escapeHtml } from './html';
import { minutesHeadAt } from './minutesHead';
import { renderLeaves, tableColumnCount, tidyCjkSpacing } from './toHtml';

/** Where the web edition puts things, relative to its folder. */
export const WEB_FILES = {
  index: 'index.html',
  metadata: 'issue.json',
  style: 'edition.css',
  fonts: 'fonts.css',
  search: 'search.js',
  searchData: 'search-data.js',
  issuePdf: 'pdf/issue.pdf',
} as const;

export interface WebPageRange {
  /** Printed page numbers (folios), first and last. */
  first: number;
  last: number;
}

/** One document of the edition: what issue.json lists and the pages link to. */
export interface WebDocumentMeta {
  id: string;
  title: string;
  docNumber: string;
  /** 发文机关: the title's issuer, else the signature line, else ''. */
  issuer: string;
  /** 成文日期 as ISO yyyy-mm-dd when the date line can be read, else ''. */
  date: string;
  /** The date line as printed (2024年7月15日). */
  dateText: string;
  section: string;
  /** Pages in the issue PDF, when the issue was laid out. */
  pages: WebPageRange | null;
  files: { html: string; pdf: string | null };
}

export interface WebIssueMeta {
  journal: string;
  year: number;
  number: number;
  cumulativeNumber: number;
  date: string;
  title: string;
  files: { index: string; pdf: string | null };
  /** Physical pages of the issue PDF (cover and inside cover included). */
  pdfPages: number | null;
  documents: WebDocumentMeta[];
}

/** Layout facts the edition needs (from main/store/pageMaps.ts and the PDF export's page map). */
export interface WebLayout {
  /** document id -> pages it occupies in the issue PDF */
  pages: Record<string, WebPageRange>;
  pdfPages: number;
}

export interface WebOptions {
  /** URL of an image asset relative to a document page. */
  assetUrl?: (assetId: string) => string;
}

// ---------------------------------------------------------------- metadata

/** A file name for a document page or PDF: its id when that is URL-safe, else its position. */
export function documentSlug(doc: GazetteDocument, index: number): string {
  return /^[A-Za-z0-9_-]{1,80}$/.test(doc.id) ? doc.id : `doc-${String(index + 1).padStart(3, '0')}`;
}

/** 2024年7月15日 -> 2024-07-15 ('' when the text is not such a date). */
export function isoDateOf(text: string): string {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
}

function issuerOf(doc: GazetteDocument): string {
  const title = doc.content.blocks.find((b) => b.type === 'doc-title');
  if (title?.type === 'doc-title' && title.issuer) return title.issuer;
  const signature = doc.content.blocks.find((b) => b.type === 'signature');
  if (signature) return plainText(signature).trim();
  // 关于… titles of the city's office carry the issuer before 关于.
  const text = plainText(title ?? { type: 'paragraph', children: [{ text: '' }] }).trim();
  const at = text.indexOf('关于');
  return at > 0 ? text.slice(0, at) : '';
}

function dateTextOf(doc: GazetteDocument): string {
  const line = doc.content.blocks.find((b) => b.type === 'date-line');
  return line ? plainText(line).trim() : '';
}

/** The title of the issue: 格尔木市人民政府政务公开信息 2024年第6期. */
export function issueTitle(tree: IssueTree): string {
  const { issue } = tree;
  return `${issue.journalName} ${issueLabel(issue)}`;
}

export function webMetadata(tree: IssueTree, layout: WebLayout | null): WebIssueMeta {
  const { issue } = tree;
  let index = 0;
  const documents = tree.sections.flatMap((section) =>
    section.documents.map((doc) => {
      const slug = documentSlug(doc, index++);
      const dateText = dateTextOf(doc);
      const pages = layout?.pages[doc.id] ?? null;
      return {
        id: doc.id,
        title: tocTitle(doc),
        docNumber: doc.docNumber,
        issuer: issuerOf(doc),
        date: isoDateOf(dateText),
        dateText,
        section: section.name,
        pages,
        files: { html: `docs/${slug}.html`, pdf: pages ? `pdf/${slug}.pdf` : null },
      };
    }),
  );
  return {
    journal: issue.journalName,
    year: issue.year,
    number: issue.number,
    cumulativeNumber: issue.cumulativeNumber,
    date: issue.date,
    title: issueTitle(tree),
    files: { index: WEB_FILES.index, pdf: layout ? WEB_FILES.issuePdf : null },
    pdfPages: layout?.pdfPages ?? null,
    documents,
  };
}

// ---------------------------------------------------------------- document body

function inline(children: Parameters<typeof renderLeaves>[0]): string {
  return renderLeaves(children);
}

function cellText(cell: TableCellElement): string {
  return squeezeWhitespace(cell.children.map(plainText).join(''));
}

function cellContent(cell: TableCellElement): string {
  return cell.children.length === 1 ? inline(cell.children[0].children) : cell.children.map((p) => `<p>${inline(p.children)}</p>`).join('');
}

/**
 * A table for reading: header rows as `<th scope="col|colgroup">`. A table without header rows (a form
 * to fill in, or a table continued from an earlier page) gets its first column as row headers, so every
 * cell has a header to be read with.
 */
export function webTable(table: TableElement, label: string): string {
  const cols = tableColumnCount(table);
  const rowHeaders = table.headerRows === 0 && cols >= 2;
  const row = (cells: TableCellElement[], header: boolean) =>
    cells
      .map((cell, i) => {
        const span = { rowspan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined, colspan: (cell.colSpan ?? 1) > 1 ? cell.colSpan : undefined };
        // An empty cell in a header row (a form's blank) heads nothing: a plain cell.
        if (header && cellText(cell) !== '') return `<th${attrs({ scope: (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col', ...span })}>${cellContent(cell)}</th>`;
        if (rowHeaders && i === 0 && cellText(cell) !== '') return `<th${attrs({ scope: (cell.rowSpan ?? 1) > 1 ? 'rowgroup' : 'row', ...span })}>${cellContent(cell)}</th>`;
        return `<td${attrs(span)}>${cellContent(cell)}</td>`;
      })
      .join('');
  const head = table.children.slice(0, table.headerRows).map((r) => `<tr>${row(r.children, true)}</tr>`).join('');
  const body = table.children.slice(table.headerRows).map((r) => `<tr>${row(r.children, false)}</tr>`).join('');
  // A wide table scrolls inside its own region on a phone; the region is focusable so keyboards can scroll it.
  return (
    `<div${attrs({ class: `table-scroll${cols >= 6 ? ' table-wide' : ''}`, role: 'region', tabindex: 0, 'aria-label': label })}>` +
    `<table style="--cols:${cols}">${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table></div>`
  );
}

/** Name lists (姓名 | 职务 pairs) and leader lists (组长：| 姓名 | 职务) read as lists, not as tables. */
function webNameList(table: TableElement): string {
  const items: string[] = [];
  for (const tableRow of table.children) {
    const cells = tableRow.children;
    const step = table.variant === 'name-list' && cells.length % 2 === 0 ? 2 : cells.length;
    for (let i = 0; i < cells.length; i += step) {
      const group = cells.slice(i, i + step).filter((c) => cellText(c) !== '');
      if (group.length) items.push(`<li>${group.map((c) => `<span class="cell">${cellContent(c)}</span>`).join('')}</li>`);
    }
  }
  return `<ul class="name-list">${items.join('')}</ul>`;
}

function headingTag(level: number, inAttachment: boolean): string {
  return `h${Math.min(6, level + (inAttachment ? 2 : 1))}`;
}

interface BodyState {
  inAttachment: boolean;
  tables: number;
  title: string;
}

function webBlock(block: BlockElement, state: BodyState, opts: WebOptions): string {
  switch (block.type) {
    case 'heading': {
      const tag = headingTag(block.level, state.inAttachment);
      return `<${tag}>${inline(block.children)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${attrs({ class: block.align && block.align !== 'justify' ? `align-${block.align}` : block.indent === false ? 'noindent' : undefined })}>${inline(block.children)}</p>`;
    case 'addressee':
      return `<p class="addressee">${inline(block.children)}</p>`;
    case 'signature':
      return `<p class="signature">${inline(block.children)}</p>`;
    case 'date-line':
      return `<p class="date-line">${inline(block.children)}</p>`;
    case 'chronicle-entry':
      return `<p class="chronicle">${inline(block.children)}</p>`;
    case 'checkbox':
      return `<p class="checkbox"><span aria-hidden="true">${block.checked ? '☑' : '☐'}</span><span class="visually-hidden">${block.checked ? '（已选）' : '（未选）'}</span>${inline(block.children)}</p>`;
    case 'attachment-list':
      return (
        `<div class="attachment-list"><p class="attachment-label">附件：</p><ul>` +
        block.children.map((item) => `<li>${item.number ? `<span class="number">${escapeHtml(item.number)}</span>` : ''}${inline(item.children)}</li>`).join('') +
        `</ul></div>`
      );
    case 'image': {
      const src = opts.assetUrl ? opts.assetUrl(block.assetId) : '';
      return `<figure><img${attrs({ src, alt: block.alt ?? '', loading: 'lazy' })}></figure>`;
    }
    case 'table': {
      state.tables++;
      const label = `${state.title}：表${state.tables}`;
      return block.variant === 'name-list' || block.variant === 'leader-list' ? webNameList(block) : webTable(block, label);
    }
    case 'page-break':
      return '';
    case 'doc-number':
      return `<p class="doc-number">${inline(block.children)}</p>`;
    case 'doc-title':
      return `<h2 class="doc-title">${inline(block.children)}</h2>`;
    case 'attachment-heading':
      return `<p class="attachment-heading">${inline(block.children)}</p>`;
    default:
      return assertNever(block, 'block type');
  }
}

/**
 * A document's body: its own title as the page's h1 and 文号, the text, then each attachment as a
 * `<section>` headed by its 附件N line and title (h2).
 */
export function webDocumentBody(doc: GazetteDocument, opts: WebOptions = {}): string {
  const out: string[] = [];
  const state: BodyState = { inAttachment: false, tables: 0, title: tocTitle(doc) || '表格' };
  const blocks = doc.content.blocks;
  const minutesHead = minutesHeadAt(blocks);
  let seenTitle = false;
  let open = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (i === minutesHead) {
      // A 纪要's 「机关 日期」 line: one line, organ left, date right, as the print sets it (GB/T 9704 纪要格式).
      const [organ, date] = [block, blocks[++i]] as Array<{ children: Parameters<typeof inline>[0] }>;
      out.push(`<p class="minutes-head"><span class="organ">${inline(organ.children)}</span><span class="date">${inline(date.children)}</span></p>`);
      continue;
    }
    if (block.type === 'attachment-heading') {
      if (open) out.push('</section>');
      state.inAttachment = true;
      open = true;
      const title = blocks[i + 1]?.type === 'doc-title' ? blocks[++i] : undefined;
      const id = `attachment-${out.length}`;
      out.push(
        `<section class="attachment"${attrs({ 'aria-labelledby': id })}><h2${attrs({ id })}><span class="attachment-heading">${inline(block.children)}</span>` +
          (title ? `<span class="attachment-title">${inline((title as { children: Parameters<typeof renderLeaves>[0] }).children)}</span>` : '') +
          `</h2>`,
      );
      continue;
    }
    if (block.type === 'doc-title' && !seenTitle && !state.inAttachment) {
      seenTitle = true;
      out.push(`<h1 class="doc-title">${escapeHtml(tidyCjkSpacing(plainText(block)))}</h1>`);
      continue;
    }
    out.push(webBlock(block, state, opts));
  }
  if (open) out.push('</section>');
  return out.filter(Boolean).join('\n');
}

// ---------------------------------------------------------------- pages

function page(opts: { title: string; root: string; body: string; scripts?: string[]; description?: string }): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
${opts.description ? `<meta name="description" content="${escapeHtml(opts.description)}">\n` : ''}<link rel="stylesheet" href="${opts.root}${WEB_FILES.fonts}">
<link rel="stylesheet" href="${opts.root}${WEB_FILES.style}">
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
${opts.body}
${(opts.scripts ?? []).map((src) => `<script src="${opts.root}${src}" defer></script>`).join('\n')}
</body>
</html>
`;
}

function pagesText(pages: WebPageRange | null): string {
  if (!pages) return '';
  return pages.first === pages.last ? `第${pages.first}页` : `第${pages.first}–${pages.last}页`;
}

function pdfLink(href: string, label: string, pages?: number | null): string {
  return `<a class="download"${attrs({ href, type: 'application/pdf' })}>${escapeHtml(label)}${pages ? `<span class="muted">（PDF，${pages}页）</span>` : '<span class="muted">（PDF）</span>'}</a>`;
}

/** The page of one document. */
export function webDocumentPage(
  doc: GazetteDocument,
  meta: WebDocumentMeta,
  issue: WebIssueMeta,
  nav: { previous?: WebDocumentMeta; next?: WebDocumentMeta },
  opts: WebOptions = {},
): string {
  const root = '../';
  const facts: Array<[string, string]> = [
    ['栏目', meta.section],
    ['文号', meta.docNumber],
    ['发文机关', meta.issuer],
    ['成文日期', meta.dateText],
    ['刊登页码', pagesText(meta.pages)],
  ].filter((f): f is [string, string] => f[1] !== '');
  const pdfPages = meta.pages ? meta.pages.last - meta.pages.first + 1 : null;
  const link = (m: WebDocumentMeta | undefined, rel: string, label: string) =>
    m ? `<li><a${attrs({ href: `${root}${m.files.html}`, rel })}><span class="muted">${label}</span>${escapeHtml(m.title)}</a></li>` : '';
  const body = `<header class="masthead">
<p class="masthead-name"><a href="${root}${WEB_FILES.index}">${escapeHtml(issue.journal)}</a></p>
<p class="masthead-issue">${escapeHtml(`${issueLabel(issue)}（${cumulativeLabel(issue.cumulativeNumber)}）`)}</p>
</header>
<nav class="breadcrumb" aria-label="位置"><ol><li><a href="${root}${WEB_FILES.index}">本期目录</a></li><li>${escapeHtml(meta.section)}</li></ol></nav>
<main id="main">
<article class="document" data-doc-id="${escapeHtml(doc.id)}">
<div class="doc-body">
${webDocumentBody(doc, opts)}
</div>
<aside class="doc-facts" aria-label="文件信息">
<dl>${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
${meta.files.pdf ? `<p>${pdfLink(`${root}${meta.files.pdf}`, '下载本文 PDF', pdfPages)}</p>` : ''}
</aside>
</article>
</main>
<nav class="pager" aria-label="上一篇和下一篇"><ul>${link(nav.previous, 'prev', '上一篇：')}${link(nav.next, 'next', '下一篇：')}</ul></nav>
${footer(issue, root)}`;
  return page({ title: `${meta.title} — ${issue.title}`, root, body, description: meta.docNumber ? `${meta.title}（${meta.docNumber}）` : meta.title });
}

function footer(issue: WebIssueMeta, root: string): string {
  return `<footer class="site-footer"><p>${escapeHtml(`${issue.journal}\u3000${issueLabel(issue)}`)}${
    issue.files.pdf ? `\u3000<a href="${root}${issue.files.pdf}" type="application/pdf">整期 PDF</a>` : ''
  }\u3000<a href="${root}${WEB_FILES.metadata}" type="application/json">元数据（JSON）</a></p></footer>`;
}

/** The issue's index page: cover data, the issue PDF, search (shown by script), the TOC by section. */
export function webIndexPage(tree: IssueTree, issue: WebIssueMeta): string {
  const fm = tree.issue.frontMatter;
  const bySection = new Map<string, WebDocumentMeta[]>();
  for (const doc of issue.documents) bySection.set(doc.section, [...(bySection.get(doc.section) ?? []), doc]);
  const toc = [...bySection.entries()]
    .map(([section, docs], s) => {
      const id = `section-${s + 1}`;
      const entries = docs
        .map(
          (d) =>
            `<li class="toc-entry"><a class="toc-title"${attrs({ href: d.files.html })}>${escapeHtml(d.title)}</a>` +
            `${d.docNumber ? `<span class="toc-docno">${escapeHtml(d.docNumber)}</span>` : ''}` +
            `${d.pages ? `<span class="toc-page">${escapeHtml(pagesText(d.pages))}</span>` : ''}` +
            `${d.files.pdf ? `<a class="toc-pdf"${attrs({ href: d.files.pdf, type: 'application/pdf' })}>PDF<span class="visually-hidden">：${escapeHtml(d.title)}</span></a>` : ''}</li>`,
        )
        .join('');
      return `<section class="toc-section" aria-labelledby="${id}"><h3 id="${id}">${escapeHtml(section)}</h3><ol class="toc-list">${entries}</ol></section>`;
    })
    .join('\n');
  const nameLines = fm.journalNameLines.length ? fm.journalNameLines : [issue.journal];
  const body = `<header class="cover">
<h1 class="cover-name">${nameLines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}<span class="visually-hidden">${escapeHtml(issueLabel(issue))}</span></h1>
${fm.tagline ? `<p class="cover-tagline">${escapeHtml(fm.tagline)}</p>` : ''}
<p class="cover-number">${escapeHtml(issueLabel(issue))}<span class="cover-cumulative">${escapeHtml(cumulativeLabel(issue.cumulativeNumber))}</span></p>
<dl class="cover-facts">
${[
  ['出版日期', issue.date],
  ['主管', fm.supervisor],
  ['主办', fm.sponsor],
]
  .filter(([, v]) => v)
  .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
  .join('')}
</dl>
${issue.files.pdf ? `<p>${pdfLink(issue.files.pdf, '下载整期 PDF', issue.pdfPages)}</p>` : ''}
</header>
<main id="main">
<form class="search" role="search" action="#" hidden data-search>
<label for="search-input">在本期中查找（标题、文号或正文）</label>
<div class="search-row"><input id="search-input" type="search" name="q" autocomplete="off"><button type="submit">查找</button></div>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results"></ol>
</form>
<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">目录</h2>
${toc}
</nav>
</main>
${footer(issue, '')}`;
  return page({ title: issue.title, root: '', body, scripts: [WEB_FILES.searchData, WEB_FILES.search], description: `${issue.title}（${cumulativeLabel(issue.cumulativeNumber)}）` });
}

// ---------------------------------------------------------------- search

export interface WebSearchEntry {
  title: string;
  docNumber: string;
  section: string;
  href: string;
  /** The document's text, whitespace squeezed (the words searched). */
  text: string;
}

/** The search data: every document's title, 文号 and text, searched in the page without a server. */
export function webSearchEntries(tree: IssueTree, issue: WebIssueMeta): WebSearchEntry[] {
  const docs = new Map(tree.sections.flatMap((s) => s.documents.map((d) => [d.id, d] as const)));
  return issue.documents.map((meta) => {
    const doc = docs.get(meta.id)!;
    const text = doc.content.blocks
      .map((b) => plainText(b))
      .join('\n')
      .replace(/[ \t\u3000]+/g, '')
      .replace(/\n+/g, ' ');
    return { title: meta.title, docNumber: meta.docNumber, section: meta.section, href: meta.files.html, text };
  });
}

/** search-data.js: a script, not JSON, so it loads from file:// where fetch() of a local file is refused. */
export function webSearchScript(entries: WebSearchEntry[]): string {
  // `<` escaped so no text can close the script element if the file is ever inlined.
  return `window.GAZETTE_SEARCH = ${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`;
}

// ---------------------------------------------------------------- pages of each document

/**
 * Printed pages of every document from the print layout's page map. A document ends where the next one
 * in its pagination unit starts (人事任免 notices share pages, so that page belongs to both), or at the
 * unit's last page.
 */
export function webPageRanges(tree: IssueTree, pageMap: { documents: Record<string, number>; units: Record<string, { first: number; count: number }> }): Record<string, WebPageRange> {
  const ranges: Record<string, WebPageRange> = {};
  const docs = tree.sections.flatMap((s) => s.documents);
  // Units are keyed by their first document's id; the documents up to the next unit's first belong to it.
  let unitEnd = 0;
  docs.forEach((doc, i) => {
    const unit = pageMap.units[doc.id];
    if (unit) unitEnd = unit.first + unit.count - 1;
    const first = pageMap.documents[doc.id];
    if (first === undefined) return;
    const next = docs[i + 1];
    const nextFirst = next && !pageMap.units[next.id] ? pageMap.documents[next.id] : undefined;
    ranges[doc.id] = { first, last: Math.max(first, nextFirst ?? unitEnd) };
  });
  return ranges;
}
