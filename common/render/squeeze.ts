/**
 * Punctuation squeezing (标点挤压) for the print page, done in the HTML because the faces can't do it:
 * the converted FandolFang has no GPOS/GSUB (no `halt`/`chws`), so Chromium's `text-spacing-trim` leaves
 * two full ems between ）。 or ”“. Following W3C clreq §3.1.6 and GB/T 15834, when two full-width marks
 * meet, the blank half of one of them is taken away:
 * - a closing mark (，。、；：）》”’…) followed by another mark: the closing mark's right half goes
 *   (it is wrapped in <span class="gz-sq">, which CSS draws 0.5 em narrower);
 * - an opening mark (（《“‘) preceded by another mark: the opening mark's left half goes (class gz-sq-open).
 * The wrapped mark stays one character in the text (copy and search are unchanged); toHtml's renderLeaves
 * wraps the marks, across run boundaries.
 */

/** Closing marks whose glyph sits in the left half of the em (the right half is blank). */
const CLOSING = '，。、；：？！）》”’」』〕】';
/** Opening marks whose glyph sits in the right half of the em. */
const OPENING = '（《“‘「『〔【';
/** Question and exclamation marks are centred in their em: they are never squeezed. */
const CENTRED = '？！';

/** Where a mark loses half its em: 'right' for the first of a pair, 'left' for an opening mark after one. */
export function squeezePositions(text: string): Map<number, 'right' | 'left'> {
  const out = new Map<number, 'right' | 'left'>();
  const chars = [...text];
  let offset = 0;
  const offsets = chars.map((ch) => {
    const at = offset;
    offset += ch.length;
    return at;
  });
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    const aClosing = CLOSING.includes(a) && !CENTRED.includes(a);
    if (aClosing && (CLOSING.includes(b) || OPENING.includes(b))) out.set(offsets[i], 'right');
    else if (OPENING.includes(b) && (OPENING.includes(a) || CENTRED.includes(a))) out.set(offsets[i + 1], 'left');
  }
  return out;
}
