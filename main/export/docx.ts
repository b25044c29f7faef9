/**
 * DOCX export I/O: build with the pure toDocx and write the file atomically (temp file + rename).
 * Images come from the library's assets; TOC page numbers from the print layout's page map.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IssueTree } from '../../common/model';
import { missingImageWarnings } from '../../common/render/images';
import { toDocx, type DocxImageAsset, type ToDocxOptions } from '../../common/render/toDocx';

export interface DocxExportResult {
  docxPath: string;
  bytes: number;
  /** Technical notes of the conversion (for logs and the CLI). */
  notes: string[];
  /** For the user: images missing from the library (exported as placeholder text). */
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

/** Pixel size and type of a PNG, JPEG, GIF or BMP, read from its header. */
export function imageInfo(bytes: Uint8Array): Pick<DocxImageAsset, 'type' | 'width' | 'height'> | undefined {
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
    return record && info ? { data: record.bytes, ...info } : undefined;
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
  return { ...written, warnings: missingImageWarnings(tree, (id) => assets(id) !== undefined) };
}
