/**
 * The body of one document: lines -> units (text lines, tables) -> blocks. Lines the print broke at
 * a page or column end are joined here, because whether a line may continue depends on what the
 * line above is (a title never continues, a sentence cut mid-word does).
 */
import type {
  Align,
  AttachmentItemElement,
  AttachmentListElement,
  BlockElement,
  DocumentKind,
  ImportWarning,
  ParagraphElement,
  ImageElement,
  TableElement,
  TextLeaf,
} from '../model';
import { squeezeWhitespace } from '../model';
import { isBlank, isTableLine, type SourceLine } from './lines';
import { cleanBodyText, parseInline, squeezeTitle, stripInline } from './inline';
import {
  ARTICLE,
  ATTACHMENT_LIST,
  CHAPTER,
  CONTACT,
  DATE_LINE,
  ITEM_NUMBER,
  LEVEL1,
  LEVEL2,
  LEVEL3,
  LEVEL4,
  NOTE,
  endsLeadSentence,
  endsSentence,
  isBracketed,
  isLabelLine,
  isOutlineHeading,
  isTitleLike,
  startsNewElement,
  startsNumbered,
} from './patterns';
import { buildTable, collectTable, leaderRow, type RawTable } from './tables';
import { inheritContinuedHeader } from './tableContinuation';
import { splitAtShapeChange, type SplitReason } from './tableSplit';
import { docNumberInNote, endsLikeAttachmentName, endsLikeTitle, isColophonLine, isNote, isOrganName, isPersonSignature, isPromulgationNote, matchAttachmentHeading, parseDateLine } from './gongwen';
import { warning } from './warnings';

export type Unit =
  | { kind: 'text'; text: string; line: number; marker: boolean; align?: Align; cut?: SplitReason }
  | { kind: 'table'; raw: RawTable; line: number; cut?: SplitReason }
  | { kind: 'built'; block: TableElement | ImageElement; line: number };

/** Lines -> units: tab runs become tables, leader lists without tabs become tables, the rest text. */
export function toUnits(lines: SourceLine[], from: number, to: number): Unit[] {
  const units: Unit[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (line.table || line.image) {
      units.push({ kind: 'built', block: (line.table ?? line.image)!, line: line.no });
      i++;
      continue;
    }
    if (isTableLine(line)) {
      const { table, next } = collectTable(lines, i, to);
      // One run of tab lines may hold two tables (or a table and its notes): each part is a unit.
      for (const part of splitAtShapeChange(table)) {
        if (part.kind === 'text') units.push({ kind: 'text', text: part.text, line: part.line, marker: false, cut: part.cut });
        else units.push({ kind: 'table', raw: part.raw, line: part.raw.lines[0], ...(part.cut ? { cut: part.cut } : {}) });
      }
      i = next;
      continue;
    }
    units.push({ kind: 'text', text: line.text.trim(), line: line.no, marker: line.listMarker, ...(line.align ? { align: line.align } : {}) });
    i++;
  }
  return groupLeaderLists(units);
}

function groupLeaderLists(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const first = unit.kind === 'text' ? leaderRow(unit.text, true) : null;
    if (!first || unit.kind !== 'text') {
      out.push(unit);
      continue;
    }
    const raw: RawTable = { rows: [first], lines: [unit.line], repeatedHeaderLines: [], variant: 'leader-list' };
    let v = u + 1;
    for (; v < units.length; v++) {
      const next = units[v];
      const row = next.kind === 'text' ? leaderRow(next.text, false) : null;
      if (!row || next.kind !== 'text') break;
      raw.rows.push(row);
      raw.lines.push(next.line);
    }
    if (raw.rows.length < 2) {
      out.push(unit);
      continue;
    }
    out.push({ kind: 'table', raw, line: unit.line });
    u = v - 1;
  }
  return out;
}

const SPLIT_DETAIL: Record<SplitReason, string> = {
  header: '此行是另一表头',
  numbering: '序号列此后不再是序号',
};

/** Where a run of tab lines was cut into two tables (or a table and paragraphs), and why. */
function splitWarning(unit: Extract<Unit, { kind: 'text' | 'table' }>) {
  const text = unit.kind === 'text' ? unit.text : unit.raw.rows[0].map((c) => c.trim()).filter(Boolean).join(' ');
  return warning('table-split', unit.line, text, SPLIT_DETAIL[unit.cut!]);
}

