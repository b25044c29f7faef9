/**
 * Contract channel of the outline's import button and of dropping files onto a section: files of any
 * importable kind (.txt, .html/.htm, .docx, .doc/.wps), in order, become documents of the section's issue
 * (each in its section by rule). Bytes travel as base64: the browser bridge has no paths.
 */
import { z } from 'zod';
import { base64, id, importWarning, shortText } from './schemas';

const importedDocument = z.object({
  id,
  file: z.string(),
  title: z.string(),
  docNumber: z.string(),
  section: z.string(),
  sectionId: id,
  addressee: z.string(),
  signature: z.array(z.string()),
  date: z.string(),
  attachments: z.number(),
  warnings: z.array(importWarning),
});

export type ImportedDocumentReport = z.output<typeof importedDocument>;

export const fileImportChannels = {
  'documents.importFiles': {
    input: z.strictObject({
      sectionId: id,
      // Uploaded bytes with the picked file's name (for its type and messages; a name with a folder is refused).
      uploads: z
        .array(z.strictObject({ fileName: shortText.regex(/^[^/\\]*\.(txt|text|html?|docx|doc|wps)$/i, 'not an importable file name (.txt, .html, .docx, .doc, .wps; no folders)'), dataBase64: base64 }))
        .min(1)
        .max(50),
    }),
    output: z.object({ issueId: id, documents: z.array(importedDocument) }),
  },
} as const;
