/**
 * Plain-text import: the reference issue's shape (front matter, TOC, documents) or a single pasted
 * document. Pure, never throws, never drops text: what it cannot place becomes a plain paragraph
 * and a warning naming the line.
 */
import {
  DEFAULT_PRINT_SETTINGS,
  deriveTitleAndNumber,
  newId,
  normalizeContent,
  plainText,
  nowIso,
  squeezeWhitespace,
  type BlockElement,
  type DocTitleElement,
  type DocumentContent,
  type DocumentKind,
  type DocumentMeta,
  type GazetteDocument,
  type ImportWarning,
  type IssueTree,
  type Section,
} from '../model';
import { buildBody, toUnits } from './blocks';
import { ISSUE_LINE, parseFrontMatter, type ParsedFrontMatter, emptyFrontMatter } from './frontMatter';
import { cleanBodyText, squeezeTitle, stripInline } from './inline';
import { isBlank, isTableLine, nextNonBlank, splitLines, type SourceLine } from './lines';
import { isBracketed, isTitleLike, kindFromTitle, startsNewElement } from './patterns';
import { DECREE_NUMBER_LINE, decreeMasthead, endsLikeTitle, isMasthead, isSecrecyOrUrgency, isNote, isOrganName, isPromulgationNote, matchDocNumber } from './gongwen';
import { segmentDocuments, type Segment } from './segment';
import { isTocHeading, parseToc, type ParsedToc, type TocEntry } from './toc';
import { applySourceFaces } from './sourceFaces';
import { pageInfoDocNumber, stripPageChrome } from './pageChrome';
import { splitOrganAndDate, stripConverterMarkup } from './markup';
import { stripPrintedPageLines } from './printedPage';
import { warning } from './warnings';
import { normalizeImportedPunctuation } from '../text/punctuation';

export interface IssueImport {
  tree: IssueTree;
  warnings: ImportWarning[];
}

export interface DocumentImport {
  content: DocumentContent;
  warnings: ImportWarning[];
}

// ---------------------------------------------------------------- one document

const ISSUER = /^(.{2,24}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管理局|局))关于/;

/** The document title block: 格尔木市人民政府办公室 关于… -> issuer + full title text. */
export function titleBlock(rawLines: string[]): DocTitleElement {
  const text = squeezeTitle(stripInline(rawLines.join(' ')));
  const block: DocTitleElement = { type: 'doc-title', children: [{ text }] };
  const m = ISSUER.exec(text);
  if (m) block.issuer = m[1];
  return block;
}

interface Header {
  titleLines: SourceLine[];
  docNumber?: string;
  /** The 文号 line as written used other brackets than 〔〕 (normalised, with a warning). */
  docNumberLine?: SourceLine;
  /** 版头 lines: kept as metadata, never the title. */
  masthead: string[];
  /** Lines before the header without any Chinese (a URL, a page directive, a file name): kept as paragraphs. */
  preamble: SourceLine[];
  /** How the title's end was found: under it a 文号 or 主送, or its text ending with a 文种 word, or a guess. */
  titleEndBy?: 'anchor' | 'kind' | 'guess';
  bodyStart: number;
}

/** 签发人：王建国 on a 上行文's 文号 line: part of the 版头, kept with it. */
function signerOf(line: string): string | undefined {
  const m = /签发人[：:]\s*(.+)$/.exec(squeezeWhitespace(line));
  return m ? `签发人：${m[1]}` : undefined;
}

/** The first centred line among the first six non-blank lines from k, when the lines carry alignment and the ones before it are short; else -1. */
function firstCentredLine(lines: SourceLine[], k: number, end: number): number {
  if (!lines.some((l) => l.align !== undefined)) return -1; // plain text: no alignment to go by
  let j = k;
  for (let n = 0; j >= 0 && n < 6; n++, j = nextNonBlank(lines, j + 1, end)) {
    if (lines[j].align === 'center') return j;
    if (lines[j].table || squeezeWhitespace(lines[j].text).length > 40) return -1;
  }
  return -1;
}

