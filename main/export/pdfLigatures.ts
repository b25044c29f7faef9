/**
 * Ligatures in the PDF's text layer. The Noto faces may set "——" or "……" as one glyph. Chromium (Skia)
 * writes that glyph's ToUnicode entry as the first character only and puts the whole text in an
 * /ActualText span around the glyph: poppler's pdftotext reads the span, but pdf.js (browsers' viewer,
 * search, copy) and pdfminer read the ToUnicode map, and "——" comes out as "—".
 *
 * This pass finds glyphs drawn alone inside /ActualText spans of one text longer than one character
 * (never of another text), whose ToUnicode entry is that text's first character, and gives them the whole
 * text in the ToUnicode map (where Chromium draws the glyph outside a span, in a vertical cell, the text
 * was lost too). Chromium also draws the ligature with no span at all at times: a glyph mapped to — or …
 * that is about two ems wide is the ligature of two. Every reader then gets the text that was set; nothing drawn changes.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { contentOperators } from './pdfArtifacts';

/** A stream's text; Chromium's streams are Flate, inflated by zlib (faster than pdf-lib's decoder). */
function streamText(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms')) ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
  return Buffer.from(bytes).toString('latin1');
}

/** Glyph ids (4 hex digits, Identity-H) of the hex strings in a Tj/TJ operand text. */
function glyphsOf(operands: string): string[] {
  const glyphs: string[] = [];
  for (const m of operands.matchAll(/<([0-9A-Fa-f\s]*)>/g)) {
    const hex = m[1].replace(/\s+/g, '').toUpperCase();
    for (let i = 0; i + 4 <= hex.length; i += 4) glyphs.push(hex.slice(i, i + 4));
  }
  return glyphs;
}

/** The text of an /ActualText <FEFF…> hex string (UTF-16BE), or null. */
function actualText(operands: string): string | null {
  const m = /\/ActualText\s*<\s*FEFF([0-9A-Fa-f\s]*)>/i.exec(operands);
  if (!m) return null;
  const hex = m[1].replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

const utf16Hex = (text: string) =>
  Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join('');

export interface GlyphUse {
  /** Per font resource name: glyph id -> the ActualText texts it was drawn alone in ('' when drawn outside one). */
  [font: string]: Map<string, Set<string>>;
}

/** How each glyph of a content stream is drawn: alone in an /ActualText span (its text), or not (''). */
export function glyphUses(stream: string, uses: GlyphUse = {}): GlyphUse {
  const ops = contentOperators(stream);
  let font = '';
  // Marked-content stack: an ActualText span collects the glyphs drawn in it.
  const spans: Array<{ text: string; glyphs: Array<[string, string]> } | null> = [];
  const note = (f: string, glyph: string, text: string) => {
    const byGlyph = (uses[f] ??= new Map());
    (byGlyph.get(glyph) ?? byGlyph.set(glyph, new Set()).get(glyph)!).add(text);
  };
  for (const op of ops) {
    const operands = stream.slice(op.start, op.end - op.name.length);
    if (op.name === 'Tf') font = /\/([^\s/<>[\]()]+)\s+[-+\d.]+\s*$/.exec(operands)?.[1] ?? font;
    else if (op.name === 'BDC' || op.name === 'BMC') {
      const text = op.name === 'BDC' ? actualText(operands) : null;
      spans.push(text === null ? null : { text, glyphs: [] });
    } else if (op.name === 'EMC') {
      const span = spans.pop();
      if (!span) continue;
      // One glyph for the whole text: a ligature (or one character); anything else is not a single glyph's text.
      if (span.glyphs.length === 1) note(span.glyphs[0][0], span.glyphs[0][1], span.text);
      else for (const [f, g] of span.glyphs) note(f, g, '');
    } else if (op.name === 'Tj' || op.name === 'TJ' || op.name === "'" || op.name === '"') {
      const inner = [...spans].reverse().find((s) => s !== null);
      for (const glyph of glyphsOf(operands)) {
        if (inner) inner.glyphs.push([font, glyph]);
        else note(font, glyph, '');
      }
    }
  }
  return uses;
}

/**
 * A ToUnicode CMap with the given glyphs mapped to their whole text, where the map gives the text's first
 * character (a bfchar entry). Returns the new CMap text and how many entries changed.
 */
export function withLigatureText(cmap: string, texts: Map<string, string>): { cmap: string; changed: number } {
  let changed = 0;
  const out = cmap.replace(/(beginbfchar)([\s\S]*?)(endbfchar)/g, (_, begin: string, body: string, end: string) => {
    const next = body.replace(/<([0-9A-Fa-f]{4})>(\s*)<([0-9A-Fa-f]+)>/g, (entry: string, gid: string, space: string, hex: string) => {
      const text = texts.get(gid.toUpperCase());
      if (!text || text.length < 2 || utf16Hex(text.slice(0, hex.length / 4)) !== hex.toUpperCase() || hex.length >= text.length * 4) return entry;
      changed++;
      return `<${gid}>${space}<${utf16Hex(text)}>`;
    });
    return begin + next + end;
  });
  return { cmap: out, changed };
}

function contentStreamRefs(pdf: PDFDocument, page: PDFPage): PDFRef[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const target = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
  if (target instanceof PDFArray) return target.asArray().filter((r): r is PDFRef => r instanceof PDFRef);
  return contents instanceof PDFRef ? [contents] : [];
}

/** Width of glyph `gid` (1/1000 em) from a CIDFont's /W array, else its /DW (default 1000). */
export function cidWidth(cidFont: PDFDict, gid: number): number {
  const w = cidFont.lookupMaybe(PDFName.of('W'), PDFArray);
  const items = w ? w.asArray().map((item) => cidFont.context.lookup(item)) : [];
  for (let i = 0; i < items.length; ) {
    const first = items[i] instanceof PDFNumber ? (items[i] as PDFNumber).asNumber() : NaN;
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      const widths = next.asArray();
      if (gid >= first && gid < first + widths.length) return (cidFont.context.lookup(widths[gid - first]) as PDFNumber).asNumber();
      i += 2;
    } else {
      const last = (next as PDFNumber | undefined)?.asNumber() ?? NaN;
      if (gid >= first && gid <= last) return (items[i + 2] as PDFNumber).asNumber();
      i += 3;
    }
  }
  return cidFont.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000;
}

