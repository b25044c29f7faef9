/**
 * The fallback face for rare characters (CJK Extension A and B, e.g. 㐀 𠀋 𪚥): none of the bundled faces
 * has them, and with no system CJK font they printed as empty boxes. Subsets of HanaMinA (Extension A)
 * and HanaMinB (Extension B) from GlyphWiki's Hanazono fonts, written as WOFF (TrueType outlines, so they
 * embed as CID TrueType), once, at development time; resources/print/fonts.css loads them by
 * unicode-range, so only content with such characters ever loads them.
 *
 * Usage (Debian's fonts-hanazono):
 *   cd /tmp && apt-get download fonts-hanazono && dpkg-deb -x fonts-hanazono_*.deb h
 *   npx tsx scripts/convert-rare-fonts.ts /tmp/h/usr/share/fonts/truetype/hanazono
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { createFont } from 'fonteditor-core';
import { oneCodePointPerGlyph } from './fontCmap';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx scripts/convert-rare-fonts.ts DIR_WITH_HanaMinA.ttf_AND_HanaMinB.ttf');
  process.exit(2);
}
const fonts = [
  { file: 'HanaMinA.ttf', out: 'HanaMinA-ExtA.woff', from: 0x3400, to: 0x4dbf },
  { file: 'HanaMinB.ttf', out: 'HanaMinB-ExtB.woff', from: 0x20000, to: 0x2a6df },
];
for (const { file, out, from, to } of fonts) {
  const subset = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const font = createFont(readFileSync(path.join(dir, file)), { type: 'ttf', hinting: false, kerning: false, subset });
  const data = font.get();
  oneCodePointPerGlyph(data.glyf);
  const woff = font.write({ type: 'woff', hinting: false, deflate: (bytes: number[]) => Array.from(deflateSync(Buffer.from(bytes))) }) as Buffer;
  const target = path.resolve(import.meta.dirname, '../resources/fonts', out);
  writeFileSync(target, woff);
  console.log(`wrote ${target}: ${data.glyf.length} glyphs, ${(woff.length / 1e6).toFixed(1)} MB`);
}
