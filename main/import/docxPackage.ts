/**
 * Safe reading of a .docx package before mammoth sees it: format sniffing (zip, OLE/CFB for encrypted
 * files and legacy .doc/.wps), a streaming unzip with hard limits (zip bombs stop at the limit, not in
 * memory), and XML preparation: DTDs and entity references removed (nothing is ever resolved), external
 * relationships dropped, several bodies merged, list numbering written out as literal text and paragraph
 * alignment carried in a private-use marker, oversized images replaced.
 */
import { Unzip, UnzipInflate, zipSync, strFromU8, strToU8, type Unzipped } from 'fflate';
import type { ImportWarning } from '../../common/model';
import { chineseNumeral } from '../../common/text/chineseNumerals';
import { faceOfFamily } from '../../common/import/cleanWordHtml';

export const LIMITS = {
  maxFileBytes: 150 * 1024 * 1024,
  maxEntries: 5000,
  maxTotalUncompressed: 256 * 1024 * 1024,
  maxEntryUncompressed: 128 * 1024 * 1024,
  maxXmlPart: 64 * 1024 * 1024,
  maxImageBytes: 16 * 1024 * 1024,
  /** Expansion ratio above which a large archive is treated as a bomb. */
  maxRatio: 200,
};

export class DocxRejected extends Error {}

export type FileFormat = 'zip' | 'cfb' | 'unknown';

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && cfb.every((b, i) => bytes[i] === b)) return 'cfb';
  return 'unknown';
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** An OLE compound file holding an encrypted OOXML package (Word's "encrypt with password"). */
export function isEncryptedCfb(bytes: Uint8Array): boolean {
  return containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage');
}

/** Unzip with limits on entry count, per-entry and total size; inflation stops as soon as a limit is hit. */
export function safeUnzip(bytes: Uint8Array): Unzipped {
  const files: Unzipped = {};
  let entries = 0;
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries++;
    if (entries > LIMITS.maxEntries) {
      failure = `压缩包内文件过多（超过 ${LIMITS.maxEntries} 个）`;
      return;
    }
    if (file.name.includes('..') || file.name.startsWith('/')) return; // never needed, never trusted
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = `压缩数据损坏（${file.name}）`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > LIMITS.maxEntryUncompressed || total > LIMITS.maxTotalUncompressed) {
        failure = '解压后体积超出上限，疑似压缩炸弹，已停止';
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const out = new Uint8Array(size);
        let offset = 0;
        for (const c of chunks) {
          out.set(c, offset);
          offset += c.length;
        }
        files[file.name] = out;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Feed in small slices: deflate expands at most ~1032:1, so each push yields at most ~16 MB and a
    // bomb is stopped just past the limit instead of after inflating a whole entry.
    const step = 16 * 1024;
    for (let i = 0; i < bytes.length && !failure; i += step) unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch (error) {
    failure = failure ?? `不是有效的 ZIP/DOCX 文件（${String((error as Error).message ?? error).slice(0, 60)}）`;
  }
  if (failure) throw new DocxRejected(failure);
  if (Object.keys(files).length === 0) throw new DocxRejected('文件已损坏或被截断：压缩包中没有可读的内容');
  const ratio = total / Math.max(1, bytes.length);
  if (total > 64 * 1024 * 1024 && ratio > LIMITS.maxRatio) throw new DocxRejected('解压比例异常，疑似压缩炸弹，已拒绝');
  return files;
}

/** The main document part: from _rels/.rels when present, else the usual word/document.xml. */
export function mainDocumentPath(files: Unzipped): string | undefined {
  const rels = files['_rels/.rels'] ? strFromU8(files['_rels/.rels']) : '';
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels) ?? /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const candidate = m?.[1];
  if (candidate && files[candidate]) return candidate;
  return files['word/document.xml'] ? 'word/document.xml' : undefined;
}

const DOCTYPE = /<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi;
const UNKNOWN_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)[A-Za-z_][\w.-]{0,64};/g;

/** Remove DTDs and references to entities they declared: nothing is resolved, nothing is fetched. */
export function stripDtd(xml: string): { xml: string; changed: boolean } {
  const out = xml.replace(DOCTYPE, '').replace(UNKNOWN_ENTITY, '');
  return { xml: out, changed: out.length !== xml.length };
}

