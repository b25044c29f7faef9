/**
 * 年度总目录 as DOCX (pure; the caller writes the bytes): the journal's page and styles (§11), the TOC
 * styles for the entries — section names in `toc 1`, titles in `toc 2`, 文号 lines in `toc 3` with a dot
 * leader to a right tab at the type area's edge, then 第N期 and the page — running heads and folios like a
 * body section. Page numbers are literal text (from the issues' layouts), not fields.
 */
import { AlignmentType, Document, DocumentGridType, Header, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { folioFooter } from './docx/folio';
import { PAGE } from './docx/blocks';
import { settingsXml, STYLE, stylesXml, type DocxFontNames } from './docx/styles';
import { issueRangeLabel, yearIndexTitle, type YearIndex, type YearIndexEntry } from './yearIndex';
import { tocPageLabel } from './toHtmlFront';

const RIGHT_EDGE = PAGE.typeWidth;
/** The issue TOC's right tab in the `toc 3` style (docx/styles.ts), cleared: the index uses the full width. */
const TOC3_TAB = 5520;


function head(text: string, alignment: 'left' | 'right'): Header {
  return new Header({
    children: [new Paragraph({ style: STYLE.header, alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT, children: [new TextRun(text)] })],
  });
}

/** `文号 …… 第6期（3）` (or the title, for one-line entries). */
function placeLine(text: string, entry: YearIndexEntry, oneLine: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.toc[2],
    tabStops: [
      { type: TabStopType.CLEAR, position: TOC3_TAB },
      { type: TabStopType.RIGHT, position: RIGHT_EDGE, leader: 'middleDot' },
    ],
    indent: oneLine ? { left: 0, firstLine: 0 } : undefined,
    children: [new TextRun(text), new TextRun({ children: [new Tab()] }), new TextRun(`第${entry.issueNumber}期${tocPageLabel(entry.page)}`)],
  });
}

export function yearIndexParagraphs(index: YearIndex): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ style: STYLE.title, children: [new TextRun(yearIndexTitle(index))] }),
    new Paragraph({ style: STYLE.docNumber, children: [new TextRun(`${index.journalName}\u3000${issueRangeLabel(index)}`)] }),
  ];
  let lastSection = '';
  for (const group of index.groups) {
    if (group.section !== lastSection) out.push(new Paragraph({ style: STYLE.toc[0], children: [new TextRun(group.section)] }));
    lastSection = group.section;
    if (group.issuer) out.push(new Paragraph({ style: STYLE.toc[1], children: [new TextRun({ text: group.issuer, bold: true })] }));
    for (const entry of group.entries) {
      if (entry.oneLine) out.push(placeLine(entry.title, entry, true));
      else out.push(new Paragraph({ style: STYLE.toc[1], keepNext: true, children: [new TextRun(entry.title)] }), placeLine(entry.docNumber, entry, false));
    }
  }
  if (index.groups.length === 0) out.push(new Paragraph({ style: STYLE.plain, children: [new TextRun('（本年度没有文件）')] }));
  return out;
}

export async function yearIndexDocx(index: YearIndex, opts: { fonts?: DocxFontNames } = {}): Promise<Uint8Array> {
  const title = yearIndexTitle(index);
  const document = new Document({
    title: `${index.journalName} ${title}`,
    subject: issueRangeLabel(index),
    creator: index.journalName,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        headers: { default: head(title, 'right'), even: head(`${index.journalName}\u3000${title}`, 'left') },
        footers: { default: folioFooter('right'), even: folioFooter('left') },
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide, header: PAGE.header, footer: PAGE.footer },
            pageNumbers: { start: 1 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: PAGE.linePitch },
        },
        children: yearIndexParagraphs(index),
      },
    ],
  });
  return Packer.pack(document, 'uint8array', false, [
    { path: 'word/styles.xml', data: stylesXml(opts.fonts) },
    { path: 'word/settings.xml', data: settingsXml({ updateFieldsOnOpen: false }) },
  ]);
}
