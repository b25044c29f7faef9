/**
 * Dates as 公文 write them with Arabic digits: 2024年7月31日 in text, ISO yyyy-mm-dd in the model. The
 * editor's date fields and the 成文日期 check use the same reading. (Dates in Chinese numerals, 二〇二四年…,
 * are read by common/import/gongwen.ts parseDateLine.)
 */

/** 2024年7月31日, 2024年07月31日, 2024-07-31, 2024.7.31, 2024/7/31 -> its numbers; null when not that shape. */
export function looseDateParts(text: string): { year: number; month: number; day: number } | null {
  const m = /^\s*(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?\s*$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** 2024年7月31日 (no leading zeros). */
export function chineseDate(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}

export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? chineseDate(Number(m[1]), Number(m[2]), Number(m[3])) : iso;
}

/** 2024年7月31日, 2024-07-31, 2024.7.31, 2024/7/31 -> 2024-07-31; null when not a real date. */
export function parseChineseDate(text: string): string | null {
  const parts = looseDateParts(text);
  if (!parts) return null;
  const { year: y, month: mo, day: d } = parts;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
