/**
 * The printed size of a picture, and the pictures of an issue that print smaller than asked. Pure: the print
 * page (renderer/print/figures.ts, stage fit-figures) sizes every picture with `figureSize`, and the export
 * and the 检查 panel use the same function on the pixel size read from the image's header, so what they
 * report is what prints.
 */
import type { BlockElement, IssueTree } from '../model';

const PX_PER_PT = 96 / 72;
/** The type area's width (format doc §2). */
export const FIGURE_MAX_WIDTH_PT = 420;
/**
 * The tallest picture: the type area is 682.5 pt; the figure's margins (8.75 pt above and below) and its
 * rounding up to whole grid lines must fit too. Also the CSS fallback (journal.css `.gz-figure img`).
 */
export const FIGURE_MAX_HEIGHT_PT = 640;
/** Below this, a picture counts as scaled down (the print page notes it as `data-gz-scaled`). */
export const SCALED_BELOW = 0.9995;

export interface FigureSize {
  widthPt: number;
  heightPt: number;
  /** The printed size over the size asked for (1 when the picture prints as large as asked). */
  scale: number;
}

export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The printed size of a picture of `pixels`, asked for at `requestedWidthPt` (undefined: its pixel size
 * at 96 dpi, as in the editor): at most the type width, and at most FIGURE_MAX_HEIGHT_PT tall.
 */
export function figureSize(pixels: PixelSize, requestedWidthPt?: number): FigureSize {
  const asked = requestedWidthPt && requestedWidthPt > 0 ? requestedWidthPt : pixels.width / PX_PER_PT;
  const ratio = pixels.height / pixels.width;
  let widthPt = Math.min(asked, FIGURE_MAX_WIDTH_PT);
  if (widthPt * ratio > FIGURE_MAX_HEIGHT_PT) widthPt = FIGURE_MAX_HEIGHT_PT / ratio;
  return { widthPt, heightPt: widthPt * ratio, scale: widthPt / asked };
}

/** Pixel size and type of a PNG, JPEG, GIF or BMP, read from its header (undefined for other formats). */
export function imageInfo(bytes: Uint8Array): (PixelSize & { type: 'png' | 'jpg' | 'gif' | 'bmp' }) | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d) {
    return { type: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      const length = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** A picture that prints smaller than the editor asked for, and where it is. */
export interface ScaledFigure {
  documentId: string;
  documentTitle: string;
  /** Index of the image among the document's top-level blocks. */
  blockIndex: number;
  /** The picture as the user knows it: its description (the file name when inserted), else 第N张图片. */
  name: string;
  /** Printed size over asked size, in whole percent (rounded down, so never shown as 100). */
  percent: number;
}

/** The pictures of a document's blocks that print smaller than asked (`pixelsOf`: undefined when unknown). */
export function scaledFiguresIn(
  blocks: readonly BlockElement[],
  pixelsOf: (assetId: string) => PixelSize | undefined,
): Omit<ScaledFigure, 'documentId' | 'documentTitle'>[] {
  const out: Omit<ScaledFigure, 'documentId' | 'documentTitle'>[] = [];
  let nth = 0;
  blocks.forEach((block, blockIndex) => {
    if (block.type !== 'image') return;
    nth++;
    const pixels = pixelsOf(block.assetId);
    if (!pixels || !(pixels.width > 0) || !(pixels.height > 0)) return;
    const { scale } = figureSize(pixels, block.width);
    if (scale >= SCALED_BELOW) return;
    const alt = block.alt?.trim();
    out.push({ blockIndex, name: alt ? `图片“${alt}”` : `第${nth}张图片`, percent: Math.max(1, Math.min(99, Math.floor(scale * 100))) });
  });
  return out;
}

/** Every picture of the issue that prints smaller than asked, in reading order. */
export function scaledFigures(tree: IssueTree, pixelsOf: (assetId: string) => PixelSize | undefined): ScaledFigure[] {
  return tree.sections.flatMap((section) =>
    section.documents.flatMap((doc) =>
      scaledFiguresIn(doc.content.blocks, pixelsOf).map((f) => ({ ...f, documentId: doc.id, documentTitle: doc.title || section.name })),
    ),
  );
}

/** The export's warning for one scaled picture: the document and the picture, and how small it prints. */
export function scaledFigureWarning(f: Pick<ScaledFigure, 'documentTitle' | 'name' | 'percent'>): string {
  return `《${f.documentTitle}》中的${f.name}超出版心，已缩小到 ${f.percent}% 印出`;
}
