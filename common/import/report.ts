/**
 * What the recogniser found in one document, for the import report (app dialog, CLI JSON) and the
 * accuracy script: 标题, 文号, 主送, 署名 (organs), 成文日期, number of attachments.
 */
import { deriveTitleAndNumber, squeezeWhitespace, type BlockElement, type DocumentContent } from '../model';
import { organsOf, parseDateLine } from './gongwen';

export interface RecognisedFields {
  title: string;
  docNumber: string;
  addressee: string;
  /** The 署名 organs (or post and name) in order; empty when none was found. */
  signature: string[];
  /** ISO date of the 成文日期 (the first date line), '' when none. */
  date: string;
  attachments: number;
}

const textOf = (b: BlockElement) => ('children' in b ? (b.children as Array<{ text?: string }>).map((c) => c.text ?? '').join('') : '');

export function recognisedFields(content: DocumentContent): RecognisedFields {
  const { title, docNumber } = deriveTitleAndNumber(content);
  const blocks = content.blocks;
  const addressee = blocks.find((b) => b.type === 'addressee');
  const dateIndex = blocks.findIndex((b) => b.type === 'date-line');
  // The 署名 that belongs to the 成文日期: the signature lines right above the first date.
  const signature: string[] = [];
  for (let i = dateIndex - 1; i >= 0 && blocks[i].type === 'signature'; i--) signature.unshift(textOf(blocks[i]));
  const people = signature.length === 1 && /^(总理|主席|部长|主任|局长|署长|行长|省长|市长|县长|区长|书记|院长|委员长|代)/.test(squeezeWhitespace(signature[0]));
  return {
    title,
    docNumber,
    addressee: addressee ? squeezeWhitespace(textOf(addressee)) : '',
    signature: people ? [squeezeWhitespace(signature[0])] : organsOf(signature),
    date: dateIndex >= 0 ? (parseDateLine(textOf(blocks[dateIndex])) ?? '') : '',
    attachments: blocks.filter((b) => b.type === 'attachment-heading').length,
  };
}