/** Drop relationships to external targets (linked images, templates, frames); hyperlinks are harmless text. */
export function stripExternalRelationships(rels: string): { xml: string; changed: boolean } {
  const out = rels.replace(/<Relationship\b[^>]*TargetMode="External"[^>]*\/>/g, (rel) => (/\/hyperlink"/.test(rel) ? rel : ''));
  return { xml: out, changed: out.length !== rels.length };
}

/**
 * Pictures whose relationship is not in the package (a picture linked to a file on the author's disk, whose
 * external relationship was dropped above, or a damaged file) are taken out: mammoth fails on the whole
 * document for one such picture. Returns the document without them and how many there were.
 */
export function dropUnresolvedPictures(documentXml: string, relsXml: string): { xml: string; count: number } {
  const ids = new Set([...relsXml.matchAll(/<Relationship\b[^>]*\bId="([^"]*)"/g)].map((m) => m[1]));
  let count = 0;
  const xml = documentXml.replace(/<w:(drawing|pict)\b[\s\S]*?<\/w:\1>/g, (picture) => {
    const refs = [...picture.matchAll(/\br:(?:embed|link|id)="([^"]*)"/g)].map((m) => m[1]);
    if (refs.every((id) => ids.has(id))) return picture;
    count++;
    return '';
  });
  return { xml, count };
}

/** Several w:body elements (invalid, but seen): merge them into one so no text is lost. */
export function mergeBodies(xml: string): { xml: string; count: number } {
  const bodies = [...xml.matchAll(/<w:body>([\s\S]*?)<\/w:body>/g)];
  if (bodies.length <= 1) return { xml, count: bodies.length };
  const first = bodies[0].index!;
  const lastMatch = bodies[bodies.length - 1];
  const end = lastMatch.index! + lastMatch[0].length;
  const inner = bodies.map((b, i) => (i === bodies.length - 1 ? b[1] : b[1].replace(/<w:sectPr\b[\s\S]*?<\/w:sectPr>\s*$/, ''))).join('');
  return { xml: xml.slice(0, first) + `<w:body>${inner}</w:body>` + xml.slice(end), count: bodies.length };
}

// ---------------------------------------------------------------- list numbering -> literal text

interface LevelFormat {
  format: string;
  text: string;
  start: number;
  /** What follows the number (w:suff): a tab unless the level says space or nothing. */
  suffix: string;
  /** w:lvlRestart: the 1-based level whose use restarts this one (0: never, as a 办法's 第N条 across its 章). */
  restartAfter?: number;
}


function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': // how LibreOffice writes a 一、二、 list it read from a .doc
      return chineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified':
      return chineseNumeral(n).replace(/[一二三四五六七八九十百]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function attrOf(xml: string, element: string, name = 'w:val'): string | undefined {
  const m = new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  return m?.[1];
}

function levelsOf(xml: string): LevelFormat[] {
  const levels: LevelFormat[] = [];
  for (const lvl of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    levels[Number(lvl[1])] = {
      format: attrOf(lvl[2], 'w:numFmt') ?? 'decimal',
      text: attrOf(lvl[2], 'w:lvlText') ?? '',
      start: Number(attrOf(lvl[2], 'w:start') ?? 1),
      suffix: attrOf(lvl[2], 'w:suff') ?? 'tab',
      ...(attrOf(lvl[2], 'w:lvlRestart') !== undefined ? { restartAfter: Number(attrOf(lvl[2], 'w:lvlRestart')) } : {}),
    };
  }
  return levels;
}

/**
 * One list instance (w:num): its levels, the abstract list whose counters it shares, and the levels it restarts.
 * Word counts every w:num of one abstract list as one list: a second w:num goes on from the first (二、 after
 * 一、) unless its lvlOverride restarts a level (startOverride), which is how Word writes "restart at 1".
 */
export interface ListInstance extends Array<LevelFormat> {
  abstractId?: string;
  restarts?: Map<number, number>;
}

export function parseNumbering(numberingXml: string): Map<string, ListInstance> {
  const abstract = new Map<string, LevelFormat[]>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) abstract.set(m[1], levelsOf(m[2]));
  const nums = new Map<string, ListInstance>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attrOf(m[2], 'w:abstractNumId');
    const base = abstractId ? abstract.get(abstractId) : undefined;
    if (!base) continue;
    const levels: ListInstance = [...base];
    levels.abstractId = abstractId;
    levels.restarts = new Map();
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(o[1]);
      const own = levelsOf(o[2])[ilvl];
      if (own) levels[ilvl] = own;
      const start = attrOf(o[2], 'w:startOverride');
      if (start !== undefined) levels.restarts.set(ilvl, Number(start));
      else if (own) levels.restarts.set(ilvl, own.start);
    }
    nums.set(m[1], levels);
  }
  return nums;
}

/** Paragraph styles that carry list numbering (w:numPr inside the style's pPr), by style id. */
export function styleNumberingOf(stylesXml: string): { map: Map<string, { numId: string; ilvl: number }>; xmlWithoutNumbering: string } {
  const map = new Map<string, { numId: string; ilvl: number }>();
  const xmlWithoutNumbering = stylesXml.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(style);
    if (!numPr) return style;
    const numId = attrOf(numPr[1], 'w:numId');
    if (numId && numId !== '0') map.set(id, { numId, ilvl: Number(attrOf(numPr[1], 'w:ilvl') ?? 0) });
    return style.replace(numPr[0], '');
  });
  return { map, xmlWithoutNumbering };
}

