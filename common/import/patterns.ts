/**
 * The recognisers of 公文 conventions (GB/T 9704) as small pure predicates. Every pattern is anchored
 * and free of nested quantifiers so that a 10 MB line cannot make it backtrack.
 */
import { normalizeDocNumber, squeezeWhitespace } from '../model';
import { CN_NUMERAL as CN_NUM } from '../text/chineseNumerals';
import { isColophonLine, isNote, isOrganName, matchAttachmentHeading, matchDocNumber, parseDateLine } from './gongwen';


/** 文号 standing alone on a line: 格政办发〔2024〕62号, also [2024] / （2024） / 第062号 variants. */
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}[〔[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}号$/;

export function isDocNumber(text: string): boolean {
  const t = squeezeWhitespace(text);
  return (t.length <= 30 && DOC_NUMBER.test(t)) || matchDocNumber(t) !== undefined;
}

/** The 发文机关标志 of a red-head 公文 (格尔木市人民政府文件): organ names and 文件, not a title's first line (关于…文件). */
const RED_HEAD = /^(?!.*(?:关于|的|印发|转发))[\u4e00-\u9fa5（）()]{2,40}文件$/;

/**
 * A red-head 版头: a line of organ names ending in 文件 directly above the 文号 line (`next`, the next line with
 * text). The Word and the text importers both read it so: the document starts there, its title is below the 文号.
 * The organ names alone count too (格尔木市人民政府 over 格政〔2025〕12号 签发人：…, the 版头 of a 请示 or 函):
 * a title is never only an organ's name.
 */
export function isRedHeadOverNumber(line: string, next: string): boolean {
  return (RED_HEAD.test(squeezeWhitespace(line)) || isOrganName(line)) && isDocNumber(next);
}

export function docNumberOf(text: string): string {
  return normalizeDocNumber(squeezeWhitespace(text));
}

/** Heading levels: 一、 （一） 1. （1）; half-width variants accepted. */
export const LEVEL1 = new RegExp(`^${CN_NUM}、`);
export const LEVEL2 = new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]\\s*`);
export const LEVEL3 = /^\d{1,3}[.．、](?!\d)\s*/;
export const LEVEL4 = /^[（(]\s*\d{1,3}\s*[）)]\s*/;
/** A part heading of a 条例/办法: 第一章 总则, 第二节 …, 第一编 … (a short line of its own, no sentence). */
export const CHAPTER = new RegExp(`^第${CN_NUM}[编章节](?:[\\s\\u3000]+[^。；，\\s\\u3000][^。；，]{0,39})?$`);
export const ARTICLE = new RegExp(`^第${CN_NUM}条(?=[\\s\\u3000]|$)[\\s\\u3000]*`);

/** A whole-line date: 2024年7月15日 (the closing date of a document). */
export const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** A 大事记 entry start: 7月1日， / 7月17日至19日， / 同日， */
export const CHRONICLE_START = /^(\d{1,2}月\d{1,2}日(至(\d{1,2}月)?\d{1,2}日)?|同日|当日|是日|本月)[，,、]/;

export const ATTACHMENT_HEADING = /^附\s*件\s*(\d{1,3})$/;
export const ATTACHMENT_LIST = /^附\s*件[：:]\s*/;
export const ITEM_NUMBER = /^(\d{1,3})[.．、]\s*/;
export const CONTACT = /^联\s*系\s*(人|电\s*话|方\s*式)[：:]/;
export const NOTE = /^[（(]?\s*(注|备\s*注|说\s*明)\s*[：:]/;

/**
 * Sentence-final punctuation: a line ending with one of these is not broken by the print. A footnote mark
 * after it (…的范围。[2], as converters write a note's reference) still ends the sentence.
 */
const FINAL = /(?:[。！？；：:;!?…]|[。！？][”’」』])(?:\[\d{1,3}\])?$/;

export function endsSentence(text: string): boolean {
  return FINAL.test(text.trim());
}

/** A line wholly in brackets, e.g. (20____年10月1日至20____年9月30日): a note of its own. */
export function isBracketed(text: string): boolean {
  const t = text.trim();
  return /^[（(]/.test(t) && /[）)]$/.test(t) && !LEVEL2.test(t) && !LEVEL4.test(t);
}

/** A TOC entry's line: text, leader dots and a page number, e.g. 格政办〔2024〕9号……………（3）. Never part of a title. */
export function isTocPageLine(text: string): boolean {
  return /(?:…{2,}|\.{4,}|·{4,})[…. ·]*[（(]\s*\d{1,4}\s*[）)]\s*$/.test(text);
}

/** Numbered or labelled element starts: headings, 第X条, 附件. */
export function startsNumbered(text: string): boolean {
  const t = text.trim();
  return LEVEL1.test(t) || LEVEL2.test(t) || LEVEL3.test(t) || LEVEL4.test(t) || ARTICLE.test(t) || ATTACHMENT_HEADING.test(t) || ATTACHMENT_LIST.test(t);
}

/**
 * A decimal-numbered heading of a 预案 or a standard (1 总则, 1.1 编制目的及依据, 4.2 国家级（Ⅰ级）应急响应),
 * also each entry of such a document's own 目录: a number, space, a short phrase without sentence punctuation.
 */
const OUTLINE_HEADING = /^\d{1,2}(?:[.．]\d{1,2}){0,3}[\u3000 ]+[^\s。，；：！？,;:]{1,30}$/;

export function isOutlineHeading(text: string): boolean {
  return OUTLINE_HEADING.test(text.trim());
}

/** Does this line start a new structural element (so it never continues the paragraph above)? */
export function startsNewElement(text: string): boolean {
  const t = text.trim();
  return (
    LEVEL1.test(t) ||
    LEVEL2.test(t) ||
    LEVEL3.test(t) ||
    LEVEL4.test(t) ||
    ARTICLE.test(t) ||
    CHAPTER.test(t) ||
    ATTACHMENT_HEADING.test(t) ||
    matchAttachmentHeading(t) !== undefined ||
    ATTACHMENT_LIST.test(t) ||
    DATE_LINE.test(t) ||
    parseDateLine(t) !== undefined ||
    isNote(t) ||
    isColophonLine(t) ||
    CHRONICLE_START.test(t) ||
    CONTACT.test(t) ||
    NOTE.test(t) ||
    isDocNumber(t) ||
    matchDocNumber(t) !== undefined ||
    isLabelLine(t) ||
    isOutlineHeading(t)
  );
}

/** Short "label：" lines of forms and lists (免去：, 填报人:, 刻章店名称:); never the end of a lead sentence. */
export function isLabelLine(text: string): boolean {
  const t = squeezeWhitespace(text);
  return t.length <= 14 && /[：:]$/.test(t) && !endsLeadSentence(t);
}

/**
 * The close of the sentence that leads into a document's points (通知如下：, 现将有关事项通知如下：, 批复如下：):
 * a clause without a stop of its own, which a line broken by Enter in mid-sentence leaves on a line by itself.
 */
export function endsLeadSentence(text: string): boolean {
  const t = squeezeWhitespace(text);
  return t.length <= 20 && /^[^，。；！？：,;!?:]+如下[：:]$/.test(t) && !startsNumbered(t);
}

/** Title-like: short, no sentence punctuation inside. Used for 方案 and attachment titles. */
export function isTitleLike(text: string): boolean {
  const t = squeezeWhitespace(text);
  // Breadcrumbs and navigation (首页 > 政务公开 | 通知公告) are never titles.
  return t.length >= 2 && t.length <= 80 && !/[。，；：:;!?！？>＞»›|]/.test(t);
}

/** Two-to-four character personal names, possibly spread with a space (袁 萍). */
export const PERSON_NAME = /^([\u4e00-\u9fa5][ \u3000][\u4e00-\u9fa5]|[\u4e00-\u9fa5]{2,4})$/;

/** Document kinds from the title. */
export function kindFromTitle(title: string, docNumber: string): 'notice' | 'personnel' | 'chronicle' | 'other' {
  if (/大事记$/.test(title)) return 'chronicle';
  if (/任免|任职|免职/.test(title) || /政人〔/.test(docNumber)) return 'personnel';
  if (/(通知|通报|决定|意见|批复|公告|通告|方案|办法|规定)$/.test(title)) return 'notice';
  return 'other';
}
