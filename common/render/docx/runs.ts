/** Text leaves -> docx runs, with the run-in lead-in styles of §3 (楷体 for （一）, bold for 1., 黑体 for 一、). */
import { TextRun, type ParagraphChild } from 'docx';
import type { Face, TextLeaf } from '../../model';
import { LATIN_FONT, STYLE, type FaceNames } from './styles';

/** The lead-in style a paragraph's run-in phrase takes, from its literal numbering. */
export function leadInStyleFor(paragraphText: string): { style?: string; face?: Face } {
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(paragraphText)) return { style: STYLE.leadInKai };
  if (/^[一二三四五六七八九十]+、/.test(paragraphText)) return { face: 'hei' };
  if (/^第[一二三四五六七八九十百零〇]+条/.test(paragraphText)) return { face: 'hei' };
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
