/**
 * Fonts of the web edition: the reader's system faces first; for readers without Chinese fonts, the
 * bundled open faces, but only the unicode-range subsets (@fontsource's split files) that hold
 * characters the edition uses. A browser then downloads nothing on a machine with Chinese fonts and only
 * the needed subsets elsewhere. Pure: CSS text and characters in, @font-face rules out.
 */

export interface FontFaceSubset {
  /** The file the rule loads (woff2), as named in the source CSS (relative to it). */
  file: string;
  /** The CSS unicode-range value. */
  range: string;
}

/** Parse `U+4e00-9fff,U+3000` into [from, to] code point pairs. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)] as [number, number];
      const [a, b] = part.split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
    });
}

/** The @font-face rules of a @fontsource CSS file whose unicode-range covers any of `codePoints`. */
export function usedSubsets(css: string, codePoints: Set<number>): FontFaceSubset[] {
  const out: FontFaceSubset[] = [];
  for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(([^)]+\.woff2)\)/.exec(rule)?.[1]?.replace(/["']/g, '');
    const range = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1]?.trim();
    if (!file || !range) continue;
    const pairs = parseUnicodeRange(range);
    if ([...codePoints].some((cp) => pairs.some(([a, b]) => cp >= a && cp <= b))) out.push({ file, range });
  }
  return out;
}

/** Code points of a text (the edition's pages), without ASCII controls. */
export function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20) set.add(cp);
  }
  return set;
}

/** @font-face rules for a family, loading each subset from `fonts/<file name>`. */
export function fontFaceCss(family: string, weight: number, subsets: FontFaceSubset[]): string {
  return subsets
    .map((s) => {
      const name = s.file.split('/').pop()!;
      return `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};font-display:swap;src:url(fonts/${name}) format('woff2');unicode-range:${s.range};}`;
    })
    .join('\n');
}
