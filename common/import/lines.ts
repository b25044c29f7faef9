/**
 * Source lines: the importer works on numbered lines so that every warning can name its line and so
 * that nothing is silently lost. Conversion artefacts of the text (a leading markdown "- " list
 * marker) are stripped here and remembered, because a stripped marker also means "a new item starts".
 */
import type { Align, ImageElement, TableElement } from '../model';
import type { SourceFace } from './sourceFaces';

export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  /** The line without its conversion list marker and trailing spaces (tabs stay: they are empty cells). */
  text: string;
  /** True when a leading "- " list marker from the conversion was removed. */
  listMarker: boolean;
  /** Paragraph alignment, when the source says (HTML and Word paragraphs; plain text has none). */
  align?: Align;
  /** A table the source already structured (HTML, Word): kept as it is, never re-read from tabs. */
  table?: TableElement;
  /** An image the source placed here (Word, HTML): kept in place. */
  image?: ImageElement;
  /** Runs of this line (or of the table's cells) in a deliberate 楷体/黑体 face (HTML, Word; sourceFaces.ts). */
  faces?: SourceFace[];
}

/** A leading markdown list marker ("- ", " - ") that the text conversion added. */
const LIST_MARKER = /^[ \t]{0,3}- (?=\S)/;

export function splitLines(text: string): SourceLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return raw.map((line, i) => {
    const stripped = line.replace(LIST_MARKER, '');
    return { no: i + 1, text: stripped.replace(/[ \u3000]+$/, ''), listMarker: stripped !== line };
  });
}

export function isBlank(line: SourceLine | undefined): boolean {
  return !line || (!line.table && !line.image && line.text.trim() === '');
}

/** Lines that hold tab-separated table cells. */
export function isTableLine(line: SourceLine): boolean {
  if (line.table) return true;
  return line.text.includes('\t') && line.text.replace(/\t/g, '').trim() !== '';
}

/** Index of the next non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: SourceLine[], from: number, until = lines.length): number {
  for (let i = from; i < until; i++) if (!isBlank(lines[i])) return i;
  return -1;
}
