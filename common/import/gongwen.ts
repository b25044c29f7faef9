/**
 * The GB/T 9704 elements that every input form shares, as small pure recognisers: 版头, 文号 in all its
 * forms, title ends (文种), 署名, 成文日期 in Arabic or Chinese numerals, 附注, 版记, attachment headings.
 * Each function states the general pattern it serves; gongwen.test.ts tests each pattern.
 * Patterns are anchored and free of nested quantifiers (a 10 MB line cannot make them backtrack).
 */
import { squeezeWhitespace } from '../model';
import { CN_NUMERAL_CHARS, chineseToNumber } from '../text/chineseNumerals';

// ---------------------------------------------------------------- dates

const Y = '[0-9０-９〇零○Ｏ一二三四五六七八九]{4}';
const MD = '[0-9０-９一二三四五六七八九十]{1,3}';
/** A whole-line date: 2019年1月24日, 二〇〇四年八月十二日, 一九九六年六月二十九日 (spaces allowed). */
const DATE_ONLY = new RegExp(`^(${Y})\\s*年\\s*(${MD})\\s*月\\s*(${MD})\\s*日$`);

/** A whole-line date as web pages and forms write it: 2024-03-05, 2024.3.5, 2024/03/05. */
const DATE_NUMERIC = /^([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})$/;

/** ISO date of a whole-line 成文日期 in Arabic or Chinese numerals (or 2024-03-05), or undefined. */
export function parseDateLine(text: string): string | undefined {
  const t = squeezeWhitespace(text);
  const m = DATE_ONLY.exec(t);
  if (m) return isoOf(m[1], m[2], m[3]);
  const n = DATE_NUMERIC.exec(t);
  return n ? isoOf(n[1], n[3], n[4]) : undefined;
}

