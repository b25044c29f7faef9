/**
 * DOCX export I/O: build with the pure toDocx and write the file atomically (temp file + rename).
 * Images come from the library's assets; TOC page numbers from the print layout's page map.
 */
import type { IssueTree } from '../../common/model';
import { imageInfo, scaledFigures, scaledFigureWarning, type PixelSize } from '../../common/render/figureSize';
import { jpegOrientation, orientedSize, withoutOrientation } from '../../common/render/exifOrientation';
import { downscaleTarget, notInDocxWarning, rasterPixels, widestPrint } from '../../common/render/docxPictures';
import { pixelSize, svgSize, webpSize } from '../../common/render/imagePixels';
import { imageDataUrl, imageUses, missingImageWarnings } from '../../common/render/images';
import type { DrawnFormat } from './rasterScript';
import { toDocx, type DocxImageAsset, type ToDocxOptions } from '../../common/render/toDocx';
import { untitledTocWarnings } from '../../common/render/toHtmlFront';
import { writeFileAtomic } from './outputFile';

export interface DocxExportResult {
  docxPath: string;
  bytes: number;
  /** Technical notes of the conversion (for logs and the CLI). */
  notes: string[];
  /** For the user: images missing from the library (exported as placeholder text) or scaled down to fit. */
  warnings: string[];
}

async function writeDocx(tree: IssueTree, file: string, opts: ToDocxOptions): Promise<Omit<DocxExportResult, 'warnings'>> {
  const { bytes, notes } = await toDocx(tree, opts);
  await writeFileAtomic(file, bytes);
  return { docxPath: file, bytes: bytes.length, notes };
}

export { imageInfo };

/** The part of the library the DOCX export reads (main/store's Library satisfies it). */
export interface DocxLibrary {
  issues: { getTree(issueId: string): IssueTree };
  pageMaps: { get(issueId: string): { pages: Record<string, number>; compactTables?: string[] } };
  assets: { get(id: string): { bytes: Uint8Array } | undefined };
}


/**
 * The DOCX's picture for each asset id: `drawn` (PNG copies of WebP and SVG pictures, rasterizedAssets)
 * first, else the library's bytes when the DOCX can hold them.
 */
export function libraryAssets(library: Pick<DocxLibrary, 'assets'>, drawn?: ReadonlyMap<string, DocxImageAsset>): (assetId: string) => DocxImageAsset | undefined {
  return (assetId) => {
    const copy = drawn?.get(assetId);
    if (copy) return copy;
    const record = library.assets.get(assetId);
    const info = record && imageInfo(record.bytes);
    if (!record || !info) return undefined;
    // A phone photo's EXIF turn, as the print page shows it (docx/blocks.ts orientedTransform).
    const orientation = info.type === 'jpg' ? jpegOrientation(record.bytes) : 1;
    if (orientation === 1) return { data: record.bytes, ...info };
    return { data: withoutOrientation(record.bytes), type: info.type, ...orientedSize(info, orientation), orientation };
  };
}

/** Draws a data: URL picture at a pixel size as PNG (the print engine's rasterize). */
export type DrawPicture = (dataUrl: string, width: number, height: number, format?: DrawnFormat) => Promise<Uint8Array>;

/** A picture the DOCX gets a drawn copy of: what it is, how it shows, what the copy is encoded as. */
interface PictureToDraw {
  /** The format's name for the user (WebP, SVG) when the DOCX cannot hold the original. */
  format?: 'WebP' | 'SVG';
  mime: string;
  /** CSS pixel size (a JPEG's EXIF turn applied), as the print page sizes it. */
  pixels: PixelSize;
  vector: boolean;
  output: DrawnFormat;
  bytes: Uint8Array;
}

const MIME = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp' } as const;

/** A WebP or SVG picture (the DOCX cannot hold it as it is): its format and CSS pixel size. */
function unembeddable(bytes: Uint8Array): { format: 'WebP' | 'SVG'; mime: string; pixels: PixelSize } | undefined {
  if (imageInfo(bytes)) return undefined;
  const webp = webpSize(bytes);
  if (webp) return { format: 'WebP', mime: 'image/webp', pixels: webp };
  const svg = svgSize(bytes);
  return svg ? { format: 'SVG', mime: 'image/svg+xml', pixels: svg } : undefined;
}