/** A 文号 or 版头 line (XX文件, 密级, 紧急程度): the start of a 公文's header wherever the page set it. */
function isHeaderLine(line: SourceLine): boolean {
  return !line.table && !line.image && (matchDocNumber(line.text) !== undefined || isMasthead(line.text));
}

/** Could this line be (part of) a title? Short, no sentence punctuation, no element marker. */
function titleCandidate(line: SourceLine): boolean {
  const t = line.text;
  return (
    !isTableLine(line) &&
    isTitleLike(t) &&
    squeezeWhitespace(t).length <= 60 &&
    !startsNewElement(t) &&
    !matchDocNumber(t) &&
    !isPromulgationNote(t) &&
    !isNote(t) &&
    !isBracketed(t) &&
    !isMasthead(t)
  );
}

/**
 * 版头 lines (XX文件, 密级, a 令's name and number, an organ line above a 文号) and a 文号 above the title, from
 * line k: recorded in the header; returns the first line after them and the 令's name when the 版头 is a 令's.
 */
function readMasthead(lines: SourceLine[], from: number, end: number, header: Header): { k: number; decree?: string } {
  let k = from;
  let decree: string | undefined;
  for (let guard = 0; k >= 0 && guard < 6; guard++) {
    const t = lines[k].text;
    const next = nextNonBlank(lines, k + 1, end);
    const nextText = next >= 0 ? lines[next].text : '';
    if (isMasthead(t)) {
      header.masthead.push(squeezeWhitespace(t));
      decree = decreeMasthead(t) ?? decree;
    } else if (decree && DECREE_NUMBER_LINE.test(squeezeWhitespace(t)) && !header.docNumber) {
      header.docNumber = `${decree}${squeezeWhitespace(t).replace(/[（()）]/g, '')}`;
      // The 令号 is part of the 版头: printed in brackets (（第四十号）), it is kept there as written.
      if (/[（()）]/.test(t)) header.masthead.push(squeezeWhitespace(t));
    } else if (!header.docNumber && matchDocNumber(t)) {
      header.docNumber = matchDocNumber(t)!.text;
      header.docNumberLine = lines[k];
      const signer = signerOf(t);
      if (signer) header.masthead.push(signer);
    } else if (isOrganName(t) && !header.docNumber && (isMasthead(nextText) || matchDocNumber(nextText))) {
      header.masthead.push(squeezeWhitespace(t));
    } else break;
    k = next;
  }
  return { k, decree };
}

/**
 * Title and 文号 at the top of a segment; titleEnd undefined means "find the title yourself".
 * Order as GB/T 9704 prints it, with what offices do: 版头 (XX文件, a 令's name, an organ line above
 * a 文号) first, then a 文号 either above the title or below it, the title in 1–4 lines. The title
 * ends at the 文号 or 主送 under it; otherwise at the first line where its text ends with a 文种
 * word (通知, 意见, 条例 …); otherwise it is the first line alone.
 */