const ALIGN_MARK: Record<string, string> = { center: '\uE000', right: '\uE001', end: '\uE001' };

function decodeXmlText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Write each numbered paragraph's number as literal text (一、（一）1.（1）…) and drop its numPr, so mammoth
 * keeps plain paragraphs; put an alignment marker at the start of centred and right-aligned paragraphs.
 */
export function literalizeParagraphs(
  documentXml: string,
  numbering: Map<string, ListInstance>,
  styleNumbering: Map<string, { numId: string; ilvl: number }> = new Map(),
): string {
  // Counters per abstract list (w:num instances of one abstract list continue each other).
  const counters = new Map<string, Array<number | undefined>>();
  const restarted = new Set<string>();
  return documentXml.replace(/<w:p(\s[^>]*)?>(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)?/g, (whole, attrs: string | undefined, pPrWhole: string | undefined, pPr: string | undefined) => {
    if (!pPrWhole || !pPr) return whole;
    let prefix = '';
    const jc = attrOf(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, ''), 'w:jc');
    if (jc && ALIGN_MARK[jc]) prefix += ALIGN_MARK[jc];
    let newPPr = pPr;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr);
    // Numbering from the paragraph's style (WPS and Word heading styles often carry it there).
    const fromStyle = numPr ? undefined : styleNumbering.get(attrOf(pPr, 'w:pStyle') ?? '');
    if (numPr || fromStyle) {
      // A numPr with only a level (a paragraph demoted with Tab) keeps the list of its style.
      const numId = numPr ? (attrOf(numPr[1], 'w:numId') ?? styleNumbering.get(attrOf(pPr, 'w:pStyle') ?? '')?.numId ?? '0') : fromStyle!.numId;
      const ilvl = Math.min(8, numPr ? Number(attrOf(numPr[1], 'w:ilvl') ?? fromStyle?.ilvl ?? 0) : fromStyle!.ilvl);
      const levels = numbering.get(numId);
      if (levels && numId !== '0') {
        const listKey = levels.abstractId ?? numId;
        const counts = counters.get(listKey) ?? [];
        const level = levels[ilvl] ?? { format: 'decimal', text: `%${ilvl + 1}.`, start: 1, suffix: 'tab' };
        const restart = levels.restarts?.get(ilvl);
        if (restart !== undefined && !restarted.has(`${numId}:${ilvl}`)) {
          // This instance's first item on a restarted level begins again at its start value.
          restarted.add(`${numId}:${ilvl}`);
          counts[ilvl] = restart - 1;
        }
        counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
        // Deeper levels restart, unless their lvlRestart says never (0) or names a level above this one.
        for (let d = ilvl + 1; d < counts.length; d++) {
          const after = levels[d]?.restartAfter;
          if (after === undefined || (after > 0 && ilvl < after)) counts[d] = undefined;
        }
        counters.set(listKey, counts);
        const literal = decodeXmlText(level.format === 'bullet' ? '' : level.text).replace(/%(\d)/g, (_, d: string) => {
          const i = Number(d) - 1;
          const l = levels[i] ?? level;
          return formatNumber(counts[i] ?? l.start, l.format);
        });
        // Word puts a tab or a space after the number; it matters where the number ends in a word (第一条 …,
        // 第一章 总则), not after 、 . ） or ① which already part it from the text.
        prefix += literal && level.suffix !== 'nothing' && /[\p{L}\d０-９〇]$/u.test(literal) ? `${literal}\u3000` : literal;
      }
      if (numPr) newPPr = pPr.replace(numPr[0], '');
    }
    if (!prefix) return whole;
    return `<w:p${attrs ?? ''}><w:pPr>${newPPr}</w:pPr><w:r><w:t xml:space="preserve">${escapeXmlText(prefix)}</w:t></w:r>`;
  });
}

