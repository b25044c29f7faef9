import type { BlockElement } from '../model';
import { plainText } from '../model';

/**
 * Where a 纪要's 「机关 日期」 line stands: the index of its 署名, directly followed by the 成文日期, right under
 * the title (and 文号) at the document's head; -1 for any other document or 落款. GB/T 9704 (纪要格式) sets that
 * line as one: the organ flush left, the date flush right; a 落款 at the end stays 署名 over date.
 */
export function minutesHeadAt(blocks: readonly BlockElement[]): number {
  const title = blocks[0];
  if (title?.type !== 'doc-title' || !/纪要$/.test(plainText(title).trim())) return -1;
  const at = blocks[1]?.type === 'doc-number' ? 2 : 1;
  return blocks[at]?.type === 'signature' && blocks[at + 1]?.type === 'date-line' ? at : -1;
}
