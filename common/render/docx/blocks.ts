/** One document's blocks -> docx paragraphs and tables, and the grouping of blocks into sections. */
import { AlignmentType, Bookmark, ImageRun, Paragraph, Tab, TabStopType, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Align, BlockElement, TableElement, TextLeaf } from '../../model';
import { assertNever, plainText } from '../../model';
import { orientationTurn } from '../exifOrientation';
import { missingImageText } from '../images';
import { runsFor } from './runs';
import { STYLE, type FaceNames } from './styles';
import { isWideTable, tableToDocx } from './tables';
import { isCentredHeadingLine } from '../centredHeading';
import { minutesHeadAt } from '../minutesHead';
import { TITLE_LINE_EM, titleLines } from '../typeset';

/** Image bytes for an asset id; the caller (main/) reads them from the library. */
export interface DocxImageAsset {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  /** Pixel size as the picture shows (a phone photo's EXIF turn applied), for the aspect ratio. */
  width: number;
  height: number;
  /** EXIF Orientation the picture shows with (1 or absent: as stored); `data` then has it reset to 1. */
  orientation?: number;
}

export interface BlockContext {
  faces: FaceNames;
  assets?: (assetId: string) => DocxImageAsset | undefined;
  /** Bookmark name to put on this document's first title (the TOC's PAGEREF target). */
  titleBookmark?: string;
  notes: string[];
  /** Tables the print layout set compact (fitted to save a page), set compact here too. */
  compactTables?: Set<TableElement>;
}

/** Geometry of the type area in twips (§2, §11). */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1701,
  marginBottom: 1487,
  marginSide: 1753,
  header: 1020,
  footer: 964,
  typeWidth: 11906 - 2 * 1753,
  typeHeight: 16838 - 1701 - 1487,
  columnGap: 420,
  linePitch: 350,
} as const;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** How a run of blocks is laid out: flowing in two columns, spanning one column, or on a landscape page. */
export type RunLayout = 'columns' | 'span' | 'landscape';

export interface BlockRun {
  layout: RunLayout;
  /** The run starts on a new page (document start, attachment, forced break, landscape switch). */
  newPage: boolean;
  blocks: BlockElement[];
}

function layoutOf(block: BlockElement): RunLayout {
  switch (block.type) {
    case 'doc-title':
    case 'doc-number':
    case 'attachment-heading':
    case 'image':
      return 'span';
    case 'table':
      // A leader list spans too, unlike print's list in a text column: LibreOffice set the first row of a
      // table that ends a two-column section at the foot of the left column, before the right column's text.
      return isWideTable(block) ? 'landscape' : 'span';
    case 'paragraph':
      return block.role === 'table-note' ? 'span' : 'columns';
    case 'addressee':
    case 'heading':
    case 'attachment-list':
    case 'signature':
    case 'date-line':
    case 'checkbox':
    case 'page-break':
    case 'chronicle-entry':
      return 'columns';
    default:
      return assertNever(block, 'block type');
  }
}

/**
 * Split a document into runs: title blocks and tables span both columns between continuous section breaks,
 * body text flows in two columns; attachments and forced page breaks start new pages; wide tables get
 * landscape pages of their own.
 */
export function splitIntoRuns(blocks: BlockElement[], startsOnNewPage: boolean): BlockRun[] {
  const runs: BlockRun[] = [];
  let pendingNewPage = startsOnNewPage;
  // A 纪要's 「机关 日期」 line spans with its title block, as in print.
  const head = minutesHeadAt(blocks);
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'page-break') {
      pendingNewPage = true;
      continue;
    }
    const layout = head >= 0 && (i === head || i === head + 1) ? 'span' : layoutOf(block);
    const last = runs[runs.length - 1];
    const forcesPage = block.type === 'attachment-heading';
    const newPage = pendingNewPage || forcesPage || layout === 'landscape' || last?.layout === 'landscape';
    // A table note belongs with the table beside it; a lone table-note among body text stays a span run.
    if (last && last.layout === layout && !newPage) {
      last.blocks.push(block);
    } else {
      runs.push({ layout, newPage, blocks: [block] });
    }
    pendingNewPage = false;
  }
  return runs;
}

/** Headings of levels 2-4 longer than this (one column line, less the indent) are run-in paragraphs. */
const RUN_IN_HEADING_CHARS = 17;

function paragraphOf(style: string, children: ParagraphChild[], extra: { alignment?: Align; indent?: boolean; keepNext?: boolean; flushAbove?: boolean } = {}): Paragraph {
  return new Paragraph({
    style,
    spacing: extra.flushAbove ? { before: 0 } : undefined,
    alignment: extra.alignment ? ALIGN[extra.alignment] : undefined,
    indent: extra.indent === false ? { firstLine: 0 } : undefined,
    keepNext: extra.keepNext || undefined,
    children,
  });
}

