/**
 * styles.xml and settings.xml for the DOCX export, written out in full (journal-format §11) rather than
 * through the docx package's defaults, so every style carries Word's built-in name, all four rFonts slots
 * and an explicit first-line indent.
 */
import { escapeXml } from './xml';

/** TOC entry column, 276 pt (§9): the leader's right tab, and the right edge the titles wrap at. */
export const TOC_ENTRY_WIDTH = 5520;
/** Type width 420 pt (§2) less the entry column: titles wrap at the entry column on every TOC page. */
const TOC_RIGHT_INDENT = 420 * 20 - TOC_ENTRY_WIDTH;

/** Which Chinese face names to write: stock Windows names, or the GB2312 faces many offices install. */
export type DocxFontNames = 'stock' | 'gb2312';

export interface FaceNames {
  fang: string;
  kai: string;
  hei: string;
  song: string;
  title: string;
}

export const LATIN_FONT = 'Times New Roman';

export function faceNames(choice: DocxFontNames = 'stock'): FaceNames {
  return {
    fang: choice === 'gb2312' ? '仿宋_GB2312' : '仿宋',
    kai: choice === 'gb2312' ? '楷体_GB2312' : '楷体',
    hei: '黑体',
    song: '宋体',
    title: '方正小标宋简体',
  };
}

/** Style ids used by the renderer (w:styleId) mapped to their display names (w:name). */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  schemeTitle: 'SchemeTitle',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const,
  toc: ['TOC1', 'TOC2', 'TOC3'] as const,
  header: 'Header',
  footer: 'Footer',
  tableGrid: 'TableGrid',
  docNumber: 'DocNumber',
  addressee: 'Addressee',
  dateLine: 'DateLine',
  signature: 'Signature',
  minutesHead: 'MinutesHead',
  attachmentMark: 'AttachmentMark',
  attachmentList: 'AttachmentList',
  tableText: 'TableText',
  tableTextCompact: 'TableTextCompact',
  tableNote: 'TableNote',
  leadInKai: 'LeadInKai',
  leadInBold: 'LeadInBold',
  plain: 'Plain',
  sectionEnd: 'SectionEnd',
} as const;

function rFonts(eastAsia: string): string {
  const latin = escapeXml(LATIN_FONT);
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${escapeXml(eastAsia)}" w:cs="${latin}"/>`;
}

function rPr(face: string, halfPoints: number, extra = ''): string {
  return `<w:rPr>${rFonts(face)}${extra}<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/></w:rPr>`;
}

interface ParagraphStyleSpec {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  pPr: string;
  rPr: string;
  outline?: number;
}

/** Spacing with an exact line height in twips, optional before/after. */
function spacing(line: number, before = 0, after = 0): string {
  return `<w:spacing w:before="${before}" w:after="${after}" w:line="${line}" w:lineRule="exact"/>`;
}

/** No first-line indent: written explicitly on every style that is not body text (§11). */
const NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>';

