import type { BlockElement } from '../model';
import { plainText } from '../model';

/** A 纪要: a document whose title (its first block) ends in 纪要. */
export function isMinutes(blocks: readonly BlockElement[]): boolean {
  const title = blocks[0];
  return title?.type === 'doc-title' && /纪要$/.test(plainText(title).trim());
}

/**
 * Where a 纪要's 「机关 日期」 line stands: the index of its 署名, directly followed by the 成文日期, right under
 * the title (and 文号) at the document's head; -1 for any other document or 落款. GB/T 9704 (纪要格式) sets that
 * line as one: the organ flush left, the date flush right; a 落款 at the end stays 署名 over date.
 */
export function minutesHeadAt(blocks: readonly BlockElement[]): number {
  if (!isMinutes(blocks)) return -1;
  const at = blocks[1]?.type === 'doc-number' ? 2 : 1;
  return blocks[at]?.type === 'signature' && blocks[at + 1]?.type === 'date-line' ? at : -1;
}
