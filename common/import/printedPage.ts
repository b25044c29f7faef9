/**
 * Text copied out of a printed file (a PDF of the 公文 or of a gazette): each page's folio (— 3 —, －3－,
 * - 3 -, 第3页, 第 3 页 共 5 页) and the running head printed at the page's top or foot come along with the
 * text, in the middle of a sentence broken by the page. They are the print's, not the document's: left out,
 * so the sentence joins up again across the page break. Pure.
 */
import { squeezeWhitespace } from '../model';
import { isBlank, type SourceLine } from './lines';

/** A page number alone on its line, as a 公文 (GB/T 9704 7.5: — 1 —) or a PDF viewer prints it. */
const FOLIO = /^(?:[—－\-–─]{1,2}[0-9]{1,4}[—－\-–─]{1,2}|第[0-9]{1,4}页(?:[，,/]?共[0-9]{1,4}页)?)$/;

/** A running head names the journal's issue (格尔木市人民政府公报 2024年第5期), or is repeated page after page. */
const ISSUE_HEAD = /第[0-9一二三四五六七八九十〇]{1,4}期/;

export function isFolioLine(text: string): boolean {
  return FOLIO.test(squeezeWhitespace(text));
}

/** A bare page number (3): only on a centred line (a Word or web line knows it), where a converter left the folio. */
const BARE_FOLIO = /^[0-9]{1,3}$/;

function isFolio(line: SourceLine): boolean {
  if (line.table || line.image) return false;
  return isFolioLine(line.text) || (line.align === 'center' && BARE_FOLIO.test(squeezeWhitespace(line.text)));
}

/** The nearest non-blank line before (step -1) or after (step 1) index i. */
function neighbour(lines: SourceLine[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (!isBlank(lines[j]) || lines[j].table || lines[j].image) return j;
  return -1;
}

function isHeadCandidate(line: SourceLine): boolean {
  const t = squeezeWhitespace(line.text);
  return !line.table && !line.image && t.length > 0 && t.length <= 40 && !/[，。；！？：:]/.test(t);
}

export interface StrippedPrint {
  lines: SourceLine[];
  /** The folios and running heads left out, in order (for the warning). */
  dropped: SourceLine[];
}

/**
 * Leaves out folio lines and the running heads next to them: a short line at the top of a page (right after
 * a folio) that names an issue, or a short line that stands beside two or more folios (a head repeated at
 * each page's top or foot). A body line at a page's foot is never repeated, so it stays.
 */
export function stripPrintedPageLines(lines: SourceLine[]): StrippedPrint {
  const folios = lines.flatMap((l, i) => (isFolio(l) ? [i] : []));
  if (!folios.length) return { lines, dropped: [] };
  const drop = new Set(folios);
  const beside = new Map<string, number[]>();
  for (const f of folios) {
    for (const step of [1, -1] as const) {
      const j = neighbour(lines, f, step);
      if (j < 0 || drop.has(j) || !isHeadCandidate(lines[j])) continue;
      const key = squeezeWhitespace(lines[j].text);
      beside.set(key, [...(beside.get(key) ?? []), j]);
    }
  }
  for (const [key, at] of beside) if (at.some((j) => j > 0 && ISSUE_HEAD.test(key) && folios.includes(neighbour(lines, j, -1))) || new Set(at).size >= 2) for (const j of at) drop.add(j);
  return { lines: lines.filter((_, i) => !drop.has(i)), dropped: lines.filter((_, i) => drop.has(i)) };
}
