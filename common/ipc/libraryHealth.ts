/**
 * Contract channels about the library file itself: whether it opened read-only (the app shows a banner),
 * its automatic backups, and 恢复 (restore the newest good backup, or the one of a given day). A backup is
 * chosen by its day, never by a path: paths belong to the main process.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

export const libraryHealthChannels = {
  'library.status': {
    input: z.strictObject({}),
    output: z.object({
      readOnly: z.boolean(),
      /** Newest first. */
      backups: z.array(z.object({ day, size: z.number() })),
    }),
  },
  /** Replace the library with a backup (the current file is kept aside); the app reloads afterwards. */
  'library.restore': {
    input: z.strictObject({ day: day.optional() }),
    output: z.object({ restoredDay: z.string() }),
  },
} as const;