type Category =
  | 'title'
  | 'signature'
  | 'annex-note'
  | 'colophon'
  | 'promulgation'
  | 'attachment-heading'
  | 'attachment-list'
  | 'attachment-item'
  | 'date'
  | 'contact'
  | 'note'
  | 'note-item'
  | 'addressee'
  | 'article'
  | 'chapter'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'form-line'
  | 'chronicle'
  | 'paragraph';

const JOINABLE: ReadonlySet<Category> = new Set(['article', 'h2', 'h3', 'h4', 'chronicle', 'paragraph', 'note', 'contact']);

interface State {
  kind: DocumentKind;
  /** Right after a date, a 附注 or an attachment heading: the next title-like line is a title. */
  afterClose: boolean;
  prev: BlockElement['type'] | 'none';
  firstBody: boolean;
  inAttachment: boolean;
  attachmentList: AttachmentListElement | null;
  noteList: boolean;
}

function categorize(text: string, s: State): Category {
  const plain = stripInline(text).trim();
  const squeezed = squeezeWhitespace(plain);
  if (isNote(plain)) return 'annex-note';
  if (isColophonLine(plain)) return 'colophon';
  if (s.afterClose && isTitleLike(plain) && squeezed.length <= 60 && !startsNewElement(plain) && !isBracketed(plain)) return 'title';
  if (matchAttachmentHeading(plain)) return 'attachment-heading';
  if (ATTACHMENT_LIST.test(plain)) return 'attachment-list';
  if (s.attachmentList && ITEM_NUMBER.test(plain) && squeezed.length <= 80 && !/[。；]/.test(squeezed)) return 'attachment-item';
  if (DATE_LINE.test(squeezed) || parseDateLine(squeezed)) return 'date';
  if (s.firstBody && isPromulgationNote(plain)) return 'promulgation';
  if (s.kind === 'chronicle') return 'chronicle';
  if (CONTACT.test(plain)) return 'contact';
  if (NOTE.test(plain)) return 'note';
  if (s.noteList && ITEM_NUMBER.test(plain)) return 'note-item';
  // A 主送 names organs; a sentence that announces what follows (…通知如下：, 纪要如下：) is body text.
  if (s.firstBody && /[：:]$/.test(plain) && plain.length <= 200 && !startsNumbered(plain) && !CONTACT.test(plain) && !NOTE.test(plain) && !/如下\s*[：:]$|[。；！？]/.test(plain)) return 'addressee';
  if (CHAPTER.test(plain.trim())) return 'chapter';
  if (ARTICLE.test(plain)) return 'article';
  if (LEVEL1.test(plain)) return 'h1';
  if (LEVEL2.test(plain)) return 'h2';
  if (LEVEL3.test(plain)) return 'h3';
  if (LEVEL4.test(plain)) return 'h4';
  if (s.inAttachment && plain.length <= 40 && (isLabelLine(plain) || /年\s+月\s+日|_{3,}/.test(plain))) return 'form-line';
  return 'paragraph';
}

/**
 * Lines of a 主送 cut after an organ (each ending with 、 or ，, no sentence) and ended by a line with ：,
 * on consecutive lines: how many (0 when the text at u is not such a run).
 */
export function addresseeLineCount(units: Unit[], u: number): number {
  const short = (t: string) => squeezeWhitespace(t).length <= 60 && !/[。；！？]/.test(t);
  for (let n = 0; n < 4 && u + n < units.length; n++) {
    const unit = units[u + n];
    if (unit.kind !== 'text' || unit.marker || (n > 0 && unit.line !== (units[u + n - 1] as { line: number }).line + 1)) return 0;
    const t = stripInline(unit.text).trim();
    if (!short(t)) return 0;
    // The last organ and its ： read like a short label (市民政局：), which is what it is here.
    if (/[：:]$/.test(t)) return n > 0 && !startsNumbered(t) ? n + 1 : 0;
    if (!/[、，,]$/.test(t) || startsNewElement(t)) return 0;
  }
  return 0;
}

