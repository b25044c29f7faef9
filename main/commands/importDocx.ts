/**
 * `gazette import FILE.docx` (and .doc/.wps through LibreOffice): the Word file becomes one document in a new
 * draft issue. The conversion happens first, outside the library; only a successful result is written, in
 * one transaction, so a bad file leaves the library untouched.
 */
import path from 'node:path';
import type { BlockElement, DocumentContent, ImportWarning } from '../../common/model/index';
import { kindFromTitle } from '../../common/import/patterns';
import { importDocxFile } from '../import/importDocx';
import type { Library } from '../store/index';
import { CliError } from './shared';

const IMAGE_MIME = /^image\/(png|jpeg|gif|bmp)$/;

const SECTION_BY_KIND: Record<string, string> = {
  notice: '市政府办公室文件',
  personnel: '人事任免',
  chronicle: '大事记',
  other: '其他',
};

/** Point image blocks at the stored assets; drop the ones whose image could not be stored. */
function relinkImages(content: DocumentContent, ids: Map<string, string>): DocumentContent {
  const blocks = content.blocks.flatMap((b): BlockElement[] => {
    if (b.type !== 'image') return [b];
    const stored = ids.get(b.assetId);
    return stored ? [{ ...b, assetId: stored }] : [];
  });
  return { ...content, blocks };
}

export async function importDocxIntoLibrary(library: Library, file: string): Promise<{ issueId: string; documents: number; warnings: ImportWarning[] }> {
  const result = await importDocxFile(file);
  if (result.error) throw new CliError(result.error);
  const warnings = [...result.warnings];
  const kind = kindFromTitle(result.title, result.docNumber);
  const issueId = library.transaction(() => {
    const ids = new Map<string, string>();
    for (const asset of result.assets) {
      if (!IMAGE_MIME.test(asset.contentType)) {
        warnings.push({ code: 'docx-image-type', message: `图片格式 ${asset.contentType} 不支持，未导入` });
        continue;
      }
      ids.set(asset.id, library.assets.put(asset.data, asset.contentType).id);
    }
    const id = library.issues.create();
    const section = library.sections.add(id, SECTION_BY_KIND[kind] ?? '其他');
    library.documents.add(section.id, { kind, content: relinkImages(result.content, ids) });
    return id;
  });
  if (!result.title) warnings.push({ code: 'docx-file', message: `来源文件：${path.basename(file)}` });
  return { issueId, documents: 1, warnings };
}
