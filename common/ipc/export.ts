/**
 * Contract channels of the export area: PDF and DOCX of an issue (with progress events), downloading an
 * exported file (browser bridge) and revealing it in the system's file manager (desktop only).
 *
 * No input here (or anywhere in the contract) is a file path: where a file goes is the host's choice (see
 * `savedFile` in schemas.ts). Hosts: Electron shows a save dialog, the browser bridge writes into `exports/`
 * beside the library, the CLI passes its `--pdf FILE` / `--docx FILE` through HandlerDeps.chooseSaveFile.
 */
import { z } from 'zod';
import { canceledFile, id, savedFile } from './schemas';

const exportInput = z.strictObject({
  issueId: id,
  /** Override the issue's settings for this export (the CLI's --bleed, --pad4). */
  bleed: z.boolean().optional(),
  padToMultipleOf4: z.boolean().optional(),
});

const timings = z.object({
  layoutMs: z.number(),
  printMs: z.number(),
  postMs: z.number(),
  printedPages: z.number(),
  reusedPages: z.number(),
  fullPrintReason: z.string().optional(),
});

export const exportChannels = {
  'export.pdf': {
    input: exportInput,
    output: z.union([canceledFile, z.object({ ...savedFile, pages: z.number(), timings: timings.optional() })]),
  },
  'export.docx': {
    /** `documentId`: that document alone (导出此文件: no cover, inside cover or TOC). */
    input: z.strictObject({ issueId: id, documentId: id.optional() }),
    output: z.union([canceledFile, z.object({ ...savedFile, bytes: z.number(), notes: z.array(z.string()).optional() })]),
  },
  /** The bytes of a file this run exported (PDF, DOCX, issue package), for a download link in the browser. */
  'export.download': {
    input: z.strictObject({ exportId: id }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
  /** Show an exported file in its folder (Electron); `shown: false` where there is no file manager. */
  'shell.reveal': { input: z.strictObject({ exportId: id }), output: z.object({ shown: z.boolean() }) },
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
