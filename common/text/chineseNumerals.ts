/**
 * Chinese numerals as 公文 write them: counted numbers in heading and article numbers (一、 （十二） 第二十三条),
 * digit-by-digit years in dates (二〇二四年). The one place for the conversions and for the character set
 * every recogniser (editor numbering, typed headings, importers, DOCX lead-ins, normalisation) uses.
 */

/** The characters of a counted Chinese number in a heading or article number: 一…十, 百, 零 and 〇. */
export const CN_NUMERAL_CHARS = '一二三四五六七八九十百零〇';
/** Regular-expression source for one or more of them (no anchors, no groups). */
export const CN_NUMERAL = `[${CN_NUMERAL_CHARS}]+`;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 as a counted Chinese number: 1 一, 10 十, 11 十一, 20 二十, 21 二十一; other values in Arabic digits. */
export function chineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
  }
  return String(n);
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一九九六 / 二〇〇四 (digit by digit) -> 1996 / 2004; 十二 / 二十三 / 三十 (counted) -> 12 / 23 / 30. */
export function chineseToNumber(text: string): number | undefined {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (!t.includes('十')) {
    let n = 0;
    for (const ch of t) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return t ? n : undefined;
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (!m) return undefined;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
}