// ---------------------------------------------------------------- what Word users type, made plain for mammoth

/**
 * Special characters mammoth passes on as they are or drops: a page or column break inside a paragraph
 * (Ctrl+Enter) separates text as a line break does, where mammoth would run the two parts together; a
 * soft hyphen (Ctrl+-) is invisible and goes; a non-breaking hyphen (Ctrl+Shift+-, in telephone numbers
 * and codes) is an ordinary hyphen, which every body font has.
 */
export function plainSpecialCharacters(documentXml: string): string {
  return documentXml
    .replace(/<w:br\b[^>]*\bw:type="(?:page|column)"[^>]*\/>/g, '<w:br/>')
    .replace(/<w:softHyphen\/>/g, '')
    .replace(/<w:noBreakHyphen\/>/g, '<w:t>-</w:t>');
}

/**
 * Tracked formatting changes (w:pPrChange, w:rPrChange …) hold the properties as they were before the change,
 * in the same elements as the current ones: a numbering, alignment or font removed while tracking would be read
 * as if it were still there. Accepting the changes means dropping the old properties.
 */
export function dropFormattingChanges(documentXml: string): string {
  return documentXml.replace(/<w:(pPrChange|rPrChange|sectPrChange|tblPrChange|tblPrExChange|trPrChange|tcPrChange|tblGridChange|numberingChange)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g, '');
}

/**
 * Tracked deletions, accepted: deleted and moved-away text goes (mammoth skips it too), and so does a paragraph
 * whose mark was deleted and that holds nothing else, so it neither leaves a blank line nor takes a list number
 * (a deleted 二、 heading would otherwise turn the next one into 三、).
 */
export function acceptTrackedDeletions(documentXml: string): string {
  const withoutText = documentXml.replace(/<w:(del|moveFrom)\b[^>]*[^/]>[\s\S]*?<\/w:\1>/g, '');
  return withoutText.replace(PARAGRAPH, (paragraph) => {
    const pPr = /^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? '';
    const markDeleted = /<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:(?:del|moveFrom)\b[^>]*\/>/.test(pPr);
    if (!markDeleted || /<w:p[\s>]/.test(paragraph.slice(4)) || paragraphText(paragraph).trim() || /<w:(?:drawing|pict|object)\b/.test(paragraph)) return paragraph;
    return '';
  });
}

/**
 * Hidden text (Font > Hidden, w:vanish: notes to self, a draft's alternatives) is neither shown nor printed by
 * Word; mammoth would print it. Hidden runs are dropped; the count of their characters is returned for the
 * import report. A run holding another run (a text box) is left alone.
 */
export function dropHiddenRuns(documentXml: string): { xml: string; hiddenChars: number } {
  let hiddenChars = 0;
  const xml = documentXml.replace(/<w:r(?:\s[^>]*)?>\s*<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*)<\/w:rPr>((?:(?!<w:r[\s>]|<\/w:r>)[\s\S])*)<\/w:r>/g, (whole, rPr: string, content: string) => {
    const vanish = /<w:vanish(?:\s+w:val="([^"]*)")?\s*\/>/.exec(rPr);
    if (!vanish || /^(?:0|false|off)$/i.test(vanish[1] ?? '')) return whole;
    hiddenChars += paragraphText(content).length;
    return '';
  });
  return { xml, hiddenChars };
}

const SYMBOL_FONT = /^(?:Symbol|Wingdings(?: [23])?|Webdings)$/i;

