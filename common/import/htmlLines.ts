/**
 * HTML and Word paragraphs -> the recogniser's source lines, so that web pages, .docx files and pastes
 * go through the same 公文 recogniser as plain text. A paragraph becomes one line per <br> line, with its
 * alignment; bold runs inside a paragraph become **…** (the text reader's bold, for run-in headings);
 * a structured table stays a table (a layout table of one column becomes its paragraphs).
 */
import type { TableElement } from '../model';
import { normalizeContent } from '../model';
import type { HtmlItem, HtmlTable, InlineRun } from './cleanWordHtml';
import type { SourceFace } from './sourceFaces';
import { tableFrom } from './fromDocxHtml';
import type { SourceLine } from './lines';

function paragraphText(runs: Array<{ text: string; bold?: boolean }>): string {
  const all = runs.map((r) => r.text).join('');
  const visible = runs.filter((r) => r.text.trim());
  // A wholly bold paragraph (a title, a heading typed bold) carries no run-in information.
  if (visible.every((r) => r.bold) || visible.every((r) => !r.bold)) return all;
  return runs.map((r) => (r.bold && r.text.trim() && !r.text.includes('\n') ? `**${r.text}**` : r.text)).join('');
}

/** A table used for page layout: every row one cell. Its paragraphs are read as paragraphs. */
function isLayoutTable(table: HtmlTable): boolean {
  return table.rows.every((row) => row.length <= 1);
}

/** The runs in a deliberate face (the body font's face was already dropped by the reader). */
function facesOf(runs: InlineRun[]): SourceFace[] {
  return runs.filter((r) => r.face && r.text.trim()).map((r) => ({ text: r.text.replace(/\n/g, ''), face: r.face! }));
}

export function htmlItemsToLines(items: HtmlItem[]): SourceLine[] {
  const lines: SourceLine[] = [];
  const pushText = (text: string, align?: SourceLine['align'], faces: SourceFace[] = []) => {
    text.split('\n').forEach((part, i) => {
      // Trailing tabs stay: they are a table row's empty last cells (as in text), not layout.
      const t = part.replace(/[^\S\t]+$/, '');
      lines.push({ no: lines.length + 1, text: t.trim() ? t : '', listMarker: false, ...(align ? { align } : {}), ...(i === 0 && faces.length ? { faces } : {}) });
    });
  };
  for (const item of items) {
    if (item.kind === 'table') {
      if (isLayoutTable(item)) {
        // A layout cell's alignment (<td align=center>) is its paragraphs' unless they set their own.
        for (const row of item.rows) for (const cell of row) for (const p of cell.paragraphs) pushText(paragraphText(p.runs), p.align ?? cell.align, facesOf(p.runs));
        continue;
      }
      const table = normalizeContent({ blocks: [tableFrom(item)] }).blocks[0] as TableElement;
      // A structured table keeps its cells' faces itself (tableFrom).
      lines.push({ no: lines.length + 1, text: '', listMarker: false, table });
      continue;
    }
    if (item.runs.some((r) => r.text.trim())) pushText(paragraphText(item.runs), item.align, facesOf(item.runs));
    else if (item.images.length === 0) pushText(''); // an empty paragraph kept by the reader: a blank line
    for (const image of item.images) {
      lines.push({ no: lines.length + 1, text: '', listMarker: false, image: { type: 'image', assetId: image.assetId, ...(image.alt ? { alt: image.alt } : {}), children: [{ text: '' }] } });
    }
  }
  return lines;
}
