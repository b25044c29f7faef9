/**
 * Inline text: markdown bold (**…**) from the conversion becomes bold leaves, titles lose the spaces
 * that marked print line breaks, table cells lose their HTML paragraph markup.
 */
import type { Align, TextLeaf } from '../model';
import { removeCjkLatinSpaces } from '../model';

/** Split `**bold**` runs into bold leaves; an unpaired `**` is a conversion artefact and is dropped. */
export function parseInline(text: string): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  const parts = text.split('**');
  // Parts at odd indexes are inside a pair; with an even number of markers the last one is unpaired.
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    if (part === '') return;
    const bold = i % 2 === 1 && i < paired;
    leaves.push(bold ? { text: part, bold: true } : { text: part });
  });
  if (leaves.length === 0) leaves.push({ text: '' });
  return leaves;
}

/** The text without markdown bold markers. */
export function stripInline(text: string): string {
  return text.split('**').join('');
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》]/;

/**
 * Title text: whitespace between CJK characters marked a print line break (格尔木市人民政府办公室
 * 关于…) or letter-spacing (通 知); it goes. Spaces between two Latin words stay.
 */
export function squeezeTitle(text: string): string {
  const t = text.trim();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (/\s/.test(ch)) {
      let j = i;
      while (j < t.length && /\s/.test(t[j])) j++;
      const before = out[out.length - 1] ?? '';
      const after = t[j] ?? '';
      if (before && after && !CJK.test(before) && !CJK.test(after)) out += ' ';
      i = j - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Body text: trim, collapse runs of spaces, drop spaces between CJK and Latin digits (GB/T practice). */
export function cleanBodyText(text: string): string {
  return removeCjkLatinSpaces(text.trim().replace(/[ \t]{2,}/g, ' '));
}

export interface CellParagraph {
  text: string;
  align?: Align;
}

/**
 * A table cell as the conversion wrote it: plain text, or several `<p>` paragraphs (with an optional
 * text-align), with `<input type="checkbox"/>` for form check boxes (printed as □).
 */
export function parseCell(raw: string): CellParagraph[] {
  const text = raw.replace(/<input[^>]{0,80}type="checkbox"[^>]{0,40}\/?>/gi, '□');
  if (!/<p[\s>]/i.test(text)) return [{ text: cleanBodyText(decodeEntities(text)) }];
  const paragraphs: CellParagraph[] = [];
  const re = /<p(\s[^>]{0,200})?>([\s\S]*?)<\/p>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const between = text.slice(last, m.index).trim();
    if (between) paragraphs.push({ text: cleanBodyText(decodeEntities(between)) });
    const align = /text-align:\s*(left|center|right|justify)/i.exec(m[1] ?? '')?.[1]?.toLowerCase() as Align | undefined;
    const p: CellParagraph = { text: cleanBodyText(decodeEntities(m[2])) };
    if (align) p.align = align;
    paragraphs.push(p);
    last = re.lastIndex;
  }
  const tail = text.slice(last).trim();
  if (tail) paragraphs.push({ text: cleanBodyText(decodeEntities(tail)) });
  return paragraphs.length ? paragraphs : [{ text: '' }];
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|nbsp);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : ' ',
  );
}