function isoOf(y: string, m: string, d: string): string | undefined {
  const year = chineseToNumber(y);
  const month = chineseToNumber(m);
  const day = chineseToNumber(d);
  if (!year || !month || !day || month > 12 || day > 31 || year < 1900 || year > 2200) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date anywhere in a line (a 题注 "1994年3月26日国务院令第152号发布"). */
export function firstDateIn(text: string): string | undefined {
  const m = new RegExp(`(${Y})\\s*年\\s*(${MD})\\s*月\\s*(${MD})\\s*日`).exec(squeezeWhitespace(text));
  return m ? isoOf(m[1], m[2], m[3]) : undefined;
}

// ---------------------------------------------------------------- 文号

/** 机关代字〔年份〕序号号 with any bracket pair: 国发〔2019〕5号, 临政办函[2013]89号, 格政人（2024）11号, 京政字【2004】3号; a 纪要's 〔2024〕5号 has no 代字. */
const DOC_NUMBER_STD = /^([\u4e00-\u9fa5]{0,14})\s*([〔[［【(（])\s*([0-9０-９]{4})\s*([〕\]］】)）])\s*第?\s*([0-9０-９]{1,5})\s*号$/;
/** 令 numbers: 国令第707号, 国务院令第376号, 国家市场监督管理总局令第46号. */
const DOC_NUMBER_DECREE = /^([\u4e00-\u9fa5、]{1,30}令)\s*第\s*([0-9０-９]{1,5})\s*号$/;
/** A 令's own number line under its 版头: 第707号, and as 主席令 print it, in brackets and Chinese numerals: （第四十号）. */
export const DECREE_NUMBER_LINE = /^[（(]?第\s*([0-9０-９]{1,5}|[一二三四五六七八九十百千零〇两]{1,8})\s*号[）)]?$/;

export interface DocNumberMatch {
  /** The 文号 as the gazette prints it: brackets 〔〕, half-width digits, no spaces. */
  text: string;
  /** True when the source wrote other brackets (normalised; the editor is told). */
  bracketsChanged: boolean;
}

function halfWidth(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * A line that is a 文号 (all forms of GB/T 9704 and what offices write): the standard form with any
 * bracket pair, or a 令 number. A trailing 签发人：… on the same line (上行文) is allowed and ignored.
 */
export function matchDocNumber(line: string): DocNumberMatch | undefined {
  let t = squeezeWhitespace(line);
  const signer = t.search(/签发人[：:]/);
  if (signer > 0) t = t.slice(0, signer);
  if (t.length > 40) return undefined;
  const std = DOC_NUMBER_STD.exec(t);
  if (std) {
    const changed = std[2] !== '〔' || std[4] !== '〕';
    return { text: `${std[1]}〔${halfWidth(std[3])}〕${halfWidth(std[5])}号`, bracketsChanged: changed };
  }
  const decree = DOC_NUMBER_DECREE.exec(t);
  if (decree && !/关于/.test(decree[1])) return { text: `${decree[1].replace(/(^|、)中华人民共和国/g, '$1')}第${halfWidth(decree[2])}号`, bracketsChanged: false };
  return undefined;
}

/**
 * A 令 版头 (发文机关标志 of a decree): 中华人民共和国国务院令, 国家市场监督管理总局令. Its number follows
 * on the next line as 第N号; the 文号 is the organ's 令 + that number.
 */
export function decreeMasthead(line: string): string | undefined {
  const t = squeezeWhitespace(line);
  return /^[\u4e00-\u9fa5、]{2,30}令$/.test(t) && !/关于|命令$|指令$|法令$/.test(t) ? t.replace(/(^|、)中华人民共和国/g, '$1') : undefined;
}

/** 文号 in a 题注 (regulations): "…中华人民共和国国务院令第152号发布", "…总局令第46号公布", "…第4号令公布". */
export function docNumberInNote(line: string): string | undefined {
  // Every date goes (not only a leading one): in 2020年12月9日…通过 2021年1月24日国务院令第736号公布 the organ starts after the second.
  const t = squeezeWhitespace(line).replace(new RegExp(`${Y}年${MD}月${MD}日`, 'g'), ' ');
  const m = /([\u4e00-\u9fa5、]{2,40}?令第[0-9]{1,5}号|[\u4e00-\u9fa5、]{2,40}?第[0-9]{1,5}号令)(?:发布|公布)/.exec(t);
  if (!m) return undefined;
  return m[1].replace(/(^|、)中华人民共和国/g, '$1');
}

/** A promulgation note under a regulation's title: 1994年3月26日国务院令第152号发布 (also bracketed, with 根据…修订). */
export function isPromulgationNote(line: string): boolean {
  const t = squeezeWhitespace(line).replace(/^[（(]/, '');
  return new RegExp(`^${Y}年${MD}月${MD}日`).test(t) && /(发布|公布|通过|批准|修订|施行)/.test(t) && t.length <= 600;
}

// ---------------------------------------------------------------- 版头 / 发文机关标志

/** Organ names end with one of these (人民政府, 办公厅, 委员会, 部, 局 …). */
export const ORGAN_END = /(人民政府|人民代表大会常务委员会|常务委员会|军分区|警备区|办公室|办公厅|委员会|领导小组|政府|党委|党组|总局|管理局|局|厅|委|院|部|署|会|中心|军委|组织部|宣传部|处|所|站|队|公司|银行|法院|检察院)$/;

/** 密级和保密期限 and 紧急程度 of the 版头 (GB/T 9704 7.2.2–7.2.3): 机密★1年, 特急, 绝密★ 加急. */
const SECRECY_URGENCY = /^(?:(?:绝密|机密|秘密)(?:★[0-9一二三四五六七八九十]{0,3}(?:年|个月)?)?)?\s*(?:特急|加急|特提|平急)?$/;

/** 份号 (the copy number of a secret document): six digits alone at the top. */
const COPY_NUMBER = /^[0-9]{6}$/;

export function isSecrecyOrUrgency(line: string): boolean {
  const t = squeezeWhitespace(line);
  return t.length > 0 && (SECRECY_URGENCY.test(t) || COPY_NUMBER.test(t));
}

/** 发文机关标志: "XX人民政府文件", "中共某某市委组织部文件", a 令's "…令"; the 版头's 密级 and 紧急程度. Never a title. */
export function isMasthead(line: string): boolean {
  const t = squeezeWhitespace(line);
  if (isSecrecyOrUrgency(t)) return true;
  if (t.length < 4 || t.length > 40 || /关于|[，。：:；]/.test(t)) return false;
  return /文件$/.test(t) || decreeMasthead(t) !== undefined;
}

/** An organ name standing alone (a 版头 without 文件, or one 署名 line): short, ends like an organ, no sentence punctuation. */
export function isOrganName(line: string): boolean {
  const t = squeezeWhitespace(line);
  if (t.length < 2 || t.length > 40 || /关于|[，。：:；！？“”《》]/.test(t)) return false;
  return t.split(/[、\s\u3000]+/).filter(Boolean).every((part) => part.length >= 2 && ORGAN_END.test(part));
}

/** The organs of a 署名 line or lines: 国务院办公厅 + 中央军委办公厅 -> [国务院办公厅, 中央军委办公厅]. */
export function organsOf(lines: string[]): string[] {
  return lines.flatMap((l) => l.trim().split(/[、\s\u3000]+/)).filter(Boolean);
}

/** A 署名 of a person with a post (令, 命令): 总理 李克强, 部长 某某, 中华人民共和国主席 胡锦涛. */
export function isPersonSignature(line: string): boolean {
  // A two-character post spaced out to the name's width (部长 written 部, U+3000, 长) is the same post.
  const t = line.trim().replace(/^([\u4e00-\u9fa5])[\s\u3000]+([\u4e00-\u9fa5])(?=[\s\u3000])/, '$1$2');
  // The post may carry its organ: 中华人民共和国主席 胡锦涛, 国务院总理 李克强.
  return /^(?:[\u4e00-\u9fa5]{2,12}?)?(总理|主席|部长|主任|局长|署长|行长|省长|市长|县长|区长|书记|院长|委员长|代总理|代省长|代市长)[\s\u3000]+[\u4e00-\u9fa5][\s\u3000]?[\u4e00-\u9fa5]{1,3}$/.test(t);
}

// ---------------------------------------------------------------- title

/** 文种 words a 公文 title ends with (GB/T 9704 and the 规章/法规 forms), so a multi-line title is complete. */
export const TITLE_END = /(通知|通报|通告|公告|决定|决议|命令|令|意见|指导意见|实施意见|批复|复函|函|答复|报告|请示|纪要|议案|公报|条例|规定|办法|细则|实施细则|规则|规范|规程|标准|方案|工作方案|实施方案|预案|应急预案|规划|计划|要点|制度|章程|守则|准则|清单|目录|名录|指南|指引|解释|范围|大事记|讲话|总结|决议|意见书|倡议书|公约|协议|声明|说明)$/;

export function endsLikeTitle(text: string): boolean {
  return TITLE_END.test(squeezeWhitespace(text).replace(/[)）]$/, ''));
}

/**
 * What an attachment's name ends with: a 文种 word, or the kind of paper attached (名单, 一览表, 台账, 流程图 …).
 * A trailing bracket (（试行）, （2025年版）) is the name's too.
 */
const ATTACHMENT_NAME_END = /(名单|名册|表|台账|图|明细|汇编|手册|承诺书|申请书|登记簿|样表|模板|格式)$/;

export function endsLikeAttachmentName(text: string): boolean {
  const name = squeezeWhitespace(text).replace(/[（(][^（()）]{1,16}[)）]$/, '');
  return TITLE_END.test(name) || ATTACHMENT_NAME_END.test(name);
}

/** The 文种 words that end a title for sure (制度, 标准, 目录 … also end title lines that go on). */
const STRONG_TITLE_END = /(通知|通报|通告|公告|决定|决议|命令|意见|批复|复函|函|答复|报告|请示|纪要|条例|规定|办法|细则|规则|方案|预案|规划|大事记)$/;

export function endsLikeTitleStrongly(text: string): boolean {
  return STRONG_TITLE_END.test(squeezeWhitespace(text).replace(/[)）]$/, ''));
}

// ---------------------------------------------------------------- 附注 and 版记

/** 附注 in brackets under the date: （此件公开发布）, （此件有删减）, （本文有删减）, （联系人：…）. */
export function isNote(line: string): boolean {
  const t = squeezeWhitespace(line);
  return /^[（(](此件|本件|本文|此文|联系人|联系电话|这件)[^（()）]{0,60}[）)]$/.test(t);
}

/** 版记 lines: 抄送：…, 主办：…, "XX办公室 2019年1月24日印发". */
export function isColophonLine(line: string): boolean {
  const t = squeezeWhitespace(line);
  return /^(抄送|抄报|分送|发送)[：:]/.test(t) || new RegExp(`${Y}年${MD}月${MD}日印发$`).test(t);
}

// ---------------------------------------------------------------- attachments

const ATT_NUM = `([0-9０-９]{1,3}|[${CN_NUMERAL_CHARS}]{1,3})`;
/** 附件 / 附件1 / 附件1. / 附件1： / 附件一 standing alone: the heading that starts an attachment. */
const ATTACHMENT_ALONE = new RegExp(`^附\\s*件\\s*(?:${ATT_NUM}\\s*[.．:：、]?)?$`);
/** 附件1：查处酒后驾驶操作规程: the number, then the attachment's title on the same line. */
const ATTACHMENT_WITH_TITLE = new RegExp(`^附\\s*件\\s*${ATT_NUM}\\s*[：:.．、]\\s*(\\S.{0,80})$`);

export interface AttachmentHeadingMatch {
  /** 1, 2, …; 0 for a single unnumbered 附件. */
  n: number;
  /** The printed label: 附件, 附件1, 附件一. */
  label: string;
  /** A title written on the same line (附件1：名称). */
  title?: string;
}

export function matchAttachmentHeading(line: string): AttachmentHeadingMatch | undefined {
  const t = line.trim().replace(/\s+$/, '');
  const alone = ATTACHMENT_ALONE.exec(squeezeWhitespace(t));
  if (alone) return { n: alone[1] ? (chineseToNumber(alone[1]) ?? 0) : 0, label: `附件${alone[1] ? halfWidth(alone[1]) : ''}` };
  const titled = ATTACHMENT_WITH_TITLE.exec(t);
  if (titled && !/[。；]$/.test(titled[2])) return { n: chineseToNumber(titled[1]) ?? 0, label: `附件${halfWidth(titled[1])}`, title: titled[2].trim() };
  return undefined;
}
