/**
 * DOCX export I/O: build with the pure toDocx and write the file atomically (temp file + rename).
 * Images come from the library's assets; TOC page numbers from the print layout's page map.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IssueTree } from '../../common/model';
import { imageInfo, scaledFigures, scaledFigureWarning, type PixelSize } from '../../common/render/figureSize';
import { jpegOrientation, orientedSize, withoutOrientation } from '../../common/render/exifOrientation';
import { notInDocxWarning, rasterPixels, widestPrint } from '../../common/render/docxPictures';
import { svgSize, webpSize } from '../../common/render/imagePixels';
import { imageDataUrl, imageUses, missingImageWarnings } from '../../common/render/images';
import { toDocx, type DocxImageAsset, type ToDocxOptions } from '../../common/render/toDocx';

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
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
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
export type DrawPicture = (dataUrl: string, width: number, height: number) => Promise<Uint8Array>;

/** A picture the DOCX cannot hold as it is (WebP, SVG), from its bytes: its format and CSS pixel size. */
function pictureToDraw(bytes: Uint8Array): { format: 'WebP' | 'SVG'; mime: string; pixels: PixelSize } | undefined {
  if (imageInfo(bytes)) return undefined;
  const webp = webpSize(bytes);
  if (webp) return { format: 'WebP', mime: 'image/webp', pixels: webp };
  const svg = svgSize(bytes);
  return svg ? { format: 'SVG', mime: 'image/svg+xml', pixels: svg } : undefined;
}

/** The issue's pictures that need drawing for the DOCX, by asset id. */
export function picturesToDraw(library: Pick<DocxLibrary, 'assets'>, tree: IssueTree): Map<string, NonNullable<ReturnType<typeof pictureToDraw>> & { bytes: Uint8Array }> {
  const out = new Map<string, NonNullable<ReturnType<typeof pictureToDraw>> & { bytes: Uint8Array }>();
  for (const { assetId } of imageUses(tree)) {
    const record = out.has(assetId) ? undefined : library.assets.get(assetId);
    const found = record && pictureToDraw(record.bytes);
    if (found) out.set(assetId, { ...found, bytes: record.bytes });
  }
  return out;
}

/**
 * PNG copies of the issue's WebP and SVG pictures for the DOCX, drawn by `draw` (the print Chromium) at
 * print resolution for the widest they print. A picture that fails to draw is left out (and warned of).
 * The library keeps the originals; the PDF prints them as they are.
 */
export async function rasterizedAssets(library: Pick<DocxLibrary, 'assets'>, tree: IssueTree, draw: DrawPicture): Promise<Map<string, DocxImageAsset>> {
  const out = new Map<string, DocxImageAsset>();
  for (const [assetId, picture] of picturesToDraw(library, tree)) {
    const target = rasterPixels(picture.pixels, widestPrint(tree, assetId, picture.pixels), picture.format === 'SVG');
    try {
      const png = await draw(imageDataUrl(picture.mime, Buffer.from(picture.bytes).toString('base64')), target.width, target.height);
      if (imageInfo(png)?.type === 'png') out.set(assetId, { data: png, type: 'png', width: picture.pixels.width, height: picture.pixels.height });
    } catch {
      // Not drawn (a broken picture): placeholder text in the DOCX, and the warning says so.
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
      return [notInDocxWarning(use.documentTitle, use.alt, pictureToDraw(record.bytes)?.format ?? '这种')];
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
  return { ...written, warnings: [...missing, ...notInDocxWarnings(library, tree, assets), ...scaled] };
}
