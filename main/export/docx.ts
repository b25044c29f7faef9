/**
 * DOCX export I/O: build with the pure toDocx and write the file atomically (temp file + rename).
 * Images come from the library's assets; TOC page numbers from the print layout's page map.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IssueTree } from '../../common/model';
import { imageInfo, scaledFigures, scaledFigureWarning } from '../../common/render/figureSize';
import { jpegOrientation, orientedSize, withoutOrientation } from '../../common/render/exifOrientation';
import { missingImageWarnings } from '../../common/render/images';
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


export function libraryAssets(library: Pick<DocxLibrary, 'assets'>): (assetId: string) => DocxImageAsset | undefined {
  return (assetId) => {
    const record = library.assets.get(assetId);
    const info = record && imageInfo(record.bytes);
    if (!record || !info) return undefined;
    // A phone photo's EXIF turn, as the print page shows it (docx/blocks.ts orientedTransform).
    const orientation = info.type === 'jpg' ? jpegOrientation(record.bytes) : 1;
    if (orientation === 1) return { data: record.bytes, ...info };
    return { data: withoutOrientation(record.bytes), type: info.type, ...orientedSize(info, orientation), orientation };
  };
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
): Promise<DocxExportResult> {
  const tree = library.issues.getTree(issueId);
  const stored = library.pageMaps.get(issueId);
  const pageMap = opts.pageMap ?? (Object.keys(stored.pages).length > 0 ? stored.pages : undefined);
  const compactTables = opts.compactTables ?? stored.compactTables;
  const assets = libraryAssets(library);
  const written = await writeDocx(tree, file, { ...opts, pageMap, compactTables, assets });
  // The DOCX sizes pictures as the print page does (toDocx's imageChildren): the same warnings.
  const scaled = scaledFigures(tree, assets).map(scaledFigureWarning);
  return { ...written, warnings: [...missingImageWarnings(tree, (id) => assets(id) !== undefined), ...scaled] };
}
