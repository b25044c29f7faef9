/**
 * The character map of a WOFF 1.0 file (code point -> glyph id), read from its cmap table only (format 12
 * when present, else format 4): parsing a whole CJK font takes half a minute, this a fraction of a second.
 */
import { inflateSync } from 'node:zlib';

function woffTable(woff: Buffer, tag: string): Buffer {
  const numTables = woff.readUInt16BE(12);
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    if (woff.toString('latin1', entry, entry + 4) !== tag) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compLength);
    return compLength < origLength ? inflateSync(data) : data;
  }
  throw new Error(`no ${tag} table`);
}

export function woffCmap(woff: Buffer): Map<number, number> {
  const cmap = woffTable(woff, 'cmap');
  const subtables = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => cmap.readUInt32BE(4 + i * 8 + 4));
  const map = new Map<number, number>();
  const format12 = subtables.find((o) => cmap.readUInt16BE(o) === 12);
  if (format12 !== undefined) {
    const groups = cmap.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const [start, end, glyph] = [cmap.readUInt32BE(at), cmap.readUInt32BE(at + 4), cmap.readUInt32BE(at + 8)];
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  const t = subtables.find((o) => cmap.readUInt16BE(o) === 4);
  if (t === undefined) throw new Error('no cmap format 4 or 12');
  const segCount = cmap.readUInt16BE(t + 6) / 2;
  const ends = t + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const [end, start, delta, rangeOffset] = [cmap.readUInt16BE(ends + s * 2), cmap.readUInt16BE(starts + s * 2), cmap.readInt16BE(deltas + s * 2), cmap.readUInt16BE(rangeOffsets + s * 2)];
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph = rangeOffset === 0 ? cp : cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
      if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}
