import type { ParagraphElement } from '../model';

/**
 * A short centred line set wholly in 黑体 (第一章 总则 of a 条例, a sub-heading an editor centred) reads as a
 * heading: like the numbered ones, it is never left last in a column or page, apart from its text.
 */
export function isCentredHeadingLine(p: ParagraphElement): boolean {
  if (p.align !== 'center' || p.role) return false;
  const text = p.children.map((l) => l.text).join('').trim();
  return text.length > 0 && text.length <= 40 && p.children.every((l) => !l.text.trim() || l.face === 'hei');
}
