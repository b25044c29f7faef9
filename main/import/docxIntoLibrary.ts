/**
 * A Word file as the documents of a new draft issue in the library (or of a chosen section). The conversion happens first, outside the
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
  | { ok: true; issueId: string; documentId: string; title: string; warnings: ImportWarning[]; documentIds: string[] }
  | (Failure<DocxErrorCode> & { warnings: ImportWarning[] });

export interface DocxIntoLibraryOptions extends DocxImportOptions {
  /** Append the documents to this section (the editor's 导入); without it a new draft issue holds them (CLI). */
  sectionId?: string;
}

/**
 * Every document the file holds is stored, in order: a Word file with two 公文 in it, or a whole issue,
 * splits (docxWorker.ts), and none of it may be lost. Into a chosen section they all go there; into a new
 * issue, a file that names its sections (a whole issue) keeps them, a single document goes to its kind's.
 */
export async function importDocxIntoLibrary(library: Library, file: string, opts: DocxIntoLibraryOptions = {}): Promise<DocxIntoLibraryResult> {
  const result = await importDocxFile(file, opts);
  if (result.error) return { ...failure(result.error.code, result.error.message), warnings: result.warnings };
  const warnings = [...result.warnings];
  const documents = result.documents.length ? result.documents : [{ section: '', content: result.content, title: result.title, docNumber: result.docNumber }];
  if (documents.length > 1) warnings.push({ code: 'docx-several-documents', message: `文件含 ${documents.length} 篇文件，已按顺序全部导入` });
  const stored = library.transaction(() => {
    const ids = new Map<string, { assetId: string; widthPt?: number }>();
    for (const asset of result.assets) {
      if (!IMAGE_MIME.test(asset.contentType)) {
        warnings.push({ code: 'docx-image-type', message: `图片格式 ${asset.contentType} 不支持，未导入` });
        continue;
      }
      ids.set(asset.id, { assetId: library.assets.put(asset.data, asset.contentType).id, widthPt: asset.widthPt });
    }
    const chosen = opts.sectionId ? library.sections.get(opts.sectionId) : undefined;
    const issueId = chosen?.issueId ?? library.issues.create();
    const sections = new Map<string, ReturnType<Library['sections']['get']>>();
    const sectionFor = (name: string) => {
      if (chosen) return chosen;
      const section = sections.get(name) ?? library.sections.add(issueId, name);
      sections.set(name, section);
      return section;
    };
    const added = documents.map((d) => {
      const kind = kindFromTitle(d.title, d.docNumber);
      const name = documents.length > 1 && d.section ? d.section : (SECTION_BY_KIND[kind] ?? '其他');
      return library.documents.add(sectionFor(name).id, { kind, content: relinkImages(d.content, ids) });
    });
    return { issueId, documentId: added[0].id, title: added[0].title, documentIds: added.map((d) => d.id) };
  });
  return { ok: true, ...stored, warnings };
}
