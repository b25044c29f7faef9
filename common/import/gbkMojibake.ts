/**
 * The Chinese kind of mojibake: UTF-8 text opened as GBK and saved again (文件 becomes 鏂囦欢). Unlike Latin-1
 * mojibake it is made of CJK characters, so it passes for text; what gives it away is that its characters
 * are rare ones: in real Chinese text nearly all characters are among the 3,755 of GB2312 level 1, in this
 * mojibake about a third are. Repair: write the text back as GBK bytes and read those as UTF-8.
 */

let gbkOf: Map<string, number> | undefined;

/** Character -> its two-byte GBK code, built once from the decoder itself (no table in the source). */
function gbkTable(): Map<string, number> {
  if (gbkOf) return gbkOf;
  const bytes: number[] = [];
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes.push(lead, trail);
      codes.push((lead << 8) | trail);
    }
  }
  const chars = Array.from(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
  gbkOf = new Map();
  if (chars.length === codes.length) chars.forEach((c, i) => c !== '\ufffd' && !gbkOf!.has(c) && gbkOf!.set(c, codes[i]));
  return gbkOf;
}

/** Share of the CJK characters that are GB2312 level 1 (the common ones), and how many CJK there are. */
export function commonShare(text: string): { share: number; cjk: number } {
  const table = gbkTable();
  let cjk = 0;
  let common = 0;
  for (const c of text.slice(0, 100_000)) {
    if (!/[\u4e00-\u9fff\u3400-\u4dbf]/.test(c)) continue;
    cjk++;
    const code = table.get(c);
    if (code !== undefined && code >> 8 >= 0xb0 && code >> 8 <= 0xd7 && (code & 0xff) >= 0xa1) common++;
  }
  return { share: cjk ? common / cjk : 1, cjk };
}

/** Does this text look like UTF-8 read as GBK (many CJK characters, few of them common)? */
export function looksGbkMojibake(text: string): boolean {
  const { share, cjk } = commonShare(text);
  return cjk >= 8 && share < 0.6;
}

/**
 * Undo "UTF-8 read as GBK": the text's characters as GBK bytes, read as UTF-8. Returns the text and how many
 * characters could not be recovered (a UTF-8 character whose bytes GBK had paired with its neighbour's).
 */
export function repairGbkMojibake(text: string): { text: string; lost: number } {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else {
      const code = table.get(c);
      if (code === undefined) bytes.push(0x3f);
      else bytes.push(code >> 8, code & 0xff);
    }
  }
  const repaired = new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  return { text: repaired, lost: (repaired.match(/\ufffd|\?/g)?.length ?? 0) - (text.match(/\?/g)?.length ?? 0) };
}

/**
 * The verdict for a decoded text: clean (also Traditional Chinese, whose characters are rare in GB2312 too but
 * which does not turn into common simplified text when read back), repaired (every character recovered), or
 * mojibake that cannot be repaired whole.
 */
export function checkGbkMojibake(text: string): { kind: 'clean' } | { kind: 'repaired'; text: string } | { kind: 'broken' } {
  if (!looksGbkMojibake(text)) return { kind: 'clean' };
  const repaired = repairGbkMojibake(text);
  const after = commonShare(repaired.text);
  // Confirmed only when reading it back gives ordinary Chinese text.
  if (after.cjk < 8 || after.share < 0.9) return { kind: 'clean' };
  return repaired.lost === 0 ? { kind: 'repaired', text: repaired.text } : { kind: 'broken' };
}
