import type { BlockElement } from '../model';

/** Longest caption, in characters: a 表题 is one short line, never a sentence. */
const CAPTION_MAX_CHARS = 40;
/** 表1 / 表 2-3 / 附表1 / 附表 at the start of the line. */
const TABLE_NUMBER = /^(附表\s*[0-9０-９一二三四五六七八九十]*|表\s*[0-9０-９一二三四五六七八九十]+)([-－.．][0-9０-９]+)?(?![0-9０-９])/;
/** A title-like line naming a list: …名录 / …清单 / …一览表 / …统计表, with an optional （2018年） or （第一批）. */
const LIST_TITLE = /(表|名录|清单|名单|目录)([(（][^()（）]{1,12}[)）])?$/;

/**
 * Whether paragraph `block` is the caption of the table directly after it: a short line that is centred,
 * wholly bold, starts with 表N/附表, or ends like a list title (名录/清单/…表), and is no sentence (no 。；，
 * at its end). Headings of the outline are their own block type and never count. The print sets a caption
 * with its table (both spanning the columns, the caption never parted from it at a column or page end).
 */
export function isTableCaption(block: BlockElement | undefined, next: BlockElement | undefined): boolean {
  if (!block || block.type !== 'paragraph' || next?.type !== 'table') return false;
  // A note (role table-note) is already set with the table, in its own smaller type.
  if (block.role) return false;
  const text = block.children.map((l) => l.text).join('').replace(/[\s\u3000]+/g, ' ').trim();
  if (text === '' || [...text].length > CAPTION_MAX_CHARS || /[。；;，,：:]$/.test(text)) return false;
  const bold = block.children.every((l) => !l.text.trim() || l.bold || l.face === 'hei');
  return block.align === 'center' || bold || TABLE_NUMBER.test(text) || LIST_TITLE.test(text);
}