/** A numeric whole-line date (2024-03-05, 2024.3.5) as GB/T 9704 prints it (2024年3月5日); any other text as is. */
export function printedDate(text: string): string {
  if (!/^[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$/.test(text)) return text;
  const iso = parseDateLine(text);
  if (!iso) return text;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** May the paragraph `text` (of category cat) continue on the next line? */
function mayContinue(text: string, cat: Category): boolean {
  if (!JOINABLE.has(cat)) return false;
  const plain = stripInline(text).trim();
  if (isOutlineHeading(plain)) return false;
  // A line that leaves a 《 or “ open was cut inside a name or a quotation, however short it is.
  if (leavesQuoteOpen(plain)) return true;
  return squeezeWhitespace(plain).length >= 15 && !endsSentence(plain) && !isBracketed(plain);
}

/**
 * A paragraph broken by Enter just before its lead sentence closes (…现将有关事项 / 通知如下：): the short line
 * below finishes the sentence, however short the line above. A paragraph that ended its sentence never joins.
 */
function closesSentenceAbove(text: string, cat: Category, next: Unit | undefined): boolean {
  const plain = stripInline(text).trim();
  return JOINABLE.has(cat) && next?.kind === 'text' && !endsSentence(plain) && !isOutlineHeading(plain) && !isBracketed(plain) && endsLeadSentence(stripInline(next.text));
}

/** More 《 than 》 (or “ than ”): the line stops inside a title of a document or a quotation. */
export function leavesQuoteOpen(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/《/g) > count(/》/g) || count(/“/g) > count(/”/g);
}

/**
 * 附件说明 items over several lines (GB/T 9704: a long item wraps, the next line under the item's text): the
 * line right below an item (no blank line between) continues it unless it starts something of its own
 * (the next item number, a date, a heading, a note) or the item already ended a sentence.
 */
export function continuesAttachmentItem(itemText: string, nextText: string): boolean {
  const t = stripInline(nextText).trim();
  const squeezed = squeezeWhitespace(t);
  if (!t || squeezed.length > 60 || endsSentence(stripInline(itemText).trim())) return false;
  return !startsNewElement(t) && !ITEM_NUMBER.test(t) && !DATE_LINE.test(squeezed) && !parseDateLine(squeezed) && !isNote(t) && !CONTACT.test(t) && !NOTE.test(t) && !isColophonLine(t);
}

/**
 * The line under an unnumbered 附件说明 item names an attachment of its own (附件：A清单, then B名单 under it) rather than
 * continuing a wrapped name: the item above is a whole name already and so is this line. A wrapped name's first
 * line stops mid-name (…综合整治 / 工作方案), inside 《》, or its rest starts with a joining word (及, 和, 的 …).
 */
export function namesAnotherAttachment(itemText: string, nextText: string): boolean {
  const item = stripInline(itemText).trim().replace(ATTACHMENT_LIST, '');
  const next = squeezeWhitespace(stripInline(nextText));
  // Numbered items: the next name carries its own number.
  return !ITEM_NUMBER.test(item) && endsLikeAttachmentName(item) && endsLikeAttachmentName(next) && !leavesQuoteOpen(item) && !/^[的及和与暨并或、，,（(》”）)]/.test(next);
}

function joinText(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  // Two Latin words keep a space; CJK text is joined directly.
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

const para = (children: TextLeaf[], extra: Partial<ParagraphElement> = {}): ParagraphElement => ({ type: 'paragraph', ...extra, children });

/**
 * `（一）xxx。rest`: the run-in phrase, if any: explicit markdown bold, else a short subject up to
 * ： (（一）市公安局：), else the phrase up to the first 。 when it is short (≤ 20 characters, or
 * ≤ 40 without ，；).
 */
function splitRunIn(rest: string): { lead: string; after: string } | null {
  const bold = /^\*\*([^*]{1,60})\*\*/.exec(rest);
  if (bold) return { lead: bold[1], after: rest.slice(bold[0].length) };
  const stop = rest.indexOf('。');
  const colon = rest.search(/[：:]/);
  if (colon > 0 && colon <= 12 && (stop < 0 || colon < stop) && !/[，,。；;]/.test(rest.slice(0, colon))) {
    return { lead: rest.slice(0, colon + 1), after: rest.slice(colon + 1) };
  }
  if (stop > 0 && (stop <= 20 || (stop <= 40 && !/[，,；;]/.test(rest.slice(0, stop))))) {
    return { lead: rest.slice(0, stop + 1), after: rest.slice(stop + 1) };
  }
  return null;
}

/** Is this block a numbered list item (a sentence) of the given level? */
function isListItemOf(block: BlockElement | undefined, re: RegExp): boolean {
  return !!block && block.type === 'paragraph' && !block.role && re.test(block.children.map((c) => c.text).join(''));
}

/**
 * Numbered levels. Decision: a short phrase (≤ 16 characters after the number, no ，；、) is a
 * heading block of that level; a run-in heading that continues into text is a heading whose first
 * leaf is the lead-in (楷体 for level 2, bold for level 3, plain for level 4); a numbered sentence
 * (a list item such as "（一）具有较强的法治意识…；", or the last item of such a list) is an
 * ordinary paragraph that keeps its literal number.
 */
function numbered(text: string, level: 2 | 3 | 4, previous: BlockElement | undefined): BlockElement {
  const re = level === 2 ? LEVEL2 : level === 3 ? LEVEL3 : LEVEL4;
  // A bold run that starts with the number (**（一）压实责任。**…): the number goes before the marker.
  if (text.startsWith('**') && re.test(text.slice(2))) {
    const n = re.exec(text.slice(2))![0];
    text = n + '**' + text.slice(2 + n.length);
  }
  const m = re.exec(text)!;
  const digits = m[0].replace(/[\s（()）.．、]/g, '');
  const number = level === 3 ? `${digits}.` : `（${digits}）`;
  const rest = text.slice(m[0].length);
  const plainRest = stripInline(rest);
  const listItem = isListItemOf(previous, re);
  const runIn = level === 4 || listItem ? null : splitRunIn(rest);
  if (runIn && runIn.after.trim()) {
    const lead: TextLeaf = { text: number + stripInline(runIn.lead), leadIn: true };
    if (level === 2) lead.face = 'kai';
    else if (level === 3) lead.bold = true;
    return { type: 'heading', level, children: [lead, ...parseInline(runIn.after)] };
  }
  if (!listItem && plainRest.length <= 16 && !/[，,；;、]/.test(plainRest) && /^[^。]*。?$/.test(plainRest)) {
    return { type: 'heading', level, children: parseInline(number + rest) };
  }
  return para(parseInline(number + rest));
}

/**
 * `一、`: a heading of its own only when it reads as one (a phrase: no full stop, semicolon, question or
 * exclamation inside, at most 40 characters, or a phrase of at most 16 ending with 。). A numbered item that
 * is a sentence (一、同意…；与…。 in a 复函, 八、交通警察发现…的，依法扣留…。) is body text: a paragraph keeping
 * its number, printed in 仿宋 like the text around it, since GB/T 9704 sets only headings in 黑体. A run-in
 * item (一、总体要求。坚持…) keeps its phrase in 黑体 as a lead-in and the rest in 仿宋, as 第X条 does.
 */
export function levelOne(text: string): BlockElement {
  const m = LEVEL1.exec(text)!;
  const rest = text.slice(m[0].length);
  const plainRest = squeezeWhitespace(stripInline(rest));
  if (isLevelOneHeading(plainRest)) return { type: 'heading', level: 1, children: parseInline(text) };
  const runIn = levelOneRunIn(rest);
  if (runIn && runIn.after.trim()) {
    return para([{ text: m[0] + stripInline(runIn.lead), face: 'hei', leadIn: true }, ...parseInline(runIn.after)]);
  }
  return para(parseInline(text));
}

/**
 * The run-in phrase of a `一、` item: markdown bold, a short label up to ： (指导思想：), or a phrase up to
 * the first 。 that is short and has no comma (建立煤矿安全生产长效机制。; 关于…问题。 up to 30). Stricter
 * than （一）: a longer first sentence (自动气象站的建设要尽量避开…区域。) is the item's text, not a heading.
 */
function levelOneRunIn(rest: string): { lead: string; after: string } | null {
  const bold = /^\*\*([^*]{1,60})\*\*/.exec(rest);
  if (bold) return { lead: bold[1], after: rest.slice(bold[0].length) };
  const colon = rest.search(/[：:]/);
  const stop = rest.indexOf('。');
  if (colon > 0 && colon <= 8 && (stop < 0 || colon < stop) && !/[，,。；;、]/.test(rest.slice(0, colon))) {
    return { lead: rest.slice(0, colon + 1), after: rest.slice(colon + 1) };
  }
  const phrase = rest.slice(0, stop);
  if (stop > 0 && !/[，,；;：:]/.test(phrase) && (stop <= 16 || (stop <= 30 && /^关于/.test(phrase)))) {
    return { lead: rest.slice(0, stop + 1), after: rest.slice(stop + 1) };
  }
  return null;
}

function isLevelOneHeading(phrase: string): boolean {
  const body = phrase.replace(/[：:]$/, '');
  if (/[。；;！？!?]/.test(body.slice(0, -1))) return false;
  if (/[；;，,、]$/.test(body)) return false;
  return /。$/.test(body) ? body.length <= 17 : body.length <= 40;
}

/** 第一章 总则: centred in 黑体 on a line of its own, one U+3000 between the number and the name. */
function chapter(text: string): ParagraphElement {
  const t = stripInline(text).trim();
  const m = /^第\S+?[编章节]/.exec(t)!;
  const name = t.slice(m[0].length).trim();
  return para([{ text: name ? `${m[0]}\u3000${name}` : m[0], face: 'hei' }], { align: 'center', indent: false });
}

function article(text: string): ParagraphElement {
  const m = ARTICLE.exec(text)!;
  const label = m[0].trim().replace(/\u3000/g, '');
  const rest = text.slice(m[0].length);
  const leaves: TextLeaf[] = [{ text: label, face: 'hei', leadIn: true }];
  if (rest) {
    const tail = parseInline(rest);
    tail[0] = { ...tail[0], text: '\u3000' + tail[0].text };
    leaves.push(...tail);
  }
  return para(leaves);
}

function attachmentItem(text: string): AttachmentItemElement {
  const m = ITEM_NUMBER.exec(text);
  const number = m ? `${m[1]}.` : '';
  return { type: 'attachment-item', number, children: [{ text: stripInline(m ? text.slice(m[0].length) : text).trim() }] };
}

/**
 * 署名: one to three short lines right before a 成文日期 line, each an organ name (国务院办公厅, two
 * organs on one line) or a post and name (总理 李克强). Returns how many lines form the 署名, or 0.
 */
function signatureAt(units: Unit[], u: number, s: State): number {
  if (s.kind === 'chronicle') return 0;
  let n = 0;
  // A 印章 picture may sit between the 署名 and the date (a seal stamped over them); then only the date may follow.
  let seal = false;
  for (let k = u; k < units.length && n < 3; k++) {
    const unit = units[k];
    if (n > 0 && unit.kind === 'built' && unit.block.type === 'image') {
      seal = true;
      continue;
    }
    if (unit.kind !== 'text') return 0;
    const t = stripInline(unit.text).trim();
    if (DATE_LINE.test(squeezeWhitespace(t)) || parseDateLine(t)) return n;
    if (seal || !(isOrganName(t) || isPersonSignature(t))) return 0;
    n++;
  }
  return 0;
}

export interface BodyResult {
  blocks: BlockElement[];
  /** 版记 lines, taken out of the body (metadata). */
  colophon: string[];
  /** The 文号 named by a regulation's 题注 (…国务院令第152号发布). */
  noteDocNumber?: string;
  /** Numbers of the attachments the 附件说明 lists and of the 附件N headings found. */
  listed: number[];
  headed: Array<{ n: number; line: number }>;
  listLine?: number;
}

export function buildBody(units: Unit[], kind: DocumentKind, warnings: ImportWarning[], hasAddressee = true): BodyResult {
  const blocks: BlockElement[] = [];
  const result: BodyResult = { blocks, colophon: [], listed: [], headed: [] };
  const s: State = { kind, afterClose: false, prev: 'none', firstBody: hasAddressee, inAttachment: false, attachmentList: null, noteList: false };
  const push = (b: BlockElement) => {
    blocks.push(b);
    s.prev = b.type;
    s.firstBody = false;
    s.afterClose = b.type === 'attachment-heading' || b.type === 'date-line';
  };

  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.kind !== 'built' && unit.cut) warnings.push(splitWarning(unit));
    if (unit.kind === 'built') {
      s.attachmentList = null;
      s.noteList = false;
      push(unit.block);
      continue;
    }
    if (unit.kind === 'table') {
      const built = buildTable(unit.raw);
      if (built.irregular) warnings.push(warning('table-irregular', unit.line, unit.raw.rows[0].join(' ').trim()));
      if (built.aligned) {
        const line = built.firstAlignedLine ?? unit.line;
        const row = unit.raw.rows[Math.max(0, unit.raw.lines.indexOf(line))];
        warnings.push(warning('table-aligned', line, row.map((c) => c.trim()).filter(Boolean).join(' '), `${built.aligned} 行`));
      }
      if (built.subLabelsMerged) {
        warnings.push(warning('table-sublabel-merged', unit.line, unit.raw.rows[0].join(' ').trim(), `${built.subLabelsMerged} 行`));
      }
      s.attachmentList = null;
      s.noteList = false;
      // The second part of a table split by a page, without its header: it gets the header back.
      const previous = blocks[blocks.length - 1];
      push((previous?.type === 'table' && inheritContinuedHeader(previous, built.table)) || built.table);
      continue;
    }
    let text = unit.text;
    const signatureLines = signatureAt(units, u, s);
    if (signatureLines) {
      for (let k = 0; k < signatureLines; k++) {
        const line = units[u + k] as Extract<Unit, { kind: 'text' }>;
        push({ type: 'signature', children: [{ text: cleanBodyText(stripInline(line.text)) }] });
      }
      u += signatureLines - 1;
      continue;
    }
    // A 主送 over several lines (市市场监督管理局、市税务局、 / 市民政局：) is one line before it is classified.
    const addressee = s.firstBody ? addresseeLineCount(units, u) : 0;
    if (addressee > 1) {
      text = units.slice(u, u + addressee).map((x) => (x.kind === 'text' ? x.text.trim() : '')).join('');
      u += addressee - 1;
    }
    const cat = categorize(text, s);
    while ((mayContinue(text, cat) || closesSentenceAbove(text, cat, units[u + 1])) && u + 1 < units.length) {
      const next = units[u + 1];
      if (next.kind !== 'text' || next.marker || startsNewElement(stripInline(next.text)) || signatureAt(units, u + 1, s)) break;
      text = joinText(text, next.text);
      u++;
    }
    // Unnumbered names on the lines under this item, each an item of its own (namesAnotherAttachment).
    const moreNames: string[] = [];
    if (cat === 'attachment-list' || cat === 'attachment-item') {
      let last = unit.line;
      while (u + 1 < units.length) {
        const next = units[u + 1];
        const current = moreNames.length ? moreNames[moreNames.length - 1] : text;
        if (next.kind !== 'text' || next.marker || next.line !== last + 1 || !continuesAttachmentItem(current, next.text) || signatureAt(units, u + 1, s)) break;
        if (namesAnotherAttachment(current, next.text)) moreNames.push(next.text.trim());
        else if (moreNames.length) moreNames[moreNames.length - 1] = joinText(current, next.text.trim());
        else text = joinText(text, next.text.trim());
        last = next.line;
        u++;
      }
    }
    text = cleanBodyText(text);
    // Bold around a whole number (**第一条** or **一、**): the label's own face says it; drop the markers.
    if (cat === 'article' || cat === 'h1') text = stripInline(text);
    if (cat !== 'attachment-item') s.attachmentList = null;
    if (cat !== 'note-item' && cat !== 'note') s.noteList = false;

    switch (cat) {
      case 'title': {
        // A title of several lines (an attachment's, an issued 方案's): lines join until the text ends with a 文种 word.
        let title = squeezeTitle(stripInline(text));
        let extra = 0;
        while (!endsLikeTitle(title) && extra < 3 && u + 1 < units.length) {
          const next = units[u + 1];
          if (next.kind !== 'text') break;
          const nt = stripInline(next.text).trim();
          if (!isTitleLike(nt) || squeezeWhitespace(nt).length > 60 || startsNewElement(nt) || isBracketed(nt) || signatureAt(units, u + 1, s)) break;
          const joined = title + squeezeTitle(nt);
          // Join only when that makes a complete title, or the line after is still title-like.
          if (!endsLikeTitle(joined) && extra === 2) break;
          title = joined;
          extra++;
          u++;
        }
        if (extra && !endsLikeTitle(title)) warnings.push(warning('title-joined', unit.line, title, `${extra + 1} 行`));
        push({ type: 'doc-title', children: [{ text: title }] });
        break;
      }
      case 'attachment-heading': {
        const m = matchAttachmentHeading(stripInline(text))!;
        result.headed.push({ n: m.n || result.headed.length + 1, line: unit.line });
        push({ type: 'attachment-heading', children: [{ text: m.label }] });
        s.inAttachment = true;
        if (m.title) push({ type: 'doc-title', children: [{ text: squeezeTitle(m.title) }] });
        break;
      }
      case 'annex-note':
        push(para(parseInline(text)));
        s.afterClose = true;
        break;
      case 'colophon':
        result.colophon.push(squeezeWhitespace(stripInline(text)));
        warnings.push(warning('colophon-kept', unit.line, text));
        break;
      case 'promulgation':
        result.noteDocNumber ??= docNumberInNote(text);
        push(para(parseInline(text), { align: 'center', indent: false }));
        break;
      case 'attachment-list': {
        const rest = stripInline(text).replace(ATTACHMENT_LIST, '');
        const list: AttachmentListElement = { type: 'attachment-list', children: [] };
        if (rest.trim()) list.children.push(attachmentItem(rest));
        for (const name of moreNames) list.children.push(attachmentItem(stripInline(name)));
        push(list);
        s.attachmentList = list;
        result.listLine ??= unit.line;
        break;
      }
      case 'attachment-item':
        for (const name of [text, ...moreNames]) s.attachmentList!.children.push(attachmentItem(stripInline(name)));
        break;
      case 'date': {
        // GB/T 9704 prints the 成文日期 as 2024年3月5日: a page's 2024-03-05 is written so (the report says it).
        const written = printedDate(squeezeWhitespace(text));
        if (written !== squeezeWhitespace(text)) warnings.push(warning('date-normalised', unit.line, text.trim(), written));
        push({ type: 'date-line', children: [{ text: written }] });
        break;
      }
      case 'signature':
        push({ type: 'signature', children: parseInline(text) });
        break;
      case 'chronicle':
        push({ type: 'chronicle-entry', children: parseInline(text) });
        break;
      case 'contact':
        push(para(parseInline(text), { role: 'contact' }));
        break;
      case 'note':
        push(para(parseInline(text), { role: 'table-note' }));
        s.noteList = /[：:]$/.test(stripInline(text));
        break;
      case 'note-item':
        push(para(parseInline(text), { role: 'table-note' }));
        s.noteList = true;
        break;
      case 'addressee':
        push({ type: 'addressee', children: parseInline(text) });
        break;
      case 'article':
        push(article(text));
        break;
      case 'chapter':
        push(chapter(text));
        break;
      case 'h1':
        push(levelOne(text));
        break;
      case 'h2':
        push(numbered(text, 2, blocks[blocks.length - 1]));
        break;
      case 'h3':
        push(numbered(text, 3, blocks[blocks.length - 1]));
        break;
      case 'h4':
        push(numbered(text, 4, blocks[blocks.length - 1]));
        break;
      case 'form-line':
        push(para(parseInline(text), { role: 'form-line', indent: false }));
        break;
      case 'paragraph':
        push(para(parseInline(text)));
    }
  }
  // The first attachment list is the document's 附件说明.
  const list = blocks.find((b): b is AttachmentListElement => b.type === 'attachment-list');
  if (list) list.children.forEach((item, i) => result.listed.push(Number(item.number.replace('.', '')) || i + 1));
  return result;
}
