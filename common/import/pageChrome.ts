/**
 * The text a government web page puts around a 公文 (its breadcrumb, 【字体：大 中 小】, 打印本页 / 关闭窗口,
 * 分享到, 上一篇 / 下一篇, related links, the footer with 版权所有 and ICP备, the 索引号 / 发布机构 / 成文日期
 * information table): the site's, not the document's. Found by the words every site uses, only where a
 * page puts them (above the first sentence of the text, or in the run of short lines that ends the page),
 * so a sentence of the document that mentions 打印 or 来源 is never touched. Pure.
 */
import { plainText, squeezeWhitespace } from '../model';
import { isBlank, type SourceLine } from './lines';
import { matchDocNumber, parseDateLine } from './gongwen';

/** Lines longer than this are text, whatever words they hold. */
const MAX_CHROME_LENGTH = 160;

const CHROME_PATTERNS: RegExp[] = [
  // Breadcrumb.
  /^(当前位置|您现在的位置|您当前的位置|您的位置|您所在的位置|所在位置|当前的位置|位置)\s*[：:]/,
  /首页\s*(>|＞|»|›|→|>>|\/)/,
  // Font size switch: 【字体：大 中 小】, 字号：大中小, 【大 中 小】.
  /字\s*[体号]\s*[：:]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/,
  /[【[]\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]/,
  // Page tools, alone on their line.
  /^(?:[【[\s|｜]*(?:打印本页|打印此页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|加入收藏|收藏|保存本页|我要纠错|纠错|扫一扫在手机打开当前页|扫一扫|扫码[\u4e00-\u9fa5]{0,10})[】\]\s|｜]*)+$/,
  /^分享到\s*[：:]?/,
  /^(上一篇|下一篇|上一条|下一条)\s*[：:]/,
  /(浏览次数|访问次数|阅读次数|点击次数|点击数|浏览量|阅读量)\s*[：:]/,
  // A site's greeting bar: 欢迎访问某某县人民政府网站！ 今天是：2024年3月8日 星期五.
  /^欢迎(访问|来到|光临)|^今天是/,
  /[【[]\s*(我要纠错|纠错|我要打印|打印本页|关闭窗口)\s*[】\]]/,
  // The page's article info line: 发布时间：2024-03-05 来源：市政府办公室.
  /^(发布时间|发布日期|更新时间|信息来源|文章来源|来源)\s*[：:]/,
  // What a page's script links leave (pageLayout.ts drops the links): 【字体：】, 【】【】, [ ] [ ].
  /^(?=.*[【】[\]])[【】[\]|｜/·\s]*(?:[\u4e00-\u9fa5]{1,4}[：:])?[【】[\]|｜/·\s]*$/,
];

/**
 * A file name to download (the file itself is not in the page). Chrome only below the document's date: a
 * page may print the 附件说明 items themselves as links to the files (附件：1.项目清单.xlsx above the 署名).
 */
const DOWNLOAD_LINE = /\.(docx?|wps|pdf|ofd|xlsx?|et|zip|rar|7z)$/i;

/** Only at a page's end: its footer (a journal's own front matter also names its 主办 and 承办). */
const FOOTER_PATTERNS: RegExp[] = [
  /ICP\s*[备证]|公网安备|网站标识码|版权所有|技术支持\s*[：:]|主办单位\s*[：:]|^主办\s*[：:]|承办单位\s*[：:]|网站地图|联系我们|Copyright|©/i,
  /(^|[\s】\]])(责任编辑|编辑|作者)\s*[：:]/,
  // The page's download links for the attachments (the files themselves are not in the page).
  /^(附件下载|相关附件|附件链接)\s*[：:]/,
  // The heading of a related-links list.
  /^(相关链接|相关文件|相关阅读|相关新闻|相关附件|相关稿件|相关解读|延伸阅读|附件下载|热点推荐)\s*[：:]?$/,
  // A link to the document's 解读 (政策解读：《…》解读, 图解, 一图读懂).
  /^(政策解读|相关政策解读|解读|图文解读|图解)\s*[：:]/,
  // The site's owner line: 某某县人民政府 主办 某某县人民政府办公室 承办.
  /\S\s*(主办|承办)(\s|$)/,
];

