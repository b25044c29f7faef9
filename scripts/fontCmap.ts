/**
 * One code point per glyph in a converted font's cmap, so that text copied or searched in the PDF is the
 * text that was set. Chromium (Skia) writes each embedded glyph's ToUnicode entry from the font's cmap,
 * taking the lowest code point that maps to the glyph. FandolFang maps 200 Kangxi radicals (U+2F00–U+2FDF)
 * to the glyphs of their unified ideographs (⽊ U+2F4A and 木 U+6728 share one glyph), and U+0000–U+001F to
 * the space glyph, so a PDF read as 格尔⽊ and spaces as U+0001. Here control and private-use code points
 * are dropped, and every other code point that shares a glyph gets its own copy of the outline: the
 * ideograph keeps the original glyph, the radical (or compatibility ideograph, bullet variant…) a copy.
 */
import type { TTF } from 'fonteditor-core';

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
const isPrivateUse = (cp: number) => cp >= 0xe000 && cp <= 0xf8ff;
/** Code points that should never win a shared glyph: radicals and compatibility ideographs. */
const isSecondary = (cp: number) => (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);

/** The code point that keeps a shared glyph: the lowest one that is not a radical or compatibility form. */
export function primaryCodePoint(codePoints: number[]): number {
  return [...codePoints].sort((a, b) => Number(isSecondary(a)) - Number(isSecondary(b)) || a - b)[0];
}

export interface CmapCleanup {
  dropped: number;
  duplicated: number;
}

/** Rewrite `glyf` in place (glyph copies are appended); returns what changed. */
export function oneCodePointPerGlyph(glyf: TTF.Glyph[]): CmapCleanup {
  let dropped = 0;
  let duplicated = 0;
  const count = glyf.length;
  for (let i = 0; i < count; i++) {
    const glyph = glyf[i];
    const all = glyph.unicode ?? [];
    const kept = all.filter((cp) => !isControl(cp) && !isPrivateUse(cp));
    dropped += all.length - kept.length;
    if (kept.length <= 1) {
      glyph.unicode = kept;
      continue;
    }
    const primary = primaryCodePoint(kept);
    glyph.unicode = [primary];
    for (const cp of kept) {
      if (cp === primary) continue;
      glyf.push({ ...structuredClone(glyph), unicode: [cp], name: `uni${cp.toString(16).toUpperCase().padStart(4, '0')}` });
      duplicated++;
    }
  }
  return { dropped, duplicated };
}