/**
 * A symbol typed from a symbol font (Insert > Symbol: □ ☑ ✓ ➢ from Wingdings, × ≤ from Symbol) that LibreOffice
 * and older tools store as text in the font's private-use code (U+F0FC) rather than as w:sym: written as the
 * w:sym it stands for, which mammoth turns into the Unicode character, instead of a code no font shows.
 */
export function symbolRunsAsSym(documentXml: string): string {
  return documentXml.replace(/<w:r>(\s*<w:rPr>[\s\S]*?<\/w:rPr>)\s*<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>\s*<\/w:r>/g, (whole, rPr: string, text: string) => {
    if (!/[\uF020-\uF0FF]/.test(text) || rPr.includes('<w:r>')) return whole;
    const fonts = /<w:rFonts\b[^>]*>/.exec(rPr)?.[0] ?? '';
    const font = ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'].map((a) => attrValue(fonts, a)).find((f) => f && SYMBOL_FONT.test(f));
    if (!font) return whole;
    // Split at the symbols only: the text between them stays whole (its entities are never cut).
    const parts = text
      .split(/([\uF020-\uF0FF])/)
      .filter(Boolean)
      .map((part) => (/^[\uF020-\uF0FF]$/.test(part) ? `<w:sym w:font="${font}" w:char="${part.charCodeAt(0).toString(16).toUpperCase()}"/>` : `<w:t xml:space="preserve">${part}</w:t>`));
    return `<w:r>${rPr}${parts.join('')}</w:r>`;
  });
}

/** A TOC entry naming a 公文 by its title rather than a heading inside one. */
const ISSUE_TOC_ENTRY = /关于|(?:通知|决定|意见|办法|方案|规定|规划|报告|批复|公告|通告|纪要|大事记|细则|制度)(?:[（(].*[）)])?\s*$/;

const PARAGRAPH = /<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g;

/** The field instruction's first word for each field begun in this paragraph, and how many fields end in it. */
function fieldEvents(paragraph: string): Array<{ begin?: string; end?: true }> {
  const events: Array<{ begin?: string; end?: true }> = [];
  let pending: { begin?: string } | undefined;
  for (const m of paragraph.matchAll(/<w:fldChar\b[^>]*w:fldCharType="(begin|end)"|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|<w:fldSimple\b[^>]*w:instr="\s*(\w+)/g)) {
    if (m[1] === 'begin') {
      pending = { begin: '' };
      events.push(pending);
    } else if (m[1] === 'end') events.push({ end: true });
    else if (m[2] !== undefined && pending && !pending.begin) pending.begin = /^\s*(\w+)/.exec(m[2])?.[1] ?? '';
  }
  return events;
}

/** A paragraph's visible text (w:t contents). */
function paragraphText(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXmlText(m[1])).join('');
}

/**
 * A table of contents Word generated (References > Table of Contents: a TOC field whose cached result is one
 * paragraph per entry, with page numbers after a tab) repeats the headings of the text below it. Those
 * paragraphs, and a 目录 heading right above them, are dropped; the count says how many went.
 */
