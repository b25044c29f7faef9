/**
 * The TOC of the text (目 录 … 格政办〔2024〕9号……（3）). It is dropped from the output (the app
 * generates its own), but its section names become the sections and its entries tell the
 * segmenter which titles start documents. The print interleaved the TOC with the sidebar
 * (本刊所登公文与正式 / 文件具有同等效力, 传达政令 …, the journal name) and wrapped long titles.
 */
import { squeezeWhitespace } from '../model';
import { isBlank, type SourceLine } from './lines';
import { docNumberOf, isDocNumber } from './patterns';
import { squeezeTitle, stripInline } from './inline';
import { matchTitleAt } from './segment';

export interface TocEntry {
  title: string;
  docNumber: string;
  page?: number;
  sectionIndex: number;
  line: number;
}

export interface ParsedToc {
  sections: string[];
  entries: TocEntry[];
  sidebarNotice: string[];
  sidebarSlogans: string[];
  /** Index (into the lines) of the first line after the TOC. */
  end: number;
  /** Lines inside the TOC that fit nowhere (returned, never dropped). */
  unplaced: SourceLine[];
  /** Entries with a title but no 文号/page line. */
  incomplete: TocEntry[];
}

export function isTocHeading(line: SourceLine): boolean {
  return squeezeWhitespace(line.text) === '目录';
}

/** `title or 文号 ……（page）` */
function pageLine(text: string): { prefix: string; page: number } | null {
  if (text.length > 200) return null;
  const m = /^([^…]*?)[ \t]*(?:…{2,}|\.{4,}|·{4,})[…. ·]*[（(]\s*(\d{1,4})\s*[）)]$/.exec(text.trim());
  return m ? { prefix: m[1].trim(), page: Number(m[2]) } : null;
}

const SECTION_NAME = /^(市政府办公室文件|市政府文件|人事任免|大事记|规范性文件|政策解读|工作动态|公告|通告|[\u4e00-\u9fa5]{2,8}(文件|任免|动态))$/;

function classifyGroup(group: SourceLine[], journalName: string): 'notice' | 'slogans' | 'journal' | 'section' | 'content' {
  const texts = group.map((l) => squeezeWhitespace(l.text));
  const joined = texts.join('');
  if (/同等效力/.test(joined)) return 'notice';
  if (journalName && joined === journalName && group.length > 1) return 'journal';
  if (group.length >= 2 && texts.every((t) => t.length <= 4 && !pageLine(t))) return 'slogans';
  if (group.length === 1 && SECTION_NAME.test(texts[0])) return 'section';
  return 'content';
}

/**
 * Parse the TOC starting after the 目录 line. The TOC ends where the body's first title appears
 * (the first entry's title again), or where a line is too long to be a TOC line.
 */
export function parseToc(lines: SourceLine[], start: number, journalName: string): ParsedToc {
  const toc: ParsedToc = { sections: [], entries: [], sidebarNotice: [], sidebarSlogans: [], end: lines.length, unplaced: [], incomplete: [] };
  let pending: SourceLine[] = [];
  let i = start;
  const finishPending = () => {
    if (pending.length === 0) return;
    const entry: TocEntry = {
      title: squeezeTitle(stripInline(pending.map((l) => l.text).join(' '))),
      docNumber: '',
      sectionIndex: Math.max(toc.sections.length - 1, 0),
      line: pending[0].no,
    };
    toc.entries.push(entry);
    toc.incomplete.push(entry);
    pending = [];
  };

  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const groupStart = i;
    const group: SourceLine[] = [];
    while (i < lines.length && !isBlank(lines[i])) group.push(lines[i++]);

    const first = squeezeWhitespace(group[0].text);
    const kind = classifyGroup(group, journalName);
    const firstTitle = toc.entries[0]?.title;
    const bodyStarts =
      kind === 'content' &&
      ((firstTitle && pending.length === 0 && matchTitleAt(lines, groupStart, firstTitle, lines.length) > 0) ||
        group.some((l) => squeezeWhitespace(l.text).length > 60 && !pageLine(l.text)));
    if (bodyStarts) {
      // Title lines collected just before belong to the body too.
      toc.end = pending.length ? lines.indexOf(pending[0]) : groupStart;
      pending = [];
      return finish(toc);
    }

    if (kind === 'notice') toc.sidebarNotice.push(...group.map((l) => squeezeWhitespace(l.text)));
    else if (kind === 'slogans') toc.sidebarSlogans.push(...group.map((l) => squeezeWhitespace(l.text)));
    else if (kind === 'journal') continue;
    else if (kind === 'section') {
      finishPending();
      toc.sections.push(first);
    } else {
      for (const line of group) {
        const page = pageLine(line.text);
        if (!page) {
          pending.push(line);
          continue;
        }
        if (isDocNumber(page.prefix)) {
          if (pending.length === 0) {
            toc.unplaced.push(line);
            continue;
          }
          toc.entries.push({
            title: squeezeTitle(stripInline(pending.map((l) => l.text).join(' '))),
            docNumber: docNumberOf(page.prefix),
            page: page.page,
            sectionIndex: Math.max(toc.sections.length - 1, 0),
            line: pending[0].no,
          });
          pending = [];
        } else {
          // An entry without 文号 on one line: 7月份大事记……（54）; any pending lines are its start.
          const title = squeezeTitle(stripInline([...pending.map((l) => l.text), page.prefix].join(' ')));
          toc.entries.push({ title, docNumber: '', page: page.page, sectionIndex: Math.max(toc.sections.length - 1, 0), line: (pending[0] ?? line).no });
          pending = [];
        }
      }
    }
  }
  finishPending();
  toc.end = lines.length;
  return finish(toc);
}

function finish(toc: ParsedToc): ParsedToc {
  if (toc.sections.length === 0 && toc.entries.length > 0) toc.sections.push('目录');
  return toc;
}
