/** Events of the desktop shell: menu commands sent from main's menus to the renderer. */
import { z } from 'zod';

export const appEvents = {
  /** new-issue, export-pdf, export-docx, print, find, library */
  'menu.command': z.object({ command: z.string().max(40) }),
} as const;