export function dropTocFields(documentXml: string): { xml: string; dropped: number } {
  const paragraphs = [...documentXml.matchAll(PARAGRAPH)];
  const drop = new Set<number>();
  const open: string[] = [];
  paragraphs.forEach((m, i) => {
    const insideToc = open.includes('TOC');
    const events = fieldEvents(m[0]);
    for (const event of events) {
      if (event.begin !== undefined) open.push(event.begin.toUpperCase());
      else open.pop();
    }
    const closesToc = insideToc && !open.includes('TOC');
    // Text after the field's end in its last paragraph is the user's own: that paragraph stays.
    const textAfterEnd = closesToc && /<w:t[\s>]/.test(m[0].slice(m[0].lastIndexOf('w:fldCharType="end"')));
    if ((insideToc || open.includes('TOC')) && !textAfterEnd) drop.add(i);
  });
  // A TOC field that never ends (a damaged file): drop nothing rather than the rest of the text.
  if (open.includes('TOC')) return { xml: documentXml, dropped: 0 };
  if (drop.size === 0) return { xml: documentXml, dropped: 0 };
  // The 目录 of a whole issue typed in Word lists documents by title (关于…的通知): the text importer reads it to
  // find the issue's documents, so it stays.
  const entries = [...drop].map((i) => paragraphText(paragraphs[i][0]).split('\t')[0].trim()).filter(Boolean);
  if (entries.filter((e) => ISSUE_TOC_ENTRY.test(e)).length * 2 >= entries.length) return { xml: documentXml, dropped: 0 };
  // The heading Word puts above its TOC (目录, 目 录 with a full-width space), possibly after blank paragraphs.
  for (const first of [...drop].filter((i) => !drop.has(i - 1))) {
    let i = first - 1;
    while (i >= 0 && !paragraphText(paragraphs[i][0]).trim()) i--;
    if (i >= 0 && /^目[\s\u3000]*录$/.test(paragraphText(paragraphs[i][0]).trim())) drop.add(i);
  }
  let out = '';
  let from = 0;
  paragraphs.forEach((m, i) => {
    if (!drop.has(i)) return;
    out += documentXml.slice(from, m.index);
    from = m.index! + m[0].length;
  });
  out += documentXml.slice(from);
  const dropped = [...drop].filter((i) => paragraphText(paragraphs[i][0]).trim()).length;
  return { xml: out, dropped };
}

/**
 * mammoth writes footnotes and endnotes as a list after the text, each ending in a back link "↑" and numbered
 * only by the list: the "↑" goes and each note starts with its reference's label ([1], [2] …), so the note
 * at the end of the document still says which place in the text it belongs to.
 */
export function labelNotes(html: string): { html: string; notes: number } {
  const labels = new Map<string, string>();
  for (const m of html.matchAll(/<a href="#((?:foot|end)note-[^"]+)" id="(?:foot|end)note-ref-[^"]+">([^<]*)<\/a>/g)) labels.set(m[1], m[2]);
  let notes = 0;
  const out = html
    .replace(/\s*<a href="#(?:foot|end)note-ref-[^"]+">↑<\/a>/g, '')
    .replace(/(<li id="((?:foot|end)note-[^"]+)">(?:<p[^>]*>)?)/g, (open: string, _: string, id: string) => {
      notes++;
      return open + (labels.get(id) ?? '');
    });
  return { html: out, notes };
}

// ---------------------------------------------------------------- run faces, carried through mammoth

/** Character styles standing for a run's 楷体/黑体 font; the worker's style map turns them into span classes. */
export const FACE_STYLES = { kai: 'GzFaceKai', hei: 'GzFaceHei' } as const;

/** The font a run's rPr names for Chinese text: eastAsia, else the one font named for all scripts. */
function runFontOf(rPr: string): string | undefined {
  const fonts = /<w:rFonts\b[^>]*>/.exec(rPr)?.[0];
  if (!fonts) return undefined;
  return attrValue(fonts, 'w:eastAsia') ?? attrValue(fonts, 'w:hAnsi') ?? attrValue(fonts, 'w:ascii');
}

/**
 * mammoth drops run fonts. A run whose own font is 楷体 or 黑体 (楷体_GB2312, KaiTi, SimHei …) gets a
 * character style naming that face, so it reaches the reader as a span with a face class. Runs in the
 * paragraph style's or the document's default font carry no rFonts of their own and stay unmarked; a face
 * most of the text is in is dropped later as the body font (cleanWordHtml.dropBodyFaces).
 */
export function markRunFaces(documentXml: string, bodyFont?: string): string {
  const bodyFace = bodyFont ? faceOfFamily(bodyFont) : undefined;
  return documentXml.replace(/<w:r>(\s*)<w:rPr>([\s\S]*?)<\/w:rPr>/g, (whole, space: string, rPr: string) => {
    if (/<w:rStyle\b/.test(rPr)) return whole;
    const font = runFontOf(rPr);
    const face = font ? faceOfFamily(font) : undefined;
    // A run that names the document's own body font again (WPS writes it on every run) is body text.
    if ((face !== 'kai' && face !== 'hei') || face === bodyFace) return whole;
    return `<w:r>${space}<w:rPr><w:rStyle w:val="${FACE_STYLES[face]}"/>${rPr}</w:rPr>`;
  });
}

