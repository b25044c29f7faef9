/**
 * Contract channel of publishing: the issue's web edition (HTML pages, per-document and tagged issue
 * PDFs, issue.json, search) as a folder. The renderer passes no path: the folder goes to `exports/`
 * beside the library (or wherever the host decides).
 */
import { z } from 'zod';
import { id } from './schemas';

export const publishChannels = {
  'export.publish': {
    input: z.strictObject({ issueId: id }),
    output: z.object({ path: z.string(), index: z.string(), documents: z.number(), pages: z.number() }),
  },
} as const;
