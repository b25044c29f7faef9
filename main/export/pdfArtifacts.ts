/**
 * Tagged PDF: content that belongs to no structure element becomes an artifact.
 *
 * Chromium tags what is in the page's accessibility tree; what we hide from it (running heads and folios
 * carry aria-hidden) is painted with no marked content at all, as are page backgrounds, rules and the
 * crop marks pdf-lib draws. PDF/UA wants such content marked `/Artifact`, so a screen reader skips it
 * and a checker does not report untagged content. This pass wraps every graphics object (text object,
 * painted path, XObject, shading, inline image) that sits outside any marked-content sequence in
 * `/Artifact BMC … EMC`. Tagged content is left exactly as Chromium wrote it.
 */
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFPage } from 'pdf-lib';

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** An operator and where its operands begin (the end of the previous operator). */
interface Op {
  name: string;
  start: number;
  end: number;
}

function skipLiteralString(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return s.length;
}

/** The operators of a content stream (operands are skipped: only positions matter here). */
export function contentOperators(s: string): Op[] {
  const ops: Op[] = [];
  let operandsFrom = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (WHITESPACE.has(c)) i++;
    else if (c === 0x25) while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    else if (c === 0x28) i = skipLiteralString(s, i);
    else if (c === 0x3c && s[i + 1] === '<') i += 2;
    else if (c === 0x3e && s[i + 1] === '>') i += 2;
    else if (c === 0x3c) i = s.indexOf('>', i) + 1 || s.length;
    else if (c === 0x2f || DELIMITERS.has(c)) {
      i++;
      if (c === 0x2f) while (i < s.length && !WHITESPACE.has(s.charCodeAt(i)) && !DELIMITERS.has(s.charCodeAt(i))) i++;
    } else {
      const from = i;
      while (i < s.length && !WHITESPACE.has(s.charCodeAt(i)) && !DELIMITERS.has(s.charCodeAt(i))) i++;
      const word = s.slice(from, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') continue;
      if (word === 'ID') {
        // Inline image data runs to the EI that follows whitespace.
        const m = /\sEI(?=[\s]|$)/g;
        m.lastIndex = i + 1;
        const found = m.exec(s);
        i = found ? found.index + 3 : s.length;
        ops.push({ name: 'EI', start: operandsFrom, end: i });
        operandsFrom = i;
        continue;
      }
      ops.push({ name: word, start: operandsFrom, end: i });
      operandsFrom = i;
    }
  }
  return ops;
}

const PATH_START = new Set(['m', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const MARKED = new Set(['BDC', 'BMC', 'EMC', 'MP', 'DP']);

/** Where each untagged graphics object begins and ends: [start, end) ranges in the stream text. */
export function untaggedObjects(s: string): Array<[number, number]> {
  const ops = contentOperators(s);
  const ranges: Array<[number, number]> = [];
  let depth = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.name === 'BDC' || op.name === 'BMC') depth++;
    else if (op.name === 'EMC') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    let last = k;
    let paints = true;
    if (op.name === 'BT') {
      while (last < ops.length - 1 && ops[last].name !== 'ET') last++;
    } else if (op.name === 'BI') {
      while (last < ops.length - 1 && ops[last].name !== 'EI') last++;
    } else if (PATH_START.has(op.name)) {
      while (last < ops.length - 1 && !PATH_PAINT.has(ops[last].name)) last++;
      // A clipping path (`re W n`) paints nothing.
      paints = ops[last].name !== 'n';
    } else if (op.name !== 'Do' && op.name !== 'sh') {
      continue;
    }
    const inner = ops.slice(k, last + 1);
    if (paints && !inner.some((o) => MARKED.has(o.name))) {
      // Start at the first operand of the first operator (after the whitespace that ends the previous one).
      let start = op.start;
      while (start < op.end && WHITESPACE.has(s.charCodeAt(start))) start++;
      ranges.push([start, ops[last].end]);
    }
    k = last;
  }
  return ranges;
}

/** The stream text with every untagged graphics object wrapped as an artifact. */
export function wrapUntagged(s: string): { text: string; wrapped: number } {
  const ranges = untaggedObjects(s);
  if (ranges.length === 0) return { text: s, wrapped: 0 };
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${s.slice(at, start)}/Artifact BMC\n${s.slice(start, end)}\nEMC`;
    at = end;
  }
  return { text: out + s.slice(at), wrapped: ranges.length };
}

function contentStreamRefs(pdf: PDFDocument, page: PDFPage): PDFRef[] {
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) {
    const target = pdf.context.lookup(contents);
    return target instanceof PDFArray ? target.asArray().filter((r): r is PDFRef => r instanceof PDFRef) : [contents];
  }
  return contents instanceof PDFArray ? contents.asArray().filter((r): r is PDFRef => r instanceof PDFRef) : [];
}

/** Mark every untagged graphics object of every page as an artifact; returns how many were wrapped. */
export function markUntaggedAsArtifacts(pdf: PDFDocument): number {
  let total = 0;
  const done = new Set<string>();
  for (const page of pdf.getPages()) {
    for (const ref of contentStreamRefs(pdf, page)) {
      if (done.has(ref.toString())) continue;
      done.add(ref.toString());
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      const { text: wrapped, wrapped: count } = wrapUntagged(text);
      if (count === 0) continue;
      pdf.context.assign(ref, pdf.context.flateStream(Buffer.from(wrapped, 'latin1')));
      total += count;
    }
  }
  return total;
}