/** Whether and how the DOCX needs `bytes` drawn: WebP and SVG always, huge raster pictures to print size. */
function pictureToDraw(tree: IssueTree, assetId: string, bytes: Uint8Array): PictureToDraw | undefined {
  const info = imageInfo(bytes);
  if (!info) {
    const found = unembeddable(bytes);
    return found && { ...found, vector: found.format === 'SVG', output: 'png', bytes };
  }
  if (!downscaleTarget(tree, assetId, bytes)) return undefined;
  const pixels = pixelSize(bytes)!;
  return { mime: MIME[info.type], pixels, vector: false, output: info.type === 'jpg' ? 'jpeg' : 'png', bytes };
}

/** The issue's pictures that the DOCX gets drawn copies of, by asset id. */
export function picturesToDraw(library: Pick<DocxLibrary, 'assets'>, tree: IssueTree): Map<string, PictureToDraw> {
  const out = new Map<string, PictureToDraw>();
  for (const { assetId } of imageUses(tree)) {
    const record = out.has(assetId) ? undefined : library.assets.get(assetId);
    const found = record && pictureToDraw(tree, assetId, record.bytes);
    if (found) out.set(assetId, found);
  }
  return out;
}

/**
 * Drawn copies of the issue's pictures for the DOCX, by `draw` (the print Chromium), at print resolution
 * (300 dpi) for the widest they print: WebP and SVG as PNG (a Word file cannot hold them), and a huge
 * photo (needsDownscale) as JPEG, so a 20 MB camera file does not go into the DOCX whole. A picture that
 * fails to draw is left as it is (WebP, SVG: placeholder text, and a warning). The library keeps the
 * originals; the PDF prints them as they are.
 */
export async function rasterizedAssets(library: Pick<DocxLibrary, 'assets'>, tree: IssueTree, draw: DrawPicture): Promise<Map<string, DocxImageAsset>> {
  const out = new Map<string, DocxImageAsset>();
  for (const [assetId, picture] of picturesToDraw(library, tree)) {
    const target = rasterPixels(picture.pixels, widestPrint(tree, assetId, picture.pixels), picture.vector);
    try {
      const copy = await draw(imageDataUrl(picture.mime, Buffer.from(picture.bytes).toString('base64')), target.width, target.height, picture.output);
      const type = imageInfo(copy)?.type;
      if (type === 'png' || type === 'jpg') out.set(assetId, { data: copy, type, width: picture.pixels.width, height: picture.pixels.height });
    } catch {
      // Not drawn (a broken picture): as it is, or placeholder text and a warning for WebP and SVG.
    }
  }
  return out;
}

/** Warnings for pictures that are in the library but not in the DOCX (a format it cannot hold, not drawn). */
function notInDocxWarnings(library: Pick<DocxLibrary, 'assets'>, tree: IssueTree, assets: (assetId: string) => DocxImageAsset | undefined): string[] {
  return imageUses(tree)
    .filter((use) => !assets(use.assetId))
    .flatMap((use) => {
      const record = library.assets.get(use.assetId);
      if (!record) return [];
      return [notInDocxWarning(use.documentTitle, use.alt, unembeddable(record.bytes)?.format ?? '这种')];
    });
}

/**
 * The one DOCX export (the app's contract handler, and through it the CLI): an issue from the library with
 * its images. Page numbers: the given map (a fresh PDF layout), else the stored
 * one from the last layout, else none (the TOC then needs a field update in Word; see the notes). Tables
 * the last layout set compact are set compact here too.
 */
export async function exportLibraryIssueDocx(
  library: DocxLibrary,
  issueId: string,
  file: string,
  opts: Omit<ToDocxOptions, 'assets'> = {},
  draw?: DrawPicture,
): Promise<DocxExportResult> {
  const tree = library.issues.getTree(issueId);
  const stored = library.pageMaps.get(issueId);
  const pageMap = opts.pageMap ?? (Object.keys(stored.pages).length > 0 ? stored.pages : undefined);
  const compactTables = opts.compactTables ?? stored.compactTables;
  const drawn = draw ? await rasterizedAssets(library, tree, draw) : undefined;
  const assets = libraryAssets(library, drawn);
  const written = await writeDocx(tree, file, { ...opts, pageMap, compactTables, assets });
  // The DOCX sizes pictures as the print page does (toDocx's imageChildren): the same warnings.
  const scaled = scaledFigures(tree, assets).map(scaledFigureWarning);
  const missing = missingImageWarnings(tree, (id) => library.assets.get(id) !== undefined);
  return { ...written, warnings: [...missing, ...notInDocxWarnings(library, tree, assets), ...scaled, ...(opts.document ? [] : untitledTocWarnings(tree))] };
}
