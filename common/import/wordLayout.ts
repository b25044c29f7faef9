/**
 * Layout that Word and WPS users type by hand, made plain before the 公文 recogniser reads a .docx's
 * paragraphs as lines (htmlLines.ts): tabs used to indent or push a line right, and a borderless table
 * used to place the 署名 and date, the 文号 and 签发人, the 附件 list or to print the 版记, a line broken by hand inside a sentence. In the text importer a tab separates table cells; in a Word paragraph it
 * is usually layout, so only a run of two or more paragraphs with tabs between their words stays a
 * tab-separated table.
 */
import type { HtmlItem, HtmlParagraph, HtmlTable, InlineRun } from './cleanWordHtml';
import { squeezeWhitespace } from '../model';
import { isColophonLine, isOrganName, matchDocNumber, parseDateLine } from './gongwen';
import { ATTACHMENT_LIST, ITEM_NUMBER, isRedHeadOverNumber } from './patterns';

/** A tab with visible text before and after it on the same line: a column separator, or a gap typed with Tab. */
function hasInnerTab(p: HtmlParagraph): boolean {
  const text = p.runs.map((r) => r.text).join('');
  return text.split('\n').some((line) => /\S[^\S\n]*\t[\s]*\S/.test(line.replace(/\u3000/g, ' ')));
}

/** Rewrite a paragraph's text character by character (null deletes), keeping each run's marks. */
function mapChars(runs: InlineRun[], map: (text: string, i: number) => string | null): void {
  const text = runs.map((r) => r.text).join('');
  let offset = 0;
  for (const run of runs) {
    let out = '';
    for (let i = 0; i < run.text.length; i++) out += map(text, offset + i) ?? '';
    offset += run.text.length;
    run.text = out;
  }
}

/**
 * An isolated paragraph's tabs: those before the first or after the last visible character of a line are
 * indentation (a first-line indent, a 署名 pushed right) and go; one between words is a gap, a full-width
 * space.
 */
function plainTabs(p: HtmlParagraph): void {
  mapChars(p.runs, (text, i) => {
    if (text[i] !== '\t') return text[i];
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    const before = text.slice(lineStart, i).trim();
    const after = text.slice(i + 1, lineEnd).trim();
    if (!before || !after) return null;
    return text[i - 1] === '\t' ? null : '\u3000';
  });
}

