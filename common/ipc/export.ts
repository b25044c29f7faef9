/**
 * Contract channels of the export area: PDF and DOCX of an issue (with progress events) and revealing an
 * exported file in the system's file manager (desktop only).
 */
import { z } from 'zod';
import { id } from './schemas';

const exportInput = z.strictObject({
  issueId: id,
  /** Target file; without it, `exports/` beside the library. */
  path: z.string().min(1).max(1000).optional(),
});

export const exportChannels = {
  'export.pdf': { input: exportInput, output: z.object({ path: z.string(), pages: z.number() }) },
  'export.docx': { input: exportInput, output: z.object({ path: z.string(), bytes: z.number() }) },
  /** Show an exported file in its folder (Electron); refused for files this run did not export. */
  'shell.reveal': { input: z.strictObject({ path: z.string().min(1).max(1000) }), output: z.object({ shown: z.boolean() }) },
} as const;

export const exportEvents = {
  /** Stage of a running export: 排版 n/N 页, 生成 PDF, 生成 DOCX. */
  'export.progress': z.object({
    issueId: id,
    stage: z.enum(['layout', 'pdf', 'docx', 'done']),
    done: z.number().optional(),
    total: z.number().optional(),
  }),
} as const;