/** Labels of a page's information table (信息公开 pages): 索引号, 主题分类, 发布机构, 成文日期, 文号 … */
const INFO_LABELS = /(索\s*引\s*号|主题分类|主\s*题\s*词|发布机构|发文机关|成文日期|发布日期|公开方式|公开范围|有\s*效\s*性|信息分类|体裁分类|组配分类|服务对象)\s*[：:]?/g;

function text(line: SourceLine): string {
  return squeezeWhitespace(line.text);
}

/** A line of the page's own (breadcrumb, tools, info line); with `footer`, also its footer lines. */
export function isChromeLine(line: string, footer = false): boolean {
  const raw = squeezeWhitespace(line);
  if (!raw.length || raw.length > MAX_CHROME_LENGTH) return false;
  // Empty brackets are what a script link left (pageLayout.ts): 【】【收藏】【】 is a line of tools.
  const t = raw.replace(/[【[][】\]]/g, '') || raw;
  return CHROME_PATTERNS.some((re) => re.test(t)) || (footer && FOOTER_PATTERNS.some((re) => re.test(t)));
}

/** A navigation bar read as one line: 首页 and a few short menu names, no sentence; or three or more short names between bars. */
function isNavLine(t: string): boolean {
  if (/[，。；！？]/.test(t) || t.length > 80) return false;
  return /首页/.test(t) || isBarMenu(t);
}

/** 无障碍浏览 | 长者模式 | English | 登录: short names between bars, whatever the names. */
function isBarMenu(t: string): boolean {
  const parts = t.split(/[|｜]/);
  return parts.length >= 3 && parts.every((p) => p.length > 0 && p.length <= 12 && !/[：:]/.test(p));
}

/** A 公文's own labelled header lines (签发人：…, 密级：…) are never the page's. */
const HEADER_LABEL = /^(签发人|密级|紧急程度|份号|保密期限|主送|抄送|附件|发文机关标志)$/;

/**
 * The page's article information line under its title: two or more short `label：value` fields side by
 * side (发布单位：… 发布时间：… 点击：879; 发文机关：… 发文字号：…), no sentence, one of them about the page's
 * record. Looked for only above the document's first sentence.
 */
export function isPageMetaLine(line: string): boolean {
  if (/[，。；！？]/.test(line)) return false;
  const parts = line.split(/[【】[\]\s\u3000]+/).filter(Boolean);
  const fields = parts.filter((p) => /^[\u4e00-\u9fa5]{2,6}[：:]/.test(p));
  if (fields.length < 2 || fields.length * 2 < parts.length) return false;
  const labels = fields.map((f) => f.replace(/[：:].*$/, ''));
  // One label must speak of the page's record (a 纪要's 时间：… 地点：… line is the document's).
  return !labels.some((l) => HEADER_LABEL.test(l)) && labels.some((l) => PAGE_RECORD_LABEL.test(l));
}

/** What a page's info line records: publication, source, counts, the file's number. */
const PAGE_RECORD_LABEL = /发布|来源|点击|浏览|阅读|访问|发文|字号|文号|索引|更新|录入|审核|编辑|作者|成文/;

/** A site's name over its pages: 海东市人民政府门户网站. */
function isSiteName(t: string): boolean {
  return t.length <= 30 && /(门户网站|政府网站|政府网)$/.test(t);
}

function cellTexts(line: SourceLine): string[] {
  return line.table ? line.table.children.flatMap((row) => row.children.map((cell) => squeezeWhitespace(plainText(cell)))) : [];
}

/**
 * The 文号 a page's information table or line gives (文号：…, 发文字号：…), the value in the cell after the
 * label or after the label's colon; the text's own 文号 line may be missing on the page.
 */