/** A 纪要's 「机关 日期」 line (print's .gz-minuteshead): the organ flush left, a tab, the date at a right tab on the right edge. */
function minutesHeadParagraph(organ: BlockElement, date: BlockElement, ctx: BlockContext, typeWidth: number): Paragraph {
  const runs = (b: BlockElement) => ('children' in b ? runsFor(b.children as TextLeaf[], ctx.faces) : []);
  return new Paragraph({
    style: STYLE.minutesHead,
    tabStops: [{ type: TabStopType.RIGHT, position: typeWidth }],
    children: [...runs(organ), new TextRun({ children: [new Tab()] }), ...runs(date)],
  });
}

/**
 * Document title: the issuer alone on line 1 when the title runs longer than one 19-character line; the
 * lines broken between words, as even as they go (§5.2, titleLines), where Word would break anywhere
 * (实施方案/的通知).
 */
function titleRuns(block: Extract<BlockElement, { type: 'doc-title' }>, ctx: BlockContext, bookmark?: string): ParagraphChild[] {
  const text = plainText(block);
  const issuer = block.issuer && text.startsWith(block.issuer) && text.length > TITLE_LINE_EM ? block.issuer : '';
  const rest = titleLines(text.slice(issuer.length)) ?? [text.slice(issuer.length)];
  const lines = issuer ? [issuer, ...rest] : rest;
  const runs: ParagraphChild[] = [];
  let from = 0;
  for (const line of lines) {
    if (from > 0) runs.push(new TextRun({ break: 1 }));
    runs.push(...runsFor(sliceLeaves(block.children, from, from + line.length), ctx.faces));
    from += line.length;
  }
  return bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs;
}

/** The leaves' text between two offsets, each piece keeping its leaf's marks. */
function sliceLeaves(leaves: TextLeaf[], from: number, to: number): TextLeaf[] {
  const out: TextLeaf[] = [];
  let at = 0;
  for (const leaf of leaves) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + leaf.text.length);
    if (start < end) out.push({ ...leaf, text: leaf.text.slice(start - at, end - at) });
    at += leaf.text.length;
  }
  return out;
}

/**
 * The DrawingML size and turn of a picture that shows `widthPx` × `heightPx` (96 dpi) after its EXIF turn:
 * the stored pixels drawn at their own shape, turned by the transform. No effectExtent for the quarter
 * turn: LibreOffice lays the turned shape out by itself and drops the picture when one is given.
 */
export function orientedTransform(orientation: number, widthPx: number, heightPx: number) {
  const { rotation, flipH } = orientationTurn(orientation);
  const quarter = rotation === 90 || rotation === 270;
  return {
    width: quarter ? heightPx : widthPx,
    height: quarter ? widthPx : heightPx,
    ...(rotation ? { rotation } : {}),
    ...(flipH ? { flip: { horizontal: true } } : {}),
  };
}

/** Tallest image (pt), as in the print CSS: an image cannot be split across pages. */
const MAX_IMAGE_HEIGHT_PT = 640;

function imageChildren(block: Extract<BlockElement, { type: 'image' }>, ctx: BlockContext, maxWidth: number): ParagraphChild[] {
  const asset = ctx.assets?.(block.assetId);
  if (!asset) {
    ctx.notes.push(`图片 ${block.assetId} 不在资料库中，导出为占位文字`);
    return [new TextRun({ text: missingImageText(block.alt) })];
  }
  // The print width (pt): the chosen width, else the natural size at 96 dpi; never wider than the type area
  // nor taller than a page, as on the print page.
  const ratio = asset.height / Math.max(1, asset.width);
  let widthPt = Math.min(block.width ?? (asset.width * 72) / 96, maxWidth / 20);
  if (widthPt * ratio > MAX_IMAGE_HEIGHT_PT) widthPt = MAX_IMAGE_HEIGHT_PT / ratio;
  const widthPx = Math.round((widthPt * 96) / 72);
  const heightPx = Math.round(widthPx * ratio);
  return [
    new ImageRun({
      type: asset.type,
      data: asset.data,
      transformation: orientedTransform(asset.orientation ?? 1, widthPx, heightPx),
      altText: block.alt ? { name: block.alt, description: block.alt, title: block.alt } : undefined,
    }),
  ];
}