function parseHeader(lines: SourceLine[], start: number, end: number, titleEnd?: number): Header {
  const header: Header = { titleLines: [], masthead: [], preamble: [], bodyStart: start };
  let k = nextNonBlank(lines, start, end);
  if (titleEnd !== undefined) {
    // A segment that starts at its 版头 (segmentation moved its start up to the XX文件 above the 文号): the
    // 版头 and 文号 are read as in a document of its own; the title is what is left above titleEnd.
    let from = start;
    if (k >= 0 && k < titleEnd && isMasthead(lines[k].text)) {
      const read = readMasthead(lines, k, titleEnd, header);
      if (read.k >= 0 && read.k < titleEnd) from = read.k;
      else {
        header.masthead = [];
        header.docNumber = header.docNumberLine = undefined;
      }
    }
    header.titleLines = lines.slice(from, titleEnd).filter((l) => !isBlank(l));
    k = nextNonBlank(lines, titleEnd, end);
    header.bodyStart = titleEnd;
  } else {
    if (k < 0) return { ...header, bodyStart: end };
    while (k >= 0 && !lines[k].table && !lines[k].image && !/[\u4e00-\u9fff]/.test(lines[k].text)) {
      header.preamble.push(lines[k]);
      k = nextNonBlank(lines, k + 1, end);
    }
    // A page's breadcrumb or navigation (首页 > 政务公开) before centred heading lines: when the source
    // carries alignment (HTML, Word) and a centred line follows within a few lines, what comes before it
    // is not the document's header.
    const firstCentred = firstCentredLine(lines, k, end);
    if (firstCentred > k) {
      // …but a 文号 or a 版头 line there (格政办〔2026〕12号 set flush left or right above the centred title) is the
      // header's own: the page's lines end above it.
      let j = k;
      for (; j >= 0 && j < firstCentred && !isHeaderLine(lines[j]); j = nextNonBlank(lines, j + 1, end)) header.preamble.push(lines[j]);
      k = j >= 0 && j < firstCentred ? j : firstCentred;
    }
    if (k < 0) return { ...header, bodyStart: end };
    // A title above the 版头 is the page's heading (a 令 page's <h1>): a 公文 starts with its 版头.
    const below = nextNonBlank(lines, k + 1, end);
    if (below >= 0 && titleCandidate(lines[k]) && isMasthead(lines[below].text) && !isSecrecyOrUrgency(lines[below].text)) {
      header.preamble.push(lines[k]);
      k = below;
    }
    // 版头 and a 文号 above the title.
    let decree: string | undefined;
    ({ k, decree } = readMasthead(lines, k, end, header));
    header.bodyStart = k < 0 ? end : k;
    // A 令 has no title of its own: its body follows its number; the decreed text's title comes later.
    if (decree) return header;
    if (k < 0) return header;
    const candidates: number[] = [];
    for (let j = k; j >= 0 && j < end && candidates.length < 4; j = nextNonBlank(lines, j + 1, end)) {
      if (!titleCandidate(lines[j])) break;
      candidates.push(j);
    }
    if (candidates.length) {
      let count = 0;
      const after = (n: number) => nextNonBlank(lines, candidates[n - 1] + 1, end);
      for (let n = candidates.length; n >= 1 && !count; n--) {
        const a = after(n);
        if (a >= 0 && !header.docNumber && matchDocNumber(lines[a].text)) count = n;
      }
      header.titleEndBy = 'anchor';
      if (!count && candidates.length >= 1) {
        const a = after(candidates.length);
        const text = a >= 0 ? squeezeWhitespace(lines[a].text) : '';
        if (candidates.length > 1 && /[：:]$/.test(text) && text.length <= 200) count = candidates.length;
      }
      if (!count) {
        header.titleEndBy = 'kind';
        let acc = '';
        for (let n = 1; n <= candidates.length && !count; n++) {
          acc += squeezeWhitespace(lines[candidates[n - 1]].text);
          if (endsLikeTitle(acc)) count = n;
        }
      }
      if (!count) {
        count = 1;
        header.titleEndBy = candidates.length > 1 ? 'guess' : 'kind';
      }
      header.titleLines = candidates.slice(0, count).map((j) => lines[j]);
      header.bodyStart = candidates[count - 1] + 1;
      k = nextNonBlank(lines, header.bodyStart, end);
    }
  }
  if (k >= 0 && !header.docNumber && matchDocNumber(lines[k].text)) {
    header.docNumber = matchDocNumber(lines[k].text)!.text;
    header.docNumberLine = lines[k];
    const signer = signerOf(lines[k].text);
    if (signer) header.masthead.push(signer);
    header.bodyStart = k + 1;
  }
  return header;
}

interface BuiltDocument {
  content: DocumentContent;
  kind: DocumentKind;
}

