/**
 * A Word file as one document of a new draft issue in the library. The conversion happens first, outside the
 * library; only a successful result is written, in one transaction, so a bad file leaves the library as it was.
 * Used by `gazette import FILE.docx`; a handler for the editor's 导入 can call it the same way.
 */
import type { BlockElement, DocumentContent, ImportWarning } from '../../common/model/index';
import { kindFromTitle } from '../../common/import/patterns';
import { failure, type Failure } from '../../common/errors';
import type { Library } from '../store/index';
import { importDocxFile, type DocxErrorCode, type DocxImportOptions } from './importDocx';

const IMAGE_MIME = /^image\/(png|jpeg|gif|bmp)$/;

const SECTION_BY_KIND: Record<string, string> = {
  notice: '市政府办公室文件',
  personnel: '人事任免',
  chronicle: '大事记',
  other: '其他',
};

/** Widest print width (pt): the type area. A wider picture in Word prints at the full type width. */
const TYPE_WIDTH_PT = 420;

/**
 * Point image blocks at the stored assets, at the width Word showed them (never wider than the type area);
 * drop the ones whose image could not be stored.
 */
function relinkImages(content: DocumentContent, stored: Map<string, { assetId: string; widthPt?: number }>): DocumentContent {
  const blocks = content.blocks.flatMap((b): BlockElement[] => {
    if (b.type !== 'image') return [b];
    const asset = stored.get(b.assetId);
    if (!asset) return [];
    const width = b.width ?? (asset.widthPt ? Math.min(TYPE_WIDTH_PT, Math.round(asset.widthPt * 2) / 2) : undefined);
    return [{ ...b, assetId: asset.assetId, ...(width ? { width } : {}) }];
  });
  return { ...content, blocks };
}

export type DocxIntoLibraryResult =
  | { ok: true; issueId: string; documentId: string; title: string; warnings: ImportWarning[] }
  | (Failure<DocxErrorCode> & { warnings: ImportWarning[] });

export interface DocxIntoLibraryOptions extends DocxImportOptions {
  /** Append the document to this section (the editor's 导入); without it a new draft issue holds it (CLI). */
  sectionId?: string;
}

export async function importDocxIntoLibrary(library: Library, file: string, opts: DocxIntoLibraryOptions = {}): Promise<DocxIntoLibraryResult> {
  const result = await importDocxFile(file, opts);
  if (result.error) return { ...failure(result.error.code, result.error.message), warnings: result.warnings };
  const warnings = [...result.warnings];
  const kind = kindFromTitle(result.title, result.docNumber);
  const stored = library.transaction(() => {
    const ids = new Map<string, { assetId: string; widthPt?: number }>();
    for (const asset of result.assets) {
      if (!IMAGE_MIME.test(asset.contentType)) {
        warnings.push({ code: 'docx-image-type', message: `图片格式 ${asset.contentType} 不支持，未导入` });
        continue;
      }
      ids.set(asset.id, { assetId: library.assets.put(asset.data, asset.contentType).id, widthPt: asset.widthPt });
    }
    const section = opts.sectionId
      ? library.sections.get(opts.sectionId)
      : library.sections.add(library.issues.create(), SECTION_BY_KIND[kind] ?? '其他');
    const doc = library.documents.add(section.id, { kind, content: relinkImages(result.content, ids) });
    return { issueId: section.issueId, documentId: doc.id, title: doc.title };
  });
  return { ok: true, ...stored, warnings };
}