/** Convert one run's blocks. The first doc-title of the document gets the Title style, later ones 方案标题. */
export function blocksToDocx(
  blocks: BlockElement[],
  ctx: BlockContext,
  state: { seenTitle: boolean },
  typeWidth: number,
  typeHeight: number,
): FileChild[] {
  const out: FileChild[] = [];
  // 署名 and date stay with the body's last line (as in print): Word balancing a short notice's columns
  // before a section break otherwise set them at the head of the right column, beside the 主送.
  const closes = (i: number) => blocks[i + 1]?.type === 'signature' || blocks[i + 1]?.type === 'date-line';
  const head = minutesHeadAt(blocks);
  blocks.forEach((block, i) => {
    if (head >= 0 && (i === head || i === head + 1)) {
      if (i === head) out.push(minutesHeadParagraph(block, blocks[i + 1], ctx, typeWidth));
      return;
    }
    switch (block.type) {
      case 'doc-title': {
        const first = !state.seenTitle;
        state.seenTitle = true;
        const followedByNumber = blocks[i + 1]?.type === 'doc-number';
        out.push(
          new Paragraph({
            style: first ? STYLE.title : STYLE.schemeTitle,
            spacing: first && !followedByNumber ? { after: PAGE.linePitch } : undefined,
            children: titleRuns(block, ctx, first ? ctx.titleBookmark : undefined),
          }),
        );
        break;
      }
      case 'doc-number':
        out.push(paragraphOf(STYLE.docNumber, runsFor(block.children, ctx.faces)));
        break;
      case 'addressee':
        out.push(paragraphOf(STYLE.addressee, runsFor(block.children, ctx.faces), { keepNext: closes(i) }));
        break;
      case 'heading':
        // A heading on a line of its own stays with the text after it; a run-in one is body text too.
        out.push(
          paragraphOf(STYLE.heading[block.level - 1], runsFor(block.children, ctx.faces), {
            keepNext: block.level > 1 && [...plainText(block)].length <= RUN_IN_HEADING_CHARS,
          }),
        );
        break;
      case 'paragraph': {
        const style = block.role === 'table-note' ? STYLE.tableNote : block.indent === false ? STYLE.plain : STYLE.normal;
        out.push(paragraphOf(style, runsFor(block.children, ctx.faces), { alignment: block.align, keepNext: isCentredHeadingLine(block) || closes(i) }));
        break;
      }
      case 'chronicle-entry':
        out.push(paragraphOf(STYLE.normal, runsFor(block.children, ctx.faces), { keepNext: closes(i) }));
        break;
      case 'attachment-list':
        block.children.forEach((item, n) => {
          const label = n === 0 ? '附件：' : '';
          const number = item.number ? item.number : '';
          out.push(
            new Paragraph({
              style: STYLE.attachmentList,
              // Later items align under the first item's number (§5.6): indent by the width of 附件：.
              indent: n === 0 ? undefined : { left: 1050, firstLine: 0, hanging: 0 },
              spacing: n === 0 ? { before: PAGE.linePitch } : undefined,
              keepNext: (n === block.children.length - 1 && closes(i)) || undefined,
              children: [new TextRun({ text: label + number }), ...runsFor(item.children, ctx.faces)],
            }),
          );
        });
        break;
      case 'attachment-heading':
        out.push(paragraphOf(STYLE.attachmentMark, runsFor(block.children, ctx.faces)));
        break;
      case 'signature':
        out.push(paragraphOf(STYLE.signature, runsFor(block.children, ctx.faces), { keepNext: closes(i) }));
        break;
      case 'date-line':
        // Right under its 署名, as in print (.gz-signature + .gz-date): the style's empty line above goes.
        out.push(paragraphOf(STYLE.dateLine, runsFor(block.children, ctx.faces), { flushAbove: blocks[i - 1]?.type === 'signature' }));
        break;
      case 'checkbox':
        out.push(
          paragraphOf(STYLE.plain, [new TextRun({ text: block.checked ? '☑ ' : '□ ' }), ...runsFor(block.children, ctx.faces)]),
        );
        break;
      case 'table':
        out.push(tableToDocx(block, typeWidth, typeHeight, ctx.faces, ctx.compactTables?.has(block)));
        // Word needs a paragraph between two tables, and after a table that ends a section.
        if (blocks[i + 1]?.type === 'table' || i === blocks.length - 1) {
          out.push(new Paragraph({ style: STYLE.tableNote, children: [] }));
        }
        break;
      case 'image':
        out.push(new Paragraph({ style: STYLE.plain, alignment: AlignmentType.CENTER, children: imageChildren(block, ctx, typeWidth) }));
        break;
      case 'page-break':
        break;
      default:
        assertNever(block, 'block type');
    }
  });
  return out;
}