/** Characters whose two-in-a-row ligature (a 2-em glyph) Chromium maps to one: the Noto faces' —— and ……. */
const DOUBLED = ['\u2014', '\u2026'];

/**
 * Glyphs of a Type0 font that the ToUnicode maps to — or … but that are well over one em wide: the
 * ligature of two (1.687 em in Noto Sans SC Medium, 2 em in the serif faces; a single — or … is at most
 * one em in every face) (Chromium draws it without an /ActualText span at times, so spans alone do not find it).
 */
function doubledGlyphs(font: PDFDict, cmap: string): Map<string, string> {
  const found = new Map<string, string>();
  const cidFont = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
  if (!cidFont) return found;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, gid, hex] of block[1].matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>/g)) {
      const ch = String.fromCharCode(parseInt(hex, 16));
      if (DOUBLED.includes(ch) && cidWidth(cidFont, parseInt(gid, 16)) >= 1500) found.set(gid.toUpperCase(), ch + ch);
    }
  }
  return found;
}

/** Give every ligature glyph of the document its whole text in its font's ToUnicode map; returns the count. */
export function fixLigatureText(pdf: PDFDocument): number {
  // Font object -> glyph id -> texts it was drawn with (over every page that uses the font).
  const byFont = new Map<string, { ref: PDFRef; glyphs: Map<string, Set<string>> }>();
  for (const page of pdf.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    if (!fonts) continue;
    const uses: GlyphUse = {};
    for (const ref of contentStreamRefs(pdf, page)) {
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      // Only streams with spans need reading operator by operator (most pages have none).
      const text = streamText(stream);
      if (text.includes('/ActualText')) glyphUses(text, uses);
    }
    for (const [key, ref] of fonts.entries()) {
      if (!(ref instanceof PDFRef)) continue;
      const entry = byFont.get(ref.toString()) ?? byFont.set(ref.toString(), { ref, glyphs: new Map() }).get(ref.toString())!;
      for (const [glyph, texts] of uses[key.decodeText()] ?? []) {
        const all = entry.glyphs.get(glyph) ?? entry.glyphs.set(glyph, new Set()).get(glyph)!;
        for (const t of texts) all.add(t);
      }
    }
  }
  let total = 0;
  for (const { ref, glyphs } of byFont.values()) {
    const font = pdf.context.lookup(ref);
    if (!(font instanceof PDFDict) || font.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const cmapRef = font.get(PDFName.of('ToUnicode'));
    const cmapStream = cmapRef instanceof PDFRef ? pdf.context.lookup(cmapRef) : null;
    if (!(cmapRef instanceof PDFRef) || !(cmapStream instanceof PDFRawStream)) continue;
    const original = streamText(cmapStream);
    // Glyphs drawn alone in spans of one and the same text of two or more characters: one glyph for that
    // text. Chromium draws the same glyph outside any span too (a vertical cell sets glyph by glyph).
    const texts = doubledGlyphs(font, original);
    for (const [g, t] of glyphs) {
      const spans = [...t].filter(Boolean);
      if (spans.length === 1 && spans[0].length > 1) texts.set(g, spans[0]);
    }
    if (texts.size === 0) continue;
    const { cmap, changed } = withLigatureText(original, texts);
    if (changed === 0) continue;
    pdf.context.assign(cmapRef, pdf.context.flateStream(Buffer.from(cmap, 'latin1')));
    total += changed;
  }
  return total;
}