/** The body font a Word file sets: its Normal paragraph style's, else the document default (docDefaults). */
export function bodyFontOf(stylesXml: string): string | undefined {
  const normal = /<w:style\b[^>]*w:type="paragraph"[^>]*w:default="1"[^>]*>[\s\S]*?<\/w:style>/.exec(stylesXml)?.[0] ?? /<w:style\b[^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(stylesXml)?.[0];
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0];
  return (normal && runFontOf(normal)) || (defaults && runFontOf(defaults)) || undefined;
}

/** The two face styles added to styles.xml (character styles with nothing but a name). */
export function addFaceStyles(stylesXml: string): string {
  const styles = Object.entries(FACE_STYLES)
    .map(([face, id]) => `<w:style w:type="character" w:customStyle="1" w:styleId="${id}"><w:name w:val="gz-face-${face}"/></w:style>`)
    .join('');
  return stylesXml.replace(/<\/w:styles>\s*$/, `${styles}</w:styles>`);
}

// ---------------------------------------------------------------- image sizes, carried through mammoth

/**
 * mammoth gives an image's bytes and description but not its size. The size Word shows it at (wp:extent of a
 * DrawingML picture, inline or floating such as a 印章 over the signature; the width in a VML shape's style)
 * rides in front of the description between these private-use marks; the worker reads it off again.
 */
const SIZE_OPEN = '\uE010';
const SIZE_CLOSE = '\uE011';
const EMU_PER_PT = 12_700;
const VML_UNIT_PT: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75, pc: 12 };

function sizeMark(widthPt: number): string {
  return `${SIZE_OPEN}${Math.round(widthPt * 100) / 100}${SIZE_CLOSE}`;
}

/** The width (pt) marked in front of a description by markImageSizes, and the description without it. */
export function readSizeMark(altText: string | undefined): { widthPt?: number; alt: string } {
  const text = altText ?? '';
  const m = new RegExp(`^${SIZE_OPEN}([0-9.]+)${SIZE_CLOSE}`).exec(text);
  if (!m) return { alt: text };
  const widthPt = Number(m[1]);
  return { widthPt: Number.isFinite(widthPt) && widthPt > 0 ? widthPt : undefined, alt: text.slice(m[0].length) };
}

