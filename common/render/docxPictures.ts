/**
 * Pictures the print page prints but a DOCX cannot hold as they are (WebP, SVG: the docx package embeds PNG,
 * JPEG, GIF and BMP). The DOCX export has the print Chromium draw them as PNG at print resolution
 * (main/export/docx.ts rasterizedAssets); this says which, at what size, and what to tell the user when a
 * picture still cannot go into the DOCX. The library keeps the original either way.
 */
import type { BlockElement, IssueTree } from '../model';
import { figureSize, imageInfo, type PixelSize } from './figureSize';
import { pixelSize } from './imagePixels';

/** Pixels per printed inch of a drawn copy: a print-resolution picture at its printed size. */
export const PRINT_DPI = 300;
/** The longest side of a drawn copy, whatever its printed size (a page-high picture at 300 dpi is 2667 px). */
export const MAX_RASTER_SIDE = 4000;

/**
 * The pixel size to draw a picture at for the DOCX: its printed width at PRINT_DPI, never more pixels than
 * a raster picture has (no blowing up), a vector one (SVG) as sharp as print needs; aspect ratio kept.
 */
export function rasterPixels(pixels: PixelSize, printedWidthPt: number, vector: boolean): PixelSize {
  let width = (printedWidthPt / 72) * PRINT_DPI;
  if (!vector) width = Math.min(width, pixels.width);
  const ratio = pixels.height / pixels.width;
  width = Math.min(width, MAX_RASTER_SIDE, MAX_RASTER_SIDE / ratio);
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(width * ratio)) };
}

/** The widest any block of the issue prints `assetId` (pt), from the picture's pixel size; 0 when unused. */
export function widestPrint(tree: IssueTree, assetId: string, pixels: PixelSize): number {
  let widest = 0;
  for (const section of tree.sections) {
    for (const doc of section.documents) {
      for (const block of doc.content.blocks as BlockElement[]) {
        if (block.type === 'image' && block.assetId === assetId) widest = Math.max(widest, figureSize(pixels, block.width).widthPt);
      }
    }
  }
  return widest;
}

/** The warning for a picture that is in the library but could not go into the DOCX (placeholder text there). */
export function notInDocxWarning(documentTitle: string, alt: string | undefined, format: string): string {
  return `《${documentTitle}》中的图片${alt ? `“${alt}”` : ''}是 ${format} 格式，未能转换嵌入 Word 文件，Word 版中为占位文字（PDF 中照常印出）`;
}

/** A picture file smaller than this goes into the DOCX as it is, however many pixels it has. */
export const DOWNSCALE_FROM_BYTES = 1 << 20;

/**
 * Whether the DOCX should carry a print-resolution copy of a picture it could hold as it is: a file of
 * DOWNSCALE_FROM_BYTES or more with over 1.5 times the pixels its printed size needs (a phone photo of
 * 4000 px set 420 pt wide needs 1750). Small files and pictures near their print size are left alone.
 */
export function needsDownscale(pixels: PixelSize, target: PixelSize, byteLength: number): boolean {
  return byteLength >= DOWNSCALE_FROM_BYTES && pixels.width > target.width * 1.5;
}

/**
 * The print-resolution size to draw a PNG or JPEG picture at, for the widest the issue prints it, when its
 * file is big and has far more pixels than that (needsDownscale); undefined: use it as it is. A copy this
 * size prints at the same size as the original (it has at least 300/96 of the printed width in pixels).
 */
export function downscaleTarget(tree: IssueTree, assetId: string, bytes: Uint8Array): PixelSize | undefined {
  const pixels = imageInfo(bytes) ? pixelSize(bytes) : undefined;
  if (!pixels) return undefined;
  const target = rasterPixels(pixels, widestPrint(tree, assetId, pixels), false);
  return needsDownscale(pixels, target, bytes.length) ? target : undefined;
}
