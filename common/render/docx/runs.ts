/** Text leaves -> docx runs, with the run-in lead-in styles of §3 (楷体 for （一）, bold for 1., 黑体 for 一、). */
import { TextRun, type ParagraphChild } from 'docx';
import type { Face, TextLeaf } from '../../model';
import { CN_NUMERAL } from '../../text/chineseNumerals';
import { LATIN_FONT, STYLE, type FaceNames } from './styles';

const LEVEL2_NUMBER = new RegExp(`^[（(]${CN_NUMERAL}[）)]`);
const LEVEL1_NUMBER = new RegExp(`^${CN_NUMERAL}、`);
const ARTICLE_NUMBER = new RegExp(`^第${CN_NUMERAL}条`);

/** The lead-in style a paragraph's run-in phrase takes, from its literal numbering. */
export function leadInStyleFor(paragraphText: string): { style?: string; face?: Face } {
  if (LEVEL2_NUMBER.test(paragraphText)) return { style: STYLE.leadInKai };
  if (LEVEL1_NUMBER.test(paragraphText)) return { face: 'hei' };
  if (ARTICLE_NUMBER.test(paragraphText)) return { face: 'hei' };
  return { style: STYLE.leadInBold };
}

export function runsFor(leaves: TextLeaf[], faces: FaceNames, extra: { bold?: boolean; face?: Face } = {}): ParagraphChild[] {
  const paragraphText = leaves.map((l) => l.text).join('');
  const leadIn = leadInStyleFor(paragraphText);
  return leaves
    .filter((leaf) => leaf.text !== '')
    .map((leaf) => {
      const face = leaf.face ?? (leaf.leadIn ? leadIn.face : undefined) ?? extra.face;
      return new TextRun({
        text: leaf.text,
        style: leaf.leadIn ? leadIn.style : undefined,
        bold: leaf.bold || extra.bold ? true : undefined,
        underline: leaf.underline ? {} : undefined,
        superScript: leaf.superscript ? true : undefined,
        font: face ? { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: faces[face], cs: LATIN_FONT } : undefined,
      });
    });
}
