/**
 * Convert the CFF-outline FandolFang (仿宋 substitute) to TrueType outlines, once, at development time.
 * Chromium embeds CFF CJK faces as Type 3 fonts, which print shops reject; TrueType outlines embed as
 * CID TrueType subsets. The result (WOFF: TrueType outlines, zlib-compressed) is committed to
 * resources/fonts/ with its licence, so no build step needs the TeX Live package.
 *
 * Usage: get FandolFang-Regular.otf from Debian's texlive-lang-chinese:
 *   cd /tmp && apt-get download texlive-lang-chinese && dpkg-deb -x texlive-lang-chinese_*.deb x
 *   npx tsx scripts/convert-fonts.ts /tmp/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createFont } from 'fonteditor-core';
import { oneCodePointPerGlyph } from './fontCmap';

const input = process.argv[2];
if (!input) {
  console.error('usage: tsx scripts/convert-fonts.ts path/to/FandolFang-Regular.otf');
  process.exit(2);
}
const out = resolve(import.meta.dirname, '../resources/fonts/FandolFang-Regular.woff');

/** Advance widths and left side bearings straight from the OTF's hmtx table. */
function readHmtx(buf: Buffer): Array<{ advance: number; lsb: number }> {
  const numTables = buf.readUInt16BE(4);
  const tables: Record<string, number> = {};
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables[buf.toString('latin1', rec, rec + 4)] = buf.readUInt32BE(rec + 8);
  }
  const numberOfHMetrics = buf.readUInt16BE(tables.hhea + 34);
  const numGlyphs = buf.readUInt16BE(tables.maxp + 4);
  const metrics: Array<{ advance: number; lsb: number }> = [];
  let advance = 0;
  for (let i = 0; i < numGlyphs; i++) {
    if (i < numberOfHMetrics) {
      advance = buf.readUInt16BE(tables.hmtx + i * 4);
      metrics.push({ advance, lsb: buf.readInt16BE(tables.hmtx + i * 4 + 2) });
    } else {
      metrics.push({ advance, lsb: buf.readInt16BE(tables.hmtx + numberOfHMetrics * 4 + (i - numberOfHMetrics) * 2) });
    }
  }
  return metrics;
}

const source = readFileSync(input);
const font = createFont(source, { type: 'otf', hinting: false, kerning: false });
const data = font.get();
// fonteditor-core derives advances from the CFF charstrings and gets FandolFang's proportional glyphs
// wrong (negative widths); the hmtx table has the real ones.
const hmtx = readHmtx(source);
data.glyf.forEach((glyph, i) => {
  if (hmtx[i]) glyph.advanceWidth = hmtx[i].advance;
});
// One code point per glyph, no control code points: the PDF's text layer comes from this cmap.
const cleanup = oneCodePointPerGlyph(data.glyf);
// Keep the family name recognisable in pdffonts output.
data.name.fontFamily = 'FandolFang';
data.name.fullName = 'FandolFang Regular';
data.name.postScriptName = 'FandolFang-Regular';
const woff = font.write({
  type: 'woff',
  hinting: false,
  deflate: (bytes: number[]) => Array.from(deflateSync(Buffer.from(bytes))),
}) as Buffer;
writeFileSync(out, woff);
console.log(`wrote ${out}: ${data.glyf.length} glyphs (${cleanup.duplicated} copies for shared code points, ${cleanup.dropped} control/private code points dropped), ${(woff.length / 1e6).toFixed(1)} MB`);
