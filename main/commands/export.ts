/**
 * `gazette export [--db PATH] --issue ID --pdf FILE [--html DIR] [--docx FILE]`: print an issue to PDF (and/or
 * HTML, DOCX). PDF and DOCX go through the app's own contract handlers (`export.pdf`, `export.docx`), so the
 * command line and the app export the same way; the file arguments reach them as the host's choice of file
 * (HandlerDeps.chooseSaveFile), as a save dialog's answer does in the app.
 */
import path from 'node:path';
import { createPrintService } from '../export/printService';
import { writeIssueHtml } from '../export/htmlExport';
import { printImages } from '../export/images';
import { callChannel, CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'export [--db PATH] --issue ID --pdf FILE [--html DIR] [--docx FILE]';

const exportOptions = {
  ...dbOption,
  issue: { type: 'string' },
  pdf: { type: 'string' },
  html: { type: 'string' },
  docx: { type: 'string' },
  bleed: { type: 'boolean' },
  pad4: { type: 'boolean' },
} as const;

/** The file given on the command line for a kind of export. */
export function fileArgument(file: string | undefined): { chooseSaveFile: () => Promise<string | null> } {
  return { chooseSaveFile: async () => (file ? path.resolve(file) : null) };
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, exportOptions);
  const issueId = values.issue;
  if (!issueId || (!values.pdf && !values.html && !values.docx)) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const printService = createPrintService();
  try {
    const summary = await withLibrary(values.db, ctx, async (library) => {
      const out: Record<string, unknown> = {};
      const warnings = new Set<string>();
      if (values.pdf) {
        const pdf = await callChannel(ctx, library, 'export.pdf', { issueId, bleed: values.bleed, padToMultipleOf4: values.pad4 }, { ...fileArgument(values.pdf), printService });
        if (pdf.canceled) throw new CliError('PDF 未导出 (no PDF written)');
        pdf.warnings.forEach((w) => warnings.add(w));
        Object.assign(out, { pdf: pdf.path, pages: pdf.pages, documents: library.pageMaps.get(issueId).pages, timings: pdf.timings });
      }
      if (values.html) {
        const tree = library.issues.getTree(issueId);
        out.html = writeIssueHtml(tree, values.html, values.pdf ? library.pageMaps.get(issueId).pages : {}, printImages(library, tree).html);
      }
      if (values.docx) {
        // TOC page numbers: the layout this run's PDF stored, else the last stored one.
        const docx = await callChannel(ctx, library, 'export.docx', { issueId }, fileArgument(values.docx));
        if (docx.canceled) throw new CliError('DOCX 未导出 (no DOCX written)');
        docx.warnings.forEach((w) => warnings.add(w));
        Object.assign(out, { docx: docx.path, docxNotes: docx.notes ?? [] });
      }
      for (const warning of warnings) ctx.err(`警告 (warning): ${warning}`);
      if (warnings.size) out.warnings = [...warnings];
      return out;
    });
    printJson(ctx, summary);
  } finally {
    await printService.stop();
  }
  return 0;
}
