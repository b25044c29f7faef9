/**
 * A ligature glyph ("——" as one glyph, as Chromium writes it: ToUnicode gives "—", an /ActualText span
 * gives "——") reads as its whole text in pdf.js once the pass has run.
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { fixLigatureText, glyphUses, withLigatureText } from './pdfLigatures';

const CMAP = [
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
  '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
  '1 begincodespacerange <0000> <FFFF> endcodespacerange',
  '2 beginbfchar\n<0001> <0020>\n<00C4> <2014>\nendbfchar',
  '3 beginbfchar\n<00E7> <2014>\n<00DB> <2026>\n<00D4> <2014>\nendbfchar',
  '1 beginbfrange\n<0010> <0010> <7532>\nendbfrange',
  '2 beginbfchar\n<0011> <4E59>\n<0012> <4E19>\nendbfchar',
  'endcmap CMapName currentdict /CMap defineresource pop end end',
].join('\n');

// 甲 — 乙, then 丙 and the ligature ——, then …… as one glyph drawn outside a span (a vertical cell) and inside one.
const CONTENT = [
  'BT /F1 12 Tf 1 0 0 1 10 50 Tm <0010> Tj <00C4> Tj <0011> Tj ET',
  'BT /F1 12 Tf 1 0 0 1 10 30 Tm <0012> Tj ET',
  'BT /Span<</ActualText <FEFF20142014> >> BDC /F1 12 Tf 1 0 0 1 22 30 Tm <00E7> Tj EMC ET',
  'BT /F1 12 Tf 1 0 0 1 10 10 Tm <00DB> Tj ET',
  'BT /Span<</ActualText <FEFF20262026> >> BDC /F1 12 Tf 1 0 0 1 40 10 Tm <00DB> Tj EMC ET',
  // A glyph mapped to — but 1.687 em wide (the pair's glyph in Noto Sans SC Medium), drawn with no span at
  // all (Chromium does that too): the ligature of two.
  'BT /F1 12 Tf 1 0 0 1 100 10 Tm <00D4> Tj ET',
].join('\n');

async function samplePdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const ctx = pdf.context;
  const toUnicode = ctx.register(ctx.flateStream(Buffer.from(CMAP, 'latin1')));
  const descendant = ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+NotoSerifSC', CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }, DW: 1000, W: [0xc4, [1000], 0xd4, 0xd4, 1687, 0xdb, [2000], 0xe7, [2000]] }),
  );
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+NotoSerifSC', Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode }));
  const page = pdf.addPage([200, 80]);
  page.node.setFontDictionary(PDFName.of('F1'), font);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(CONTENT, 'latin1'))));
  return pdf;
}

async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  // This test font has no font program: pdf.js reads each code's high byte as a NUL of its own.
  return content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/[\s\0]+/g, '');
}

describe('ligature glyphs in the text layer', () => {
  it('finds glyphs drawn alone in an ActualText span, and glyphs drawn outside one', () => {
    const uses = glyphUses(CONTENT);
    expect([...uses.F1.get('00E7')!]).toEqual(['——']);
    expect([...uses.F1.get('00DB')!].sort()).toEqual(['', '……']);
    expect([...uses.F1.get('00C4')!]).toEqual(['']);
  });

  it('maps such a glyph to its whole text when the map gives its first character, and nothing else', () => {
    const { cmap, changed } = withLigatureText(CMAP, new Map([['00E7', '——'], ['00DB', '……'], ['0001', 'ab']]));
    expect(changed).toBe(2);
    expect(cmap).toContain('<00E7> <20142014>');
    expect(cmap).toContain('<00DB> <20262026>');
    expect(cmap).toContain('<0001> <0020>');
    expect(cmap).toContain('<00C4> <2014>');
  });

  it('pdf.js reads —— and …… whole after the pass', async () => {
    // As Chromium wrote it: each ligature reads as its first character.
    expect(await pdfjsText(await (await samplePdf()).save())).toBe('甲—乙丙—……—');
    const pdf = await samplePdf();
    expect(fixLigatureText(pdf)).toBe(3);
    expect(await pdfjsText(await pdf.save())).toBe('甲—乙丙——…………——');
  });
});
