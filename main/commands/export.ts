/** `gazette export [--db PATH] --issue ID --pdf FILE [--html DIR] [--docx FILE]`: print an issue to PDF (and/or HTML, DOCX). */
import { exportLibraryIssueDocx } from '../export/docx';
import { exportIssuePdf } from '../export/exportPdf';
import { writeIssueHtml } from '../export/htmlExport';
import { CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

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

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, exportOptions);
  if (!values.issue || (!values.pdf && !values.html && !values.docx)) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const summary = await withLibrary(values.db, ctx.env, async (library) => {
    const out: Record<string, unknown> = {};
    let pages: Record<string, number> = {};
    if (values.pdf) {
      const result = await exportIssuePdf(library, values.issue!, { pdfPath: values.pdf, bleed: values.bleed, padToMultipleOf4: values.pad4 });
      pages = result.pageMap.documents;
      Object.assign(out, { pdf: result.pdfPath, pages: result.pages, documents: result.pageMap.documents, timings: result.timings });
    }
    if (values.html) out.html = writeIssueHtml(library.issues.getTree(values.issue!), values.html, pages);
    if (values.docx) {
      // TOC page numbers: this run's PDF layout, else the stored one (exportLibraryIssueDocx falls back).
      const docx = await exportLibraryIssueDocx(library, values.issue!, values.docx, { pageMap: values.pdf ? pages : undefined });
      Object.assign(out, { docx: docx.docxPath, docxNotes: docx.notes });
    }
    return out;
  });
  printJson(ctx, summary);
  return 0;
}