function attrValue(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Put `mark` in front of attribute `name` of `tag` (after `fallback`'s value when `name` is empty). */
function prefixAttr(tag: string, name: string, mark: string, fallback?: string): string {
  const current = attrValue(tag, name);
  const value = mark + (current || (fallback ? (attrValue(tag, fallback) ?? '') : ''));
  if (current !== undefined) return tag.replace(new RegExp(`(\\s${name}=")[^"]*(")`), `$1${value}$2`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** Mark the displayed width of every picture (DrawingML inline/anchor, VML shapes) in its description. */
export function markImageSizes(documentXml: string): string {
  const drawings = documentXml.replace(/<wp:(inline|anchor)\b[\s\S]*?<\/wp:\1>/g, (drawing) => {
    const cx = Number(/<wp:extent\b[^>]*\scx="(\d+)"/.exec(drawing)?.[1]);
    if (!(cx > 0)) return drawing;
    return drawing.replace(/<wp:docPr\b[^>]*>/, (docPr) => prefixAttr(docPr, 'descr', sizeMark(cx / EMU_PER_PT), 'title'));
  });
  return drawings.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
    const style = attrValue(/^<v:shape\b[^>]*>/.exec(shape)![0], 'style') ?? '';
    const width = /(?:^|;)\s*width\s*:\s*([0-9.]+)(pt|in|cm|mm|px|pc)/i.exec(style);
    if (!width) return shape;
    const widthPt = Number(width[1]) * VML_UNIT_PT[width[2].toLowerCase()];
    return shape.replace(/<v:imagedata\b[^>]*>/, (data) => prefixAttr(data, 'o:title', sizeMark(widthPt)));
  });
}

/** A 1×1 transparent PNG standing in for images over the size limit. */
export const PLACEHOLDER_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABXvMqGgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** Prepare the unzipped package for mammoth; returns the re-zipped bytes. */
export function prepareDocx(files: Unzipped, warnings: ImportWarning[], opts: { keepTocField?: boolean } = {}): Uint8Array {
  const main = mainDocumentPath(files);
  if (!main) throw new DocxRejected('不是 Word 文档：缺少 word/document.xml');
  let dtd = false;
  let external = false;
  for (const name of Object.keys(files)) {
    if (!/\.(xml|rels)$/i.test(name)) {
      if (/^word\/media\//.test(name) && files[name].length > LIMITS.maxImageBytes) {
        warnings.push({ code: 'docx-image-too-large', message: `图片 ${name.slice(11)} 过大（${Math.round(files[name].length / 1048576)} MB），未导入`, text: name });
        files[name] = PLACEHOLDER_PNG;
      }
      continue;
    }
    if (files[name].length > LIMITS.maxXmlPart) throw new DocxRejected(`文档部件 ${name} 过大（超过 64 MB）`);
    let xml = strFromU8(files[name]);
    const stripped = stripDtd(xml);
    xml = stripped.xml;
    dtd ||= stripped.changed;
    if (name.endsWith('.rels')) {
      const ext = stripExternalRelationships(xml);
      xml = ext.xml;
      external ||= ext.changed;
    }
    files[name] = strToU8(xml);
  }
  if (dtd) warnings.push({ code: 'docx-dtd-removed', message: '文档含有 DTD 或实体声明，已忽略（不解析外部实体）' });
  if (external) warnings.push({ code: 'docx-external-removed', message: '文档引用了外部资源（链接的图片或模板），已忽略' });

  // Pictures not in the package, in the body and in every part mammoth reads (footnotes, endnotes, comments).
  let unresolved = 0;
  for (const part of Object.keys(files).filter((name) => name === main || /^word\/[^/]+\.xml$/i.test(name))) {
    const xml = strFromU8(files[part]);
    if (!/<w:(drawing|pict)\b/.test(xml)) continue;
    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const dropped = dropUnresolvedPictures(xml, files[relsPath] ? strFromU8(files[relsPath]) : '');
    if (dropped.count === 0) continue;
    files[part] = strToU8(dropped.xml);
    unresolved += dropped.count;
  }
  if (unresolved > 0) warnings.push({ code: 'docx-picture-unresolved', message: `${unresolved} 张图片不在文件内（链接到外部文件或已缺失），未导入` });

  let documentXml = strFromU8(files[main]);
  if (!/<w:body\b/.test(documentXml)) throw new DocxRejected('文档正文（w:body）缺失或已损坏');
  const merged = mergeBodies(documentXml);
  if (merged.count > 1) warnings.push({ code: 'docx-multiple-bodies', message: `文档有 ${merged.count} 个正文部分，已合并导入` });
  documentXml = symbolRunsAsSym(plainSpecialCharacters(acceptTrackedDeletions(dropFormattingChanges(merged.xml))));
  const hidden = dropHiddenRuns(documentXml);
  documentXml = hidden.xml;
  if (hidden.hiddenChars > 0) warnings.push({ code: 'docx-hidden-text', message: `文档中 ${hidden.hiddenChars} 个字设为隐藏（Word 不显示也不打印），未导入` });
  if (!opts.keepTocField) {
    const toc = dropTocFields(documentXml);
    documentXml = toc.xml;
    if (toc.dropped > 0) warnings.push({ code: 'docx-toc-dropped', message: `文档中 Word 自动生成的目录（${toc.dropped} 行）重复正文标题，未作为正文导入` });
  }
  const numberingPath = Object.keys(files).find((n) => /^word\/numbering\.xml$/i.test(n));
  const numbering = numberingPath ? parseNumbering(strFromU8(files[numberingPath])) : new Map<string, ListInstance>();
  const stylesPath = Object.keys(files).find((n) => /^word\/styles\.xml$/i.test(n));
  let styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  let bodyFont: string | undefined;
  if (stylesPath) {
    bodyFont = bodyFontOf(strFromU8(files[stylesPath]));
    const styles = styleNumberingOf(strFromU8(files[stylesPath]));
    styleNumbering = styles.map;
    // The numbers are now literal text: take numbering off the styles so mammoth does not make lists.
    files[stylesPath] = strToU8(addFaceStyles(styles.xmlWithoutNumbering));
  }
  files[main] = strToU8(markRunFaces(markImageSizes(literalizeParagraphs(documentXml, numbering, styleNumbering)), bodyFont));
  return zipSync(files, { level: 0 });
}