function buildDocument(lines: SourceLine[], seg: { start: number; end: number; titleEnd?: number; titleBelow?: boolean }, warnings: ImportWarning[]): BuiltDocument {
  const header = parseHeader(lines, seg.start, seg.end, seg.titleBelow ? undefined : seg.titleEnd);
  const blocks: BlockElement[] = [];
  for (const l of header.preamble) {
    blocks.push({ type: 'paragraph', children: [{ text: l.text.trim() }] });
    warnings.push(warning('unplaced-line', l.no, l.text));
  }
  let title = '';
  if (header.titleLines.length) {
    const block = titleBlock(header.titleLines.map((l) => l.text));
    title = block.children[0].text;
    blocks.push(block);
    if (header.titleLines.length > 1 && header.titleEndBy === 'kind') warnings.push(warning('title-joined', header.titleLines[0].no, title, `${header.titleLines.length} 行`));
    if (header.titleEndBy === 'guess') warnings.push(warning('title-guessed', header.titleLines[0].no, title));
  } else if (!header.docNumber || !header.masthead.length) {
    const first = nextNonBlank(lines, seg.start, seg.end);
    warnings.push(warning('title-not-found', first >= 0 ? lines[first].no : undefined, first >= 0 ? lines[first].text : undefined));
  }
  if (header.docNumber) {
    blocks.push({ type: 'doc-number', children: [{ text: header.docNumber }] });
    const raw = header.docNumberLine ? matchDocNumber(header.docNumberLine.text) : undefined;
    if (raw?.bracketsChanged) warnings.push(warning('doc-number-normalised', header.docNumberLine!.no, header.docNumberLine!.text, header.docNumber));
  }
  for (const m of header.masthead) warnings.push(warning('masthead-kept', undefined, m));
  if (header.masthead.some((m) => decreeMasthead(m)) && !title) warnings.push(warning('decree-title', undefined, header.docNumber));
  const kind = kindFromTitle(title, header.docNumber ?? '');
  // GB/T 9704's 令 has no 主送: its first line ending in ： (根据…的决定：) is body text.
  const decreeName = header.masthead.find((m) => decreeMasthead(m));
  const body = buildBody(toUnits(lines, header.bodyStart, seg.end), kind, warnings, kind !== 'chronicle' && !decreeName);
  blocks.push(...body.blocks);
  // A 令 that decrees no text of its own (a 任免, a 命令) has no name but its 版头: that is its title.
  if (decreeName && !title && !blocks.some((b) => b.type === 'doc-title')) {
    title = decreeName;
    blocks.unshift({ type: 'doc-title', children: [{ text: decreeName }] });
    const said = warnings.findIndex((w) => w.code === 'decree-title' && w.text === header.docNumber);
    if (said >= 0) warnings.splice(said, 1, warning('decree-title-masthead', undefined, decreeName));
  }
  // A 令's title is that of the text it promulgates (the first title after its date); so is a document that
  // starts with its number. A regulation's 题注 carries the 文号 and date when there is no 文号 line.
  if (!title) title = blocks.find((b) => b.type === 'doc-title')?.children.map((c) => c.text).join('') ?? '';
  dropRepeatedPageTitle(blocks, header.preamble, title, warnings);
  if (!header.docNumber && body.noteDocNumber) {
    blocks.splice(title ? 1 : 0, 0, { type: 'doc-number', children: [{ text: body.noteDocNumber }] });
  }

  const headed = new Set(body.headed.map((h) => h.n));
  const missing = body.listed.filter((n) => !headed.has(n));
  if (body.headed.length && missing.length) warnings.push(warning('attachment-missing', body.listLine, title, `附件${missing.join('、')}`));
  const listed = new Set(body.listed);
  for (const h of body.headed) if (body.listed.length > 1 && !listed.has(h.n)) warnings.push(warning('attachment-unlisted', h.line, `附件${h.n}`));
  const meta: DocumentMeta = {};
  if (header.masthead.length) meta.masthead = header.masthead;
  if (body.colophon.length) meta.colophon = body.colophon;
  return { content: normalizeContent({ blocks, ...(meta.masthead || meta.colophon ? { meta } : {}) }), kind: kindFromTitle(title, header.docNumber ?? body.noteDocNumber ?? '') };
}

/**
 * A web page's own heading (<h1> above the text) repeats the title the document prints under its 版头 (a
 * 令's promulgated text): that preamble line is the page's, not a paragraph of the document.
 */
