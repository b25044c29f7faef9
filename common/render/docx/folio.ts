/** The folio (— 12 —) of a DOCX page: outside corner, 210 twips in from the edge of the type area (§10, §11). */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { STYLE } from './styles';

export function folioFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
        indent: alignment === 'left' ? { left: 210 } : { right: 210 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}
