/**
 * Running heads and folios for landscape sections (wide tables, §11): the bound page is the landscape page
 * turned 90° counter-clockwise (table top at the physical left edge, §6), so the head and folio are set in
 * text boxes turned the other way (vert="vert") at the physical top and bottom, which are the landscape
 * page's right and left edges. They then read upright where the portrait pages have theirs.
 */
import { Footer, Header, Paragraph } from 'docx';
import { escapeXml, rawRun } from './xml';
import { LATIN_FONT, STYLE } from './styles';

const EMU_PER_TWIP = 635;
const LANDSCAPE_WIDTH = 16838;
/** Landscape margin across the type area (physical left/right margins). */
const SIDE = 1753;
const TYPE_LENGTH = 11906 - 2 * SIDE;

let shapeId = 1000;

/** Start drawing ids afresh for each document, so the same issue always gives the same XML. */
export function resetTurnedShapeIds(): void {
  shapeId = 1000;
}

/** A text box at (x, y) on the landscape page (twips from its top-left), text turned to read top to bottom. */
function turnedTextBox(x: number, y: number, width: number, height: number, paragraphXml: string): string {
  const id = ++shapeId;
  const emu = (t: number) => Math.round(t * EMU_PER_TWIP);
  return (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>' +
    `<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${251659264 + id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="page"><wp:posOffset>${emu(x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(y)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${emu(width)}" cy="${emu(height)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${id}" name="Turned head ${id}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>' +
    `<a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${paragraphXml}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>' +
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
  );
}

function textRun(text: string): string {
  return `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function pageField(): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

/** Physical outer side: right on odd pages, left on even ones (= the bottom or top of the landscape page). */
function jc(odd: boolean): string {
  return `<w:jc w:val="${odd ? 'right' : 'left'}"/>`;
}

function headBox(text: string, odd: boolean): string {
  // Physical header: from 1020 twips below the physical top edge (the landscape page's right edge).
  const depth = 340;
  // No rule under a turned head: LibreOffice draws a paragraph border in a turned box across the text.
  const paragraph = `<w:p><w:pPr><w:pStyle w:val="${STYLE.header}"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr>${jc(odd)}</w:pPr>${textRun(text)}</w:p>`;
  return turnedTextBox(LANDSCAPE_WIDTH - 1020 - depth, SIDE, depth, TYPE_LENGTH, paragraph);
}

function folioBox(odd: boolean): string {
  // Physical footer: its baseline box ends 964 twips above the physical bottom (the landscape page's left edge).
  const depth = 300;
  const indent = odd ? '<w:ind w:right="210"/>' : '<w:ind w:left="210"/>';
  const paragraph =
    `<w:p><w:pPr><w:pStyle w:val="${STYLE.footer}"/>${indent}${jc(odd)}</w:pPr>` +
    `<w:r><w:rPr><w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="宋体" w:cs="${LATIN_FONT}"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>` +
    `${pageField()}${textRun(' —')}</w:p>`;
  return turnedTextBox(964, SIDE, depth, TYPE_LENGTH, paragraph);
}

/** Header and footer parts (odd and even) for a landscape section. */
export function landscapeHeadsAndFolios(sectionName: string, evenHead: string) {
  const holder = (xml: string) => new Paragraph({ style: STYLE.plain, children: [rawRun(xml)] });
  return {
    headers: {
      default: new Header({ children: [holder(headBox(sectionName, true))] }),
      even: new Header({ children: [holder(headBox(evenHead, false))] }),
    },
    footers: {
      default: new Footer({ children: [holder(folioBox(true))] }),
      even: new Footer({ children: [holder(folioBox(false))] }),
    },
  };
}

/** Landscape margins: equal left and right, so mirror margins cannot swap the physical top and bottom. */
export const LANDSCAPE_MARGINS = { top: SIDE, bottom: SIDE, left: 1594, right: 1594 } as const;
