/**
 * Contract channels of the year's work: the 年度总目录 (PDF and DOCX) and the 合订本 of a year, with
 * progress events by issue and page, and cancelling. The renderer never names a file: results go to
 * `exports/` beside the library (the CLI passes its own paths to main/export/volume.ts).
 */
import { z } from 'zod';
import { year } from './schemas';

const yearInput = z.strictObject({ year, byIssuer: z.boolean().optional() });

export const volumeChannels = {
  'volume.index': {
    input: yearInput,
    output: z.object({ pdf: z.string(), docx: z.string(), pages: z.number(), entries: z.number(), issues: z.number() }),
  },
  'volume.bind': { input: yearInput, output: z.object({ path: z.string(), pages: z.number(), issues: z.number(), reused: z.number() }) },
  /** Stop the running index or volume job (between units and issues); false when none runs. */
  'volume.cancel': { input: z.strictObject({}), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const volumeEvents = {
  'volume.progress': z.object({
    stage: z.enum(['layout', 'print', 'reuse', 'index', 'bind', 'done']),
    issue: z.number().optional(),
    issues: z.number(),
    label: z.string().optional(),
    pages: z.number().optional(),
    totalPages: z.number().optional(),
  }),
} as const;