function paragraphStyle(s: ParagraphStyleSpec): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${s.id}"${s.id === 'Normal' ? ' w:default="1"' : ''}>` +
    `<w:name w:val="${escapeXml(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    '<w:qFormat/>' +
    `<w:pPr>${s.pPr}${s.outline !== undefined ? `<w:outlineLvl w:val="${s.outline}"/>` : ''}</w:pPr>` +
    s.rPr +
    '</w:style>'
  );
}

function characterStyle(id: string, name: string, runPr: string): string {
  return (
    `<w:style w:type="character" w:customStyle="1" w:styleId="${id}"><w:name w:val="${escapeXml(name)}"/>` +
    `<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>${runPr}</w:style>`
  );
}

export function stylesXml(choice: DocxFontNames = 'stock'): string {
  const f = faceNames(choice);
  const body = 21; // 五号 10.5 pt
  // Headings sit on the body grid with the body's two-character indent.
  const headingPpr = `${spacing(350)}<w:ind w:firstLineChars="200" w:firstLine="420"/>`;
  const paragraphs: ParagraphStyleSpec[] = [
    {
      id: STYLE.normal,
      name: 'Normal',
      pPr: `<w:widowControl w:val="0"/><w:snapToGrid w:val="1"/>${spacing(350)}<w:ind w:firstLineChars="200" w:firstLine="420"/><w:jc w:val="both"/>`,
      rPr: rPr(f.fang, body, '<w:kern w:val="2"/>'),
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/>${spacing(600)}${NO_INDENT}<w:jc w:val="center"/>`,
      rPr: rPr(f.title, 44),
      outline: 0,
    },
    {
      id: STYLE.schemeTitle,
      name: '方案标题',
      basedOn: 'Title',
      next: 'Normal',
      pPr: `<w:keepNext/>${spacing(600, 0, 350)}${NO_INDENT}<w:jc w:val="center"/>`,
      rPr: rPr(f.title, 44),
    },
    {
      id: STYLE.heading[0],
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/>${headingPpr}`,
      rPr: rPr(f.hei, body),
      outline: 0,
    },
    {
      id: STYLE.heading[1],
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      // Levels 2-4 are often run-in (（一）标题。正文…, many lines long): keepNext is set per paragraph on short
      // ones only (blocks.ts), or a run of long run-in headings would be pushed whole into the next column.
      pPr: headingPpr,
      rPr: rPr(f.kai, body),
      outline: 1,
    },
    {
      id: STYLE.heading[2],
      name: 'heading 3',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: headingPpr,
      rPr: rPr(f.fang, body, '<w:b/><w:bCs/>'),
      outline: 2,
    },
    {
      id: STYLE.heading[3],
      name: 'heading 4',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: headingPpr,
      rPr: rPr(f.fang, body),
      outline: 3,
    },
    {
      id: STYLE.docNumber,
      name: '文号',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/>${spacing(350, 120, 350)}${NO_INDENT}<w:jc w:val="center"/>`,
      rPr: rPr(f.fang, 24),
    },
    {
      id: STYLE.addressee,
      name: '主送',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `${spacing(350)}${NO_INDENT}<w:jc w:val="left"/>`,
      rPr: rPr(f.fang, body),
    },
    {
      id: STYLE.dateLine,
      name: '日期',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `${spacing(350, 350, 0)}<w:ind w:right="840" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`,
      rPr: rPr(f.fang, body),
    },
    {
      // A 纪要's 「机关 日期」 line under its title: one line, the date at a right tab on the edge.
      id: STYLE.minutesHead,
      name: '纪要机关日期',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/>${spacing(350, 0, 350)}${NO_INDENT}<w:jc w:val="left"/>`,
      rPr: rPr(f.fang, body),
    },
    {
      id: STYLE.signature,
      name: '落款',
      basedOn: 'Normal',
      next: 'DateLine',
      pPr: `<w:keepNext/>${spacing(350, 350, 0)}<w:ind w:right="840" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`,
      rPr: rPr(f.fang, body),
    },
    {
      id: STYLE.attachmentMark,
      name: '附件标识',
      basedOn: 'Normal',
      next: 'Title',
      pPr: `<w:keepNext/>${spacing(350, 0, 350)}${NO_INDENT}<w:jc w:val="left"/>`,
      rPr: rPr(f.hei, 28),
    },
    {
      id: STYLE.attachmentList,
      name: '附件说明',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `${spacing(350)}<w:ind w:left="1050" w:hanging="630" w:firstLineChars="0"/><w:jc w:val="left"/>`,
      rPr: rPr(f.fang, body),
    },
    {
      id: STYLE.tableText,
      name: '表格正文',
      basedOn: 'Normal',
      next: 'TableText',
      pPr: `<w:snapToGrid w:val="0"/>${spacing(240)}${NO_INDENT}<w:jc w:val="left"/>`,
      rPr: rPr(f.song, 18),
    },
    {
      // Very long tables (common/render/tableSize.ts): 六号 7.5 pt on a 10 pt pitch.
      id: STYLE.tableTextCompact,
      name: '表格正文（六号）',
      basedOn: 'TableText',
      next: 'TableTextCompact',
      pPr: spacing(200),
      rPr: rPr(f.song, 15),
    },
    {
      id: STYLE.tableNote,
      name: '表注',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:snapToGrid w:val="0"/>${spacing(240, 60, 60)}${NO_INDENT}`,
      rPr: rPr(f.fang, 18),
    },
    {
      id: STYLE.plain,
      name: '无缩进',
      basedOn: 'Normal',
      next: 'Plain',
      pPr: NO_INDENT,
      rPr: rPr(f.fang, body),
    },
    {
      // The empty paragraph of the section that balances a document's columns (toDocx.ts balancingSection):
      // 1 pt high and off the line grid, so it fits below columns that fill their page.
      id: STYLE.sectionEnd,
      name: '分栏结束',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>${spacing(20)}${NO_INDENT}`,
      rPr: rPr(f.fang, 2),
    },
    {
      id: STYLE.toc[0],
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/><w:snapToGrid w:val="0"/>${spacing(360, 240, 0)}${NO_INDENT}<w:jc w:val="left"/>`,
      rPr: rPr(f.hei, 28),
    },
    {
      id: STYLE.toc[1],
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      pPr: `<w:keepNext/><w:snapToGrid w:val="0"/>${spacing(360)}<w:ind w:right="${TOC_RIGHT_INDENT}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>`,
      rPr: rPr(f.fang, 24),
    },
    {
      id: STYLE.toc[2],
      name: 'toc 3',
      basedOn: 'Normal',
      next: 'Normal',
      pPr:
        `<w:tabs><w:tab w:val="right" w:leader="middleDot" w:pos="${TOC_ENTRY_WIDTH}"/></w:tabs><w:snapToGrid w:val="0"/>` +
        `${spacing(360, 0, 120)}<w:ind w:left="480" w:right="${TOC_RIGHT_INDENT}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>`,
      rPr: rPr(f.fang, 24),
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      pPr:
        '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr><w:snapToGrid w:val="0"/>' +
        `${spacing(240)}${NO_INDENT}`,
      rPr: rPr(f.song, 18),
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      pPr: `<w:snapToGrid w:val="0"/>${spacing(300)}${NO_INDENT}`,
      rPr: rPr(f.song, 21),
    },
  ];

  // Child order follows the schema (rFonts … sz, szCs, lang): Word rejects out-of-order properties.
  const docDefaults =
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(f.fang)}<w:sz w:val="${body}"/><w:szCs w:val="${body}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';

  const cell = (side: string, w: number) => `<w:${side} w:w="${w}" w:type="dxa"/>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  const tableStyles =
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    `<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>${cell('top', 0)}${cell('left', 108)}${cell('bottom', 0)}${cell('right', 108)}</w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="table" w:styleId="${STYLE.tableGrid}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
    `<w:pPr><w:snapToGrid w:val="0"/>${spacing(240)}${NO_INDENT}</w:pPr>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblCellMar>${cell('top', 40)}${cell('left', 60)}${cell('bottom', 40)}${cell('right', 60)}</w:tblCellMar></w:tblPr></w:style>`;

  const characterStyles =
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    characterStyle(STYLE.leadInKai, '楷体引题', `<w:rPr>${rFonts(f.kai)}</w:rPr>`) +
    characterStyle(STYLE.leadInBold, '加粗引题', '<w:rPr><w:b/><w:bCs/></w:rPr>');

  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    docDefaults +
    paragraphs.map(paragraphStyle).join('') +
    characterStyles +
    tableStyles +
    '</w:styles>'
  );
}

/** settings.xml: mirror margins, odd/even headers, and a field update on open when the TOC has no numbers. */
export function settingsXml(opts: { updateFieldsOnOpen: boolean }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:mirrorMargins/>' +
    '<w:defaultTabStop w:val="420"/>' +
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/>' +
    (opts.updateFieldsOnOpen ? '<w:updateFields w:val="true"/>' : '') +
    '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>' +
    '<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>' +
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}