function dropRepeatedPageTitle(blocks: BlockElement[], preamble: SourceLine[], title: string, warnings: ImportWarning[]): void {
  const wanted = squeezeWhitespace(title);
  if (!wanted) return;
  for (const l of preamble) {
    if (squeezeWhitespace(l.text) !== wanted) continue;
    const at = blocks.findIndex((b) => b.type === 'paragraph' && squeezeWhitespace(b.children.map((c) => ('text' in c ? c.text : '')).join('')) === wanted);
    if (at < 0) continue;
    blocks.splice(at, 1);
    const said = warnings.findIndex((w) => w.code === 'unplaced-line' && w.line === l.no);
    if (said >= 0) warnings.splice(said, 1, warning('page-chrome-dropped', l.no, l.text.trim(), '与文件标题重复的网页标题'));
  }
}

/** Every non-empty line as a plain paragraph: the last resort, so nothing is lost. */
function plainContent(text: string): DocumentContent {
  const blocks = splitLines(text)
    .filter((l) => !isBlank(l))
    .map((l) => ({ type: 'paragraph', children: [{ text: l.text.trim() }] }));
  return normalizeContent({ blocks });
}

/** Callers may pass anything at runtime (IPC, paste handlers); never let the conversion throw. */
function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // A number or boolean reads as its digits; an object has no text (String() would give "[object Object]").
    return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
  } catch {
    return '';
  }
}

export function importDocumentFromText(text: string): DocumentImport {
  const source = safeString(text);
  const warnings: ImportWarning[] = [];
  try {
    // Text copied from a web page carries the page's own lines (breadcrumb, 发布时间, 打印本页) as a file does.
    const { lines, dropped } = stripPageChrome(withoutMarkup(splitLines(source), warnings));
    for (const run of chromeRuns(dropped)) warnings.push(warning('page-chrome-dropped', run[0].no, run[0].text.trim() || '（表格）', chromeDetail(run)));
    const built = buildDocument(lines, { start: 0, end: lines.length }, warnings);
    return { content: normalizeImportedPunctuation(built.content, warnings), warnings };
  } catch (error) {
    return { content: plainContent(source), warnings: [warning('internal-error', undefined, undefined, String(error))] };
  }
}

// ---------------------------------------------------------------- the issue

const SECTION_BY_KIND: Record<DocumentKind, string> = {
  notice: '市政府办公室文件',
  other: '市政府办公室文件',
  personnel: '人事任免',
  chronicle: '大事记',
};

interface Placed {
  key: number;
  sectionIndex: number;
  content: DocumentContent;
  kind: DocumentKind;
}

