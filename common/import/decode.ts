/**
 * Bytes of a text or HTML file -> text, or one clear sentence why not. Chinese files arrive as UTF-8 (with or
 * without BOM), UTF-16 with BOM, or GB2312/GBK/GB18030 (older Windows machines, most government web pages).
 * HTML names its charset in a meta tag; otherwise the content decides (valid UTF-8, else GB18030, which
 * decodes GB2312 and GBK as well). Binary files are refused; double-encoded UTF-8 (mojibake: 文件 read as
 * Latin-1 and saved again as UTF-8, or 鏂囦欢 read as GBK: gbkMojibake.ts) is repaired with a warning, or refused
 * when it cannot be repaired whole.
 */
import { failure, type Failure } from '../errors';
import { checkGbkMojibake } from './gbkMojibake';

export type Decoded = { ok: true; text: string; encoding: string; repaired: boolean } | Failure<'empty-file' | 'not-text' | 'mojibake'>;

/** The charset an HTML file declares in its first 4 KB (<meta charset=…> or http-equiv content=…charset=…). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

/** WHATWG labels we accept; GB2312 and GBK are decoded as GB18030 (their superset). */
function decoderLabel(charset: string): string | undefined {
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(charset)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|csgb2312|euc-cn|chinese|iso-ir-58)$/.test(charset)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5)$/.test(charset)) return 'big5';
  if (/^utf-16(le|be)?$/.test(charset)) return charset;
  return undefined;
}

/** More than a few control characters (NUL, other C0 except tab/newline/CR/FF) mean this is not text. */
function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
  }
  return control > Math.max(8, n / 200);
}

/** Latin-1/Windows-1252 letters that UTF-8 lead and continuation bytes turn into when read wrongly. */
const MOJIBAKE = /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;
const CP1252_BACK: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Is this text mostly double-encoded UTF-8 (many Ã¦/Ã¥ pairs, hardly any CJK)? */
export function looksDoubleEncoded(text: string): boolean {
  const sample = text.slice(0, 200_000);
  const pairs = sample.match(MOJIBAKE)?.length ?? 0;
  const cjk = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return pairs >= 4 && pairs > cjk * 2;
}

/** Undo one round of "UTF-8 bytes read as Windows-1252/Latin-1": undefined when the bytes are not UTF-8. */
export function repairDoubleEncoded(text: string): string | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252_BACK[c];
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeFileBytes(bytes: Uint8Array, opts: { html?: boolean } = {}): Decoded {
  if (bytes.length === 0) return failure('empty-file', '文件是空的');
  let text: string | undefined;
  let encoding = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (opts.html) encoding = decoderLabel(declaredCharset(bytes) ?? '') ?? '';
  if (encoding) {
    try {
      text = new TextDecoder(encoding).decode(bytes);
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'gb18030';
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (looksBinary(text)) return failure('not-text', '这不是文本文件（含有二进制数据），无法按文本导入');
  if (looksDoubleEncoded(text)) {
    const repaired = repairDoubleEncoded(text);
    if (repaired === undefined || looksDoubleEncoded(repaired) || !/[\u4e00-\u9fff]/.test(repaired)) {
      return failure('mojibake', '文本是乱码（UTF-8 被重复编码），无法还原，请用原始文件导入');
    }
    return { ok: true, text: repaired, encoding, repaired: true };
  }
  const gbk = checkGbkMojibake(text);
  if (gbk.kind === 'broken') return failure('mojibake', '文本是乱码（UTF-8 文字被当作 GBK 读取后又保存），无法完整还原，请用原始文件导入');
  if (gbk.kind === 'repaired') return { ok: true, text: gbk.text, encoding, repaired: true };
  return { ok: true, text, encoding, repaired: false };
}
