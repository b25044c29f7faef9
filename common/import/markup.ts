/**
 * What a markdown site generator or converter leaves in a text: its directives ([[toc]], @tab, ::: fences),
 * rules (---), in-page navigation ([1](#t1) [2](#t2) … under 第1~20条：), attribute lists ({style="…"}) and
 * the YAML front matter. None of it is the document's text, so none of it may reach print: the lines are
 * dropped (each run reported, quoting them), an attribute list is cut off its line, and the front matter's
 * `title:` becomes the document's first line when the text does not print its title itself.
 */
import { squeezeWhitespace } from '../model';
import { isOrganName, parseDateLine } from './gongwen';
import { isBlank, nextNonBlank, type SourceLine } from './lines';

/** Whole-line directives and rules: [[toc]], [TOC], @tab 章节, ::: details 目录, :::, ---, ***, <!-- more -->. */
const DIRECTIVE = /^(?:\[\[?toc\]\]?|@tab(?:\s.{0,30})?|:{3,}(?:\s*[\w-]{1,20}(?:\s.{0,40})?)?|-{3,}|\*{3,}|_{3,}|<!--.{0,80}-->)$/i;

/** A line of in-page links only: [1](#t1) [2](#t2) …, a table of contents the page builds for itself. */
const ANCHOR_LINKS = /^(?:\[[^\]\n]{1,40}\]\(#[^)\s]{1,60}\)[\s\u3000、，,|]*)+$/;

/** The label of such a link line: 第1~20条：, 第41条~60条. */
const RANGE_LABEL = /^第?\s*\d{1,4}\s*条?\s*[~～]\s*第?\s*\d{1,4}\s*条?\s*[：:]?$/;

/** An attribute list at the end of a line (kramdown / markdown-it-attrs): {style="text-align:center;"}, {.right}, {#c1}. */
const ATTRIBUTE = '(?:[.#][\\w-]{1,40}|[\\w-]{1,20}=(?:"[^"{}]{0,200}"|[\\w.%-]{1,40}))';
const ATTRIBUTES = new RegExp(`\\s*\\{${ATTRIBUTE}(?:\\s+${ATTRIBUTE}){0,8}\\}$`);

/** A front-matter line: key: value, or a list item under a key. */
const FRONT_MATTER_LINE = /^(?:[A-Za-z][\w-]{0,30}:(?:\s.*)?|\s+-\s.*|\s*)$/;

export interface StrippedMarkup {
  lines: SourceLine[];
  dropped: SourceLine[];
}

function text(line: SourceLine): string {
  return squeezeWhitespace(line.text);
}

/** The line as written, trimmed (a directive's space before its CJK argument must stay: @tab 章节). */
function raw(line: SourceLine): string {
  return line.text.replace(/\u3000/g, ' ').trim();
}

/** The YAML front matter at the top (--- / key: value … / ---): its line indices and its title. */
function frontMatter(lines: SourceLine[]): { from: number; to: number; titleAt: number } | undefined {
  const first = nextNonBlank(lines, 0);
  if (first < 0 || lines[first].table || lines[first].text.trim() !== '---') return undefined;
  for (let i = first + 1; i < lines.length && i <= first + 60; i++) {
    if (lines[i].table || lines[i].image) return undefined;
    if (lines[i].text.trim() === '---') {
      const titleAt = lines.slice(first + 1, i).findIndex((l) => /^title:\s*\S/.test(l.text));
      return { from: first, to: i, titleAt: titleAt < 0 ? -1 : first + 1 + titleAt };
    }
    // A list item's "- " was taken off by splitLines (listMarker).
    if (!lines[i].listMarker && !FRONT_MATTER_LINE.test(lines[i].text)) return undefined;
  }
  return undefined;
}

/** A markdown (GFM) table row: | cell | cell |. */
const PIPE_ROW = /^\|(.+)\|$/;
/** The row under a markdown table's header that only says how columns align: | :--: | :---- |. */
const PIPE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$/;

function pipeCells(line: SourceLine): string[] | undefined {
  const m = line.table || line.image ? null : PIPE_ROW.exec(line.text.trim());
  return m ? m[1].split('|').map((cell) => cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')) : undefined;
}

/**
 * A markdown table (a pipe row, then its alignment row, then pipe rows) becomes the TAB lines the table reader
 * reads; the alignment row is markup and goes. Pipes anywhere else are text.
 */
function pipeTablesAsTabLines(lines: SourceLine[], drop: Set<number>): SourceLine[] {
  const out = lines.slice();
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = pipeCells(lines[i]);
    if (!head || head.length < 2 || lines[i + 1].table || !PIPE_DELIMITER.test(lines[i + 1].text.trim())) continue;
    out[i] = { ...lines[i], text: head.join('\t') };
    drop.add(i + 1);
    let j = i + 2;
    for (let cells = pipeCells(lines[j] ?? { no: 0, text: '', listMarker: false }); cells; cells = j < lines.length ? pipeCells(lines[j]) : undefined) {
      out[j] = { ...lines[j], text: cells.join('\t') };
      j++;
    }
    i = j - 1;
  }
  return out;
}

export function stripConverterMarkup(input: SourceLine[]): StrippedMarkup {
  const lines = input.map((l) => (l.table || l.image || !ATTRIBUTES.test(l.text) ? l : { ...l, text: l.text.replace(ATTRIBUTES, '') }));
  const drop = new Set<number>();
  const tabbed = pipeTablesAsTabLines(lines, drop);
  let keepTitle: SourceLine | undefined;
  const fm = frontMatter(lines);
  if (fm) {
    for (let i = fm.from; i <= fm.to; i++) if (!isBlank(lines[i])) drop.add(i);
    if (fm.titleAt >= 0) {
      const title = lines[fm.titleAt].text.replace(/^title:\s*/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
      // The title goes in as the text's first line, unless the text prints it itself near the top.
      const top = lines.slice(fm.to + 1, fm.to + 30).filter((l) => !l.table && !isBlank(l)).slice(0, 6).map(text);
      if (!top.some((t) => t.replace(/^#+\s*/, '') === squeezeWhitespace(title))) keepTitle = { ...lines[fm.titleAt], text: title };
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.table || l.image || isBlank(l) || drop.has(i)) continue;
    const t = text(l);
    if (DIRECTIVE.test(raw(l)) || ANCHOR_LINKS.test(t)) drop.add(i);
    else if (RANGE_LABEL.test(t)) {
      const next = nextNonBlank(lines, i + 1);
      if (next >= 0 && !lines[next].table && ANCHOR_LINKS.test(text(lines[next]))) drop.add(i);
    }
  }
  if (!drop.size && lines.every((l, i) => l === input[i])) return { lines: input, dropped: [] };
  const dropped = [...drop].sort((a, b) => a - b).map((i) => input[i]);
  const kept = tabbed.filter((_, i) => !drop.has(i));
  return { lines: keepTitle ? [keepTitle, ...kept] : kept, dropped };
}

/** 署名 and 成文日期 typed on one line, apart by wide space: 格尔木市人民政府办公室    2024年3月5日. */
const ORGAN_AND_DATE = /^(\S.{1,40}?)[ \t\u3000]{2,}(\S.{5,20})$/;

/**
 * A line holding a 署名 and its date (a 纪要's issuer and date under its number; a typed text's closing line) is
 * two lines, so each is read as what it is: the organ a 署名, the date the 成文日期.
 */
export function splitOrganAndDate(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => !l.table && ORGAN_AND_DATE.test(l.text.trim()))) return lines;
  return lines.flatMap((l) => {
    const m = l.table || l.image ? null : ORGAN_AND_DATE.exec(l.text.trim());
    if (!m || !isOrganName(m[1]) || !parseDateLine(m[2])) return [l];
    return [{ ...l, text: m[1] }, { ...l, text: m[2], listMarker: false }];
  });
}