function placeholder(entry: TocEntry): DocumentContent {
  const blocks: BlockElement[] = [titleBlock([entry.title])];
  if (entry.docNumber) blocks.push({ type: 'doc-number', children: [{ text: entry.docNumber }] });
  return normalizeContent({ blocks });
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Issue date: the latest of the documents' closing dates and the last day of the 大事记's month
 * (an issue is published after the events it records). Without either: 1 January of the year.
 */
export function deriveIssueDate(contents: DocumentContent[], year: number): string {
  let best = '';
  for (const content of contents) {
    for (const b of content.blocks) {
      if (b.type === 'date-line') {
        const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(b.children.map((c) => c.text).join(''));
        if (m) best = maxDate(best, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
      }
      if (b.type === 'doc-title') {
        const m = /^(\d{1,2})月份?大事记$/.exec(b.children.map((c) => c.text).join(''));
        if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
          const last = new Date(Date.UTC(year, Number(m[1]), 0)).getUTCDate();
          best = maxDate(best, isoDate(year, Number(m[1]), last));
        }
      }
    }
  }
  return best || isoDate(year, 1, 1);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The 文号 under the document's title (or first, without a title). */
function withDocNumber(content: DocumentContent, docNumber: string): DocumentContent {
  const blocks = [...content.blocks];
  const at = blocks.findIndex((b) => b.type === 'doc-title');
  blocks.splice(at + 1, 0, { type: 'doc-number', children: [{ text: docNumber }] });
  return normalizeContent({ ...content, blocks });
}

/** Dropped page lines in runs (the page's head, its tail): one warning each, not one per menu item. */
function chromeRuns(dropped: SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (const l of dropped) {
    const last = runs[runs.length - 1];
    if (last && l.no - last[last.length - 1].no <= 3) last.push(l);
    else runs.push([l]);
  }
  return runs;
}

/** The run's lines, quoted (shortened), so the report shows what was left out. */
function chromeDetail(run: SourceLine[]): string {
  const quoted = run.map((l) => squeezeWhitespace(l.table ? plainText(l.table).replace(/\s+/g, ' ') : l.text) || '（表格）').join(' / ');
  return `${run.length} 行：${quoted.length > 120 ? `${quoted.slice(0, 120)}…` : quoted}`;
}

/** A converter's markup (markup.ts) taken out of the lines (one warning per run of dropped lines), a 署名 and date on one line split. */
function withoutMarkup(sourceLines: SourceLine[], warnings: ImportWarning[]): SourceLine[] {
  const { lines, dropped } = stripConverterMarkup(sourceLines);
  for (const run of chromeRuns(dropped)) warnings.push(warning('markup-dropped', run[0].no, run[0].text.trim(), chromeDetail(run)));
  // A text copied from a PDF: its folios and running heads (printedPage.ts), so a sentence cut by a page joins up.
  const printed = stripPrintedPageLines(lines);
  if (printed.dropped.length) warnings.push(warning('print-page-lines-dropped', printed.dropped[0].no, printed.dropped[0].text.trim(), chromeDetail(printed.dropped)));
  return splitOrganAndDate(printed.lines);
}

function importIssue(sourceLines: SourceLine[]): IssueImport {
  const warnings: ImportWarning[] = [];
  // A web page's own lines (breadcrumb, tools, footer) are not the document's (text copied from a page too).
  const { lines, dropped } = stripPageChrome(withoutMarkup(sourceLines, warnings));
  for (const run of chromeRuns(dropped)) warnings.push(warning('page-chrome-dropped', run[0].no, run[0].text.trim() || '（表格）', chromeDetail(run)));
  const pageDocNumber = dropped.map(pageInfoDocNumber).find(Boolean);
  const tocIndex = lines.findIndex((l, i) => i < 400 && isTocHeading(l));

  let fm: ParsedFrontMatter | null = null;
  let toc: ParsedToc | null = null;
  let bodyFrom = 0;
  // An issue's TOC lists documents with page numbers (and mostly 文号); a document's own 目录 (an 应急预案's
  // 1 总则 / 1.1 …) does not: that one stays inside its document.
  const issueToc = tocIndex >= 0 ? parseToc(lines, tocIndex + 1, parseFrontMatter(lines.slice(0, tocIndex)).journalName) : null;
  const looksLikeIssueToc = !!issueToc && issueToc.entries.length > 0 && issueToc.entries.filter((e) => e.page !== undefined || e.docNumber).length * 2 >= issueToc.entries.length;
  if (tocIndex >= 0 && looksLikeIssueToc) {
    fm = parseFrontMatter(lines.slice(0, tocIndex));
    toc = issueToc;
    bodyFrom = toc!.end;
    for (const l of toc!.unplaced) warnings.push(warning('unplaced-line', l.no, l.text));
    for (const e of toc!.incomplete) warnings.push(warning('toc-entry-incomplete', e.line, e.title));
  }
  const { segments, missing } = segmentDocuments(lines, bodyFrom, toc?.entries ?? []);
  if (!toc) {
    // Front matter without a TOC: only when the text before the first document names an issue.
    const until = segments[0]?.start ?? lines.length;
    const region = lines.slice(0, until);
    if (region.some((l) => ISSUE_LINE.test(squeezeWhitespace(l.text)))) {
      fm = parseFrontMatter(region);
      bodyFrom = until;
    }
  }

  // Text between the TOC (or front matter) and the first document, or the whole text when no
  // document start was found: a document of its own, its title found if it has one.
  const all: Array<Segment | { start: number; end: number; titleEnd?: number; entry?: TocEntry }> = [...segments];
  const firstStart = segments[0]?.start ?? lines.length;
  if (nextNonBlank(lines, bodyFrom, firstStart) >= 0) all.unshift({ start: bodyFrom, end: firstStart });

  const sectionNames = toc ? [...toc.sections] : [];
  const placed: Placed[] = [];
  const entryOrder = new Map<TocEntry, number>((toc?.entries ?? []).map((e, i) => [e, i]));
  let lastSection = 0;
  // A leading region without a title of its own (a page's navigation, a stray line) is no document: its
  // lines go at the top of the next document, each with a warning, so nothing is lost and nothing is invented.
  let carried: BlockElement[] = [];
  for (const seg of all) {
    const regionWarnings: ImportWarning[] = [];
    let built = buildDocument(lines, seg, regionWarnings);
    if (!('entry' in seg && seg.entry) && !('titleEnd' in seg && seg.titleEnd !== undefined) && seg !== all[all.length - 1] && !built.content.blocks.some((b) => b.type === 'doc-title' || b.type === 'doc-number')) {
      for (let i = seg.start; i < seg.end; i++) if (!isBlank(lines[i])) warnings.push(warning('unplaced-line', lines[i].no, lines[i].text));
      carried = [...carried, ...built.content.blocks];
      continue;
    }
    warnings.push(...regionWarnings);
    if (carried.length) {
      built = { ...built, content: normalizeContent({ ...built.content, blocks: [...carried, ...built.content.blocks] }) };
      carried = [];
    }
    let sectionIndex: number;
    if (seg.entry) sectionIndex = seg.entry.sectionIndex;
    else if (toc) {
      sectionIndex = lastSection;
      const first = nextNonBlank(lines, seg.start, seg.end);
      if (first >= 0) warnings.push(warning('document-not-in-toc', lines[first].no, lines[first].text));
    } else {
      const name = SECTION_BY_KIND[built.kind];
      sectionIndex = sectionNames.indexOf(name);
      if (sectionIndex < 0) sectionIndex = sectionNames.push(name) - 1;
    }
    lastSection = sectionIndex;
    placed.push({ key: seg.start, sectionIndex, content: built.content, kind: built.kind });
  }
  // TOC entries not found in the body keep their title and 文号, in TOC order.
  for (const entry of missing) {
    warnings.push(warning('toc-entry-not-found', entry.line, entry.title));
    const idx = entryOrder.get(entry) ?? 0;
    const nextFound = segments.find((s) => s.entry && (entryOrder.get(s.entry) ?? 0) > idx);
    const content = placeholder(entry);
    placed.push({ key: nextFound ? nextFound.start - 0.5 : Number.MAX_SAFE_INTEGER, sectionIndex: entry.sectionIndex, content, kind: kindFromTitle(entry.title, entry.docNumber) });
  }
  placed.sort((a, b) => a.key - b.key);

  // Front-matter lines that fit no field are kept at the top of the first document.
  const unplacedFront = fm?.unplaced ?? [];
  if (unplacedFront.length) {
    for (const l of unplacedFront) warnings.push(warning('unplaced-line', l.no, l.text));
    const extra: BlockElement[] = unplacedFront.map((l) => ({ type: 'paragraph', children: [{ text: cleanBodyText(l.text) }] }));
    if (placed.length === 0) placed.push({ key: 0, sectionIndex: 0, content: normalizeContent({ blocks: extra }), kind: 'other' });
    else placed[0].content = normalizeContent({ blocks: [...extra, ...placed[0].content.blocks] });
  }
  if (sectionNames.length === 0 && placed.length) sectionNames.push(SECTION_BY_KIND[placed[0].kind]);

  const frontMatter = fm?.frontMatter ?? emptyFrontMatter();
  if (toc) {
    frontMatter.sidebarNotice = toc.sidebarNotice;
    frontMatter.sidebarSlogans = toc.sidebarSlogans;
  }
  const issueId = newId();
  const now = nowIso();
  // A page that prints its 文号 only in its information table: the one document gets it from there.
  if (pageDocNumber && placed.length === 1 && !placed[0].content.blocks.some((b) => b.type === 'doc-number')) {
    placed[0].content = withDocNumber(placed[0].content, pageDocNumber);
    warnings.push(warning('doc-number-from-page', undefined, pageDocNumber));
  }
  for (const p of placed) p.content = normalizeImportedPunctuation(p.content, warnings, deriveTitleAndNumber(p.content).title);
  const contents = placed.map((p) => p.content);
  const yearFromDates = /^(\d{4})/.exec(deriveIssueDate(contents, 2000))?.[1];
  const year = fm?.numbers.year ?? (yearFromDates && yearFromDates !== '2000' ? Number(yearFromDates) : new Date(now).getUTCFullYear());
  const sections: IssueTree['sections'] = sectionNames.map((name, position) => {
    const section: Section = { id: newId(), issueId, name, position };
    return { ...section, documents: [] as GazetteDocument[] };
  });
  for (const p of placed) {
    const section = sections[Math.min(p.sectionIndex, sections.length - 1)];
    const { title, docNumber } = deriveTitleAndNumber(p.content);
    section.documents.push({
      id: newId(),
      sectionId: section.id,
      kind: p.kind,
      title,
      docNumber,
      position: section.documents.length,
      content: p.content,
      updatedAt: now,
    });
  }
  const tree: IssueTree = {
    issue: {
      id: issueId,
      journalName: fm?.journalName ?? '',
      year,
      number: fm?.numbers.number ?? 1,
      cumulativeNumber: fm?.numbers.cumulativeNumber ?? 0,
      date: deriveIssueDate(contents, year),
      status: 'draft',
      frontMatter,
      settings: { ...DEFAULT_PRINT_SETTINGS },
      updatedAt: now,
    },
    sections,
  };
  return { tree, warnings };
}

/** Last resort after an internal error: one section, one document, every line a paragraph. */
function fallbackIssue(text: string, error: unknown): IssueImport {
  const issueId = newId();
  const sectionId = newId();
  const now = nowIso();
  const content = plainContent(text);
  return {
    tree: {
      issue: {
        id: issueId,
        journalName: '',
        year: new Date(now).getUTCFullYear(),
        number: 1,
        cumulativeNumber: 0,
        date: now.slice(0, 10),
        status: 'draft',
        frontMatter: emptyFrontMatter(),
        settings: { ...DEFAULT_PRINT_SETTINGS },
        updatedAt: now,
      },
      sections: [
        {
          id: sectionId,
          issueId,
          name: '未分类',
          position: 0,
          documents: [{ id: newId(), sectionId, kind: 'other', title: '', docNumber: '', position: 0, content, updatedAt: now }],
        },
      ],
    },
    warnings: [warning('internal-error', undefined, undefined, String(error))],
  };
}

export function importIssueFromText(text: string): IssueImport {
  const source = safeString(text);
  try {
    return importIssue(splitLines(source));
  } catch (error) {
    return fallbackIssue(source, error);
  }
}

/**
 * The same recogniser on lines that another reader made (HTML and Word paragraphs with their alignment,
 * tables already structured): a whole issue splits into sections and documents, one document stays one.
 */
export function importIssueFromLines(lines: SourceLine[]): IssueImport {
  try {
    const result = importIssue(lines);
    const faces = lines.flatMap((l) => l.faces ?? []);
    if (faces.length) {
      const documents = result.tree.sections.flatMap((s) => s.documents);
      const contents = applySourceFaces(documents.map((d) => d.content), faces);
      documents.forEach((d, i) => (d.content = contents[i]));
    }
    return result;
  } catch (error) {
    return fallbackIssue(lines.map((l) => l.text).join('\n'), error);
  }
}

/** One document from lines another reader made (paste of HTML): no segmentation. */
export function importDocumentFromLines(lines: SourceLine[]): DocumentImport {
  const warnings: ImportWarning[] = [];
  try {
    const kept = withoutMarkup(lines, warnings);
    const built = buildDocument(kept, { start: 0, end: kept.length }, warnings);
    const [content] = applySourceFaces([built.content], lines.flatMap((l) => l.faces ?? []));
    return { content, warnings };
  } catch (error) {
    return { content: plainContent(lines.map((l) => l.text).join('\n')), warnings: [warning('internal-error', undefined, undefined, String(error))] };
  }
}
