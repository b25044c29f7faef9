/**
 * The outline's import button and file drop: the bytes go to a private temp folder under their own names
 * (the readers and LibreOffice read files), through the same path as `gazette import FILE... --issue`, into
 * the chosen section's issue. Any unreadable file leaves the library untouched and comes back as one sentence.
 */
import path from 'node:path';
import { importFilesIntoLibrary } from '../import/importFiles';
import { StoreError, type StoreErrorCode } from '../store/index';
import type { HandlerTable } from './types';
import { withUploadedFiles } from './uploads';

const LIBRARY_FAULTS = new Set<string>(['disk-full', 'busy', 'read-only', 'io', 'corrupt']);

/** A safe local name that keeps the extension (and order, by prefix). */
function localName(index: number, fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  const stem = path.basename(fileName, path.extname(fileName)).replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'file';
  return `${String(index).padStart(2, '0')}-${stem}${ext}`;
}

export const fileImportHandlers: HandlerTable<'documents.importFiles'> = {
  'documents.importFiles': async (deps, { sectionId, uploads: files }) => {
    deps.library.sections.get(sectionId); // not-found before any conversion work
    const uploads = files.map((f, i) => ({ name: localName(i, f.fileName), bytes: Buffer.from(f.dataBase64, 'base64') }));
    return withUploadedFiles('gazette-files-', uploads, async (paths) => {
      const result = await importFilesIntoLibrary(deps.library, paths, { sectionId, worker: deps.docxWorker });
      if (!result.ok) {
        // Name the file as the editor knows it, not as the temp copy.
        const message = paths.reduce((m, p, i) => m.split(path.basename(p)).join(files[i].fileName), result.error.message);
        // The library could not take the batch (disk full, busy …): its own code; else a file was refused.
        throw new StoreError(LIBRARY_FAULTS.has(result.error.code) ? (result.error.code as StoreErrorCode) : 'invalid', message);
      }
      deps.emit?.('library.changed', { issueId: result.issueId });
      const byLocal = new Map(paths.map((p, i) => [path.basename(p), files[i].fileName]));
      return { issueId: result.issueId, documents: result.documents.map((d) => ({ ...d, file: byLocal.get(d.file) ?? d.file })) };
    });
  },
};
