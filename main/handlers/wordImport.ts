/**
 * The editor's 导入 of a Word file: the bytes go to a private temp folder (the converter and LibreOffice read
 * files), through the same conversion as `gazette import FILE.docx`, into the chosen section. A file that cannot
 * be read leaves the library untouched and comes back as one clear sentence.
 */
import path from 'node:path';
import { importDocxIntoLibrary } from '../import/docxIntoLibrary';
import { StoreError } from '../store/index';
import type { HandlerTable } from './types';
import { withUploadedFiles } from './uploads';

export const wordImportHandlers: HandlerTable<'documents.importWord'> = {
  'documents.importWord': async (deps, { sectionId, fileName, dataBase64 }) => {
    deps.library.sections.get(sectionId); // not-found before any conversion work
    const upload = { name: `import${path.extname(fileName).toLowerCase()}`, bytes: Buffer.from(dataBase64, 'base64') };
    return withUploadedFiles('gazette-word-', [upload], async ([file]) => {
      const result = await importDocxIntoLibrary(deps.library, file, { sectionId, worker: deps.docxWorker });
      if (!result.ok) throw new StoreError('invalid', `${fileName}：${result.error.message}`);
      deps.emit?.('library.changed', { issueId: result.issueId });
      return { documentId: result.documentId, title: result.title, warnings: result.warnings };
    });
  },
};