/** Punctuation that never ends a line of its own: a line break right after it is inside a sentence. */
const MID_SENTENCE = /[，、,（(“‘《〈]$/;

/**
 * A manual line break (Shift+Enter) right after a comma or an opening bracket, typed to make a line wrap
 * where the author wanted, is inside a sentence: the two lines are one. Breaks elsewhere (title lines, a
 * 署名 above its date) stay for the recogniser.
 */
function joinMidSentenceBreaks(p: HtmlParagraph): void {
  mapChars(p.runs, (text, i) => (text[i] === '\n' && MID_SENTENCE.test(text.slice(0, i).trimEnd()) && text.slice(i + 1).trim() ? null : text[i]));
}

function paragraphsOfTable(table: HtmlTable): HtmlParagraph[] {
  return table.rows.flatMap((row) => row.flatMap((cell) => cell.paragraphs.map((p) => ({ ...p, align: p.align ?? cell.align }))));
}

/**
 * A table that only places the 署名 and date (a borderless table in Word, the organ names and date in its
 * cells): a few rows, every line short, one of them a date. Its paragraphs are read as paragraphs.
 */
export function isSignatureLayoutTable(table: HtmlTable): boolean {
  if (table.rows.length > 4) return false;
  const lines = paragraphsOfTable(table)
    .flatMap((p) => p.runs.map((r) => r.text).join('').split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.every((l) => l.length <= 30) && lines.some((l) => parseDateLine(l) !== undefined);
}

function rowText(row: HtmlTable['rows'][number]): string {
  return row
    .map((cell) => cell.paragraphs.map((p) => p.runs.map((r) => r.text).join('').trim()).filter(Boolean).join('\u3000'))
    .filter(Boolean)
    .join('\u3000');
}

const lineOf = (text: string): HtmlParagraph => ({ kind: 'paragraph', headingLevel: 0, runs: [{ text }], images: [] });

/** A 文号 line, with the 签发人 beside it or on a row of its own (上行文). */
const SIGNER = /^签发人[：:]/;

/**
 * Tables that only place lines the template prints in columns; each row is read as one line, as typed text
 * would have it:
 * - the 版记 of the red-head template: 抄送：… in one row, the 印发机关 and 印发日期 in two cells of the next
 *   (格尔木市人民政府办公室 2024年7月5日印发), kept as the document's 版记 as in text;
 * - the 文号 left and the 签发人 right (the 版头 of a 请示 or 报告 on a borderless table);
 * - 附件： in one cell with the attachments' names (1．… 2．…) in the cells beside it, one row each;
 * - the 版头 of a joint document: the organs' names one a row, 文件 in a merged cell beside them, read as
 *   the one line 格尔木市人民政府 格尔木军分区文件 (the 版头 over the 文号, as typed in text).
 */
export function layoutTableLines(table: HtmlTable): HtmlParagraph[] | undefined {
  if (table.rows.length > 12) return undefined;
  const lines = table.rows.map(rowText).filter(Boolean);
  if (!lines.length) return undefined;
  const small = table.rows.length <= 4;
  if (small && lines.every((l) => isColophonLine(l))) return lines.map(lineOf);
  if (lines.length <= 3 && lines.some((l) => matchDocNumber(l)) && lines.every((l) => matchDocNumber(l) || SIGNER.test(l))) return lines.map(lineOf);
  const cells = table.rows.flatMap((row) => row.map((cell) => squeezeWhitespace(cell.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('')))).filter(Boolean);
  const organs = cells.filter((c) => c !== '文件');
  if (small && organs.length >= 1 && organs.length === cells.length - 1 && organs.every((c) => isOrganName(c))) return [lineOf(`${organs.join('\u3000')}文件`)];
  // The attachments: every paragraph in reading order (one cell may hold them all), 附件： joined to the first.
  const items = paragraphsOfTable(table).map((p) => p.runs.map((r) => r.text).join('').trim()).filter(Boolean);
  if (items.length > 1 && /^附\s*件[：:]$/.test(items[0])) items.splice(0, 2, `${items[0]}${items[1]}`);
  const attachments = ATTACHMENT_LIST.test(items[0] ?? '') && items.slice(1).every((l) => ITEM_NUMBER.test(l) && l.length <= 80);
  return attachments ? items.map(lineOf) : undefined;
}

function itemText(item: HtmlItem): string {
  return item.kind === 'paragraph' ? item.runs.map((r) => r.text).join('').replace(/\s+/g, '') : '';
}

/**
 * A file typed on the red-head template starts with the 发文机关标志 (XX文件) above its 文号; the gazette prints
 * the document under its title, so that line is no title. It is taken out (into `masthead`, kept as the
 * document's 版头 like the text importer's) when the 文号 is the next line with text.
 */
function takeMasthead(items: HtmlItem[], masthead: string[]): HtmlItem[] {
  const filled = items.map((item, i) => ({ item, i, text: itemText(item) })).filter((x) => x.text || x.item.kind === 'table');
  const first = filled[0];
  if (!first || first.item.kind !== 'paragraph' || !filled[1] || !isRedHeadOverNumber(first.text, filled[1].text)) return items;
  masthead.push(first.text);
  return items.filter((_, i) => i !== first.i);
}

/**
 * Tabs and layout tables of a Word file's items made plain (a new list; the items' runs are rewritten in place),
 * and the 版头 taken out.
 */
export function plainWordLayout(input: HtmlItem[]): { items: HtmlItem[]; masthead: string[] } {
  const masthead: string[] = [];
  const plain: HtmlItem[] = [];
  for (const item of input) {
    if (item.kind === 'table' && isSignatureLayoutTable(item)) plain.push(...paragraphsOfTable(item).filter((p) => p.runs.some((r) => r.text.trim())));
    else if (item.kind === 'table' && layoutTableLines(item)) plain.push(...layoutTableLines(item)!);
    else plain.push(item);
  }
  // After the layout tables: a 文号 placed by one is the line under the 版头.
  const out = takeMasthead(plain, masthead);
  for (const item of out) if (item.kind === 'paragraph') joinMidSentenceBreaks(item);
  const tabbed = out.map((item) => item.kind === 'paragraph' && hasInnerTab(item));
  out.forEach((item, i) => {
    if (item.kind !== 'paragraph' || !item.runs.some((r) => r.text.includes('\t'))) return;
    // Two or more neighbouring paragraphs with tabs between words: columns, read as a table.
    if (tabbed[i] && (tabbed[i - 1] || tabbed[i + 1])) return;
    plainTabs(item);
  });
  return { items: out, masthead };
}
