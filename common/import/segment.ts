/**
 * Document segmentation: where each document starts and how many lines its title takes.
 * With a TOC, the entries' titles are looked up in order in the body (titles may be wrapped over
 * up to four lines, with blank lines or spaces between parts). Independently, a title followed by a
 * 文号 standing alone on its line starts a document (that finds documents missing from the TOC and
 * is the only rule when the text has no TOC). A title like 7月份大事记 starts a chronicle.
 */
import { squeezeWhitespace } from '../model';
import { isBlank, isTableLine, type SourceLine } from './lines';
import { isBracketed, isDocNumber, isRedHeadOverNumber, isTitleLike, isTocPageLine, startsNewElement } from './patterns';
import { endsLikeTitleStrongly, isMasthead, isOrganName, isSecrecyOrUrgency } from './gongwen';
import { stripInline } from './inline';
import type { TocEntry } from './toc';

export interface Segment {
  /** Index of the first title line. */
  start: number;
  /** Index after the last title line. */
  titleEnd: number;
  /** Index after the last line of the document. */
  end: number;
  entry?: TocEntry;
  /** The segment starts at a 版头 above its 文号 and the title below is still to be found (no TOC entry named it). */
  titleBelow?: boolean;
}

const MAX_TITLE_LINES = 4;
export const CHRONICLE_TITLE = /^\d{1,2}月份?大事记$/;

/** If the title `target` starts at line i, the index after its last line; else -1. */
export function matchTitleAt(lines: SourceLine[], i: number, target: string, until: number): number {
  let acc = '';
  let used = 0;
  for (let j = i; j < until && used < MAX_TITLE_LINES; j++) {
    if (isBlank(lines[j])) {
      if (j === i) return -1;
      continue;
    }
    acc += squeezeWhitespace(stripInline(lines[j].text));
    used++;
    if (acc === target) return j + 1;
    if (!target.startsWith(acc)) return -1;
  }
  return -1;
}

/**
 * Title lines immediately above a stand-alone 文号 line at index k: up to four title-like lines. A line
 * that itself ends with a 文种 word (…的通知, …实施方案) ends something above, so the title starts after it;
 * a TOC line (…（54）) or a table row is never part of a title (a Word file may have no blank line between).
 */
function titleAbove(lines: SourceLine[], k: number, floor: number): number {
  let start = -1;
  let count = 0;
  // Where the source says how lines are aligned (HTML, Word), title lines are centred.
  const aligned = lines[k].align !== undefined;
  for (let j = k - 1; j >= floor; j--) {
    if (isBlank(lines[j])) continue;
    const t = lines[j].text;
    // A 版头 (XX文件, 密级, 紧急程度) is above a 文号 with the title below it; a joint title's organ lines
    // (海西州发展和改革委员会 / 海西州财政局 / 关于…) may make it longer than four lines.
    if (isMasthead(t) || (count >= MAX_TITLE_LINES && !isOrganName(t))) break;
    if (aligned && lines[j].align !== 'center') break;
    if (isTableLine(lines[j]) || !isTitleLike(t) || isDocNumber(t) || startsNewElement(t) || isBracketed(t) || isTocPageLine(t)) break;
    if (count > 0 && endsLikeTitleStrongly(t)) break;
    start = j;
    count++;
  }
  return start;
}

function isChronicleTitle(line: SourceLine): boolean {
  return CHRONICLE_TITLE.test(squeezeWhitespace(line.text));
}

/**
 * A red-head 版头 over the 文号 at index k (XX文件, with the 密级 and 紧急程度 lines above it): the index of its
 * first line, or -1. The document starts there; its title is below the 文号.
 */
function redHeadAbove(lines: SourceLine[], k: number, floor: number): number {
  let j = k - 1;
  while (j >= floor && isBlank(lines[j])) j--;
  if (j < floor || !isRedHeadOverNumber(lines[j].text, lines[k].text)) return -1;
  let start = j;
  for (let i = j - 1; i >= floor; i--) {
    if (isBlank(lines[i])) continue;
    if (!isSecrecyOrUrgency(lines[i].text)) break;
    start = i;
  }
  return start;
}

/** Starts found by the 文号 rule (a title above it, or a 版头 with the title below) and the 大事记 rule, in order. */
function heuristicStarts(lines: SourceLine[], from: number, to: number): Array<{ start: number; titleEnd: number; titleBelow?: boolean }> {
  const starts: Array<{ start: number; titleEnd: number; titleBelow?: boolean }> = [];
  let floor = from;
  for (let k = from; k < to; k++) {
    const line = lines[k];
    if (isBlank(line) || line.text.length > 120) continue;
    const head = isDocNumber(line.text) ? redHeadAbove(lines, k, floor) : -1;
    if (isChronicleTitle(line)) {
      starts.push({ start: k, titleEnd: k + 1 });
      floor = k + 1;
    } else if (head >= 0) {
      starts.push({ start: head, titleEnd: k + 1, titleBelow: true });
      floor = k + 1;
    } else if (isDocNumber(line.text)) {
      const start = titleAbove(lines, k, floor);
      if (start >= 0) {
        let titleEnd = start;
        for (let j = start; j < k; j++) if (!isBlank(lines[j])) titleEnd = j + 1;
        starts.push({ start, titleEnd });
        floor = k + 1;
      }
    }
  }
  return starts;
}

export function segmentDocuments(lines: SourceLine[], from: number, entries: TocEntry[]): { segments: Segment[]; missing: TocEntry[] } {
  const found: Segment[] = [];
  const missing: TocEntry[] = [];
  let pos = from;
  for (const entry of entries) {
    const target = squeezeWhitespace(entry.title);
    let hit = -1;
    let titleEnd = -1;
    for (let i = pos; i < lines.length && target; i++) {
      const t = lines[i].text;
      if (!t || t.length > 200 || !target.startsWith(squeezeWhitespace(stripInline(t)).slice(0, 4))) continue;
      const end = matchTitleAt(lines, i, target, lines.length);
      if (end > 0) {
        hit = i;
        titleEnd = end;
        break;
      }
    }
    if (hit < 0) {
      missing.push(entry);
      continue;
    }
    found.push({ start: hit, titleEnd, end: lines.length, entry });
    pos = titleEnd;
  }

  // Documents the TOC does not list (or all documents, without a TOC).
  const starts = heuristicStarts(lines, from, lines.length);
  for (const s of starts) {
    // A 版头 right above a title the TOC found is that document's: its start moves up to the 版头.
    const below = s.titleBelow ? found.find((f) => f.start >= s.titleEnd && lines.slice(s.titleEnd, f.start).every(isBlank)) : undefined;
    if (below) {
      below.start = s.start;
      continue;
    }
    const inside = found.some((f) => s.start < f.titleEnd && s.titleEnd > f.start);
    if (!inside) found.push({ start: s.start, titleEnd: s.titleEnd, end: lines.length, ...(s.titleBelow ? { titleBelow: true } : {}) });
  }
  found.sort((a, b) => a.start - b.start);
  for (let i = 0; i < found.length; i++) found[i].end = i + 1 < found.length ? found[i + 1].start : lines.length;
  return { segments: found, missing };
}
