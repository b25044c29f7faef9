/**
 * Contract channel of the editor's 导入: a Word file (.docx; .doc/.wps through LibreOffice when installed) becomes a
 * new document at the end of a section of the open issue. Bytes travel as base64: the browser bridge has no paths.
 */
import { z } from 'zod';
import { base64, id, importWarning, shortText } from './schemas';

export const wordImportChannels = {
  'documents.importWord': {
    input: z.strictObject({
      sectionId: id,
      /** The picked file's name, for its type and messages only: a bare name, never a path. */
      fileName: shortText.regex(/^[^/\\]*\.(docx|doc|wps)$/i, 'not a Word file name (.docx, .doc, .wps; no folders)'),
      dataBase64: base64,
    }),
    output: z.object({ documentId: id, title: z.string(), warnings: z.array(importWarning) }),
  },
} as const;