export function pageInfoDocNumber(line: SourceLine): string | undefined {
  // An information line (发文机关：… 发文字号：…) gives its fields as the cells of a table do.
  const cells = line.table ? cellTexts(line) : line.text.split(/[【】[\]\s\u3000]+/).filter(Boolean);
  for (let i = 0; i < cells.length; i++) {
    const m = /^(?:发文字号|文号)[：:]?(.*)$/.exec(cells[i].replace(/\s/g, ''));
    if (!m) continue;
    const value = m[1] || cells[i + 1] || '';
    const number = matchDocNumber(value);
    if (number) return number.text;
  }
  return undefined;
}

/** A table of the page's information labels (≥ 3 of them): the 信息公开 table above the text. */
export function isPageInfoTable(line: SourceLine): boolean {
  if (!line.table) return false;
  const cells = cellTexts(line);
  const labels = new Set(cells.flatMap((c) => [...c.matchAll(INFO_LABELS)].map((m) => m[1].replace(/\s/g, ''))));
  return labels.size >= 3;
}

/** A sentence of the text: the page's header region ends before it. */
function isSentence(t: string): boolean {
  return t.length > 40 || /[，。；！？]/.test(t);
}

/** Link titles and menu names: short lines without a sentence's punctuation. */
function isLinkLike(t: string): boolean {
  return t.length <= 60 && !/[。；！？]/.test(t);
}

/** A menu item on a line of its own (<li>): a few characters, no punctuation. */
function isMenuItem(t: string): boolean {
  return t.length > 0 && t.length <= 8 && !/[，。；：:！？、]/.test(t);
}

/** Above the first sentence: runs of two or more menu items, one of them 首页, are the site's menu. */
function menuLines(lines: SourceLine[]): number[] {
  const found: number[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2 && run.some((i) => /^(网站)?首页$/.test(text(lines[i])))) found.push(...run);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.table || l.image) break;
    const t = text(l);
    if (isBlank(l)) continue;
    if (isMenuItem(t)) run.push(i);
    else {
      close();
      if (isSentence(t)) break;
    }
  }
  close();
  return found;
}

export interface StrippedPage {
  lines: SourceLine[];
  /** The lines left out, in order (each gets a warning quoting it); in `lines` they are blank lines now. */
  dropped: SourceLine[];
}

/**
 * Leaves out the page's own lines: above the first sentence, every chrome line, navigation bar, site name
 * and information table; at the end, the run of short lines (links, tools, footer) from its first chrome
 * line on. Blank lines stay (they separate the text); everything else is kept as it was.
 */
export function stripPageChrome(lines: SourceLine[]): StrippedPage {
  const drop = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isBlank(l) && !l.table) continue;
    if (l.table) {
      if (isPageInfoTable(l)) drop.add(i);
      else break;
      continue;
    }
    const t = text(l);
    if (isChromeLine(t) || isNavLine(t) || isSiteName(t) || isPageMetaLine(l.text.trim())) drop.add(i);
    else if (isSentence(t)) break;
  }
  for (const i of menuLines(lines)) drop.add(i);
  // The page's tail: back from the end over short lines; the chrome starts at the first chrome line among them.
  let from = lines.length;
  let dateBelow = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.table || l.image) break;
    if (isBlank(l)) continue;
    const t = text(l);
    if (isChromeLine(t, true) || isNavLine(t) || (DOWNLOAD_LINE.test(t) && !dateBelow)) from = i;
    else if (!isLinkLike(t)) break;
    dateBelow ||= !!parseDateLine(t);
  }
  // The label of a download list (附件：, 相关附件) goes with it.
  const above = lines.slice(0, from).findLastIndex((l) => !isBlank(l));
  if (above >= 0 && from < lines.length && DOWNLOAD_LINE.test(text(lines[from])) && /^附件[：:]?$/.test(text(lines[above]))) from = above;
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) drop.add(i);
  if (!drop.size) return { lines, dropped: [] };
  // A dropped line leaves a blank line (as the page's break between blocks), its number kept for the report.
  const blank = (l: SourceLine): SourceLine => ({ no: l.no, text: '', listMarker: false });
  return { lines: lines.map((l, i) => (drop.has(i) ? blank(l) : l)), dropped: lines.filter((_, i) => drop.has(i)) };
}
