/**
 * `gazette index --year 2024 [--db PATH] --pdf FILE [--docx FILE] [--by-issuer] [--json]`: the 年度总目录 of
 * a year (or --from 2024-1 --to 2024-6) as PDF and/or DOCX. Prints a JSON summary with every entry.
 */
import { indexEntries } from '../../common/render/yearIndex';
import { writeYearIndex } from '../export/volume';
import { CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';
import { progressPrinter, rangeFrom, rangeOptions } from './yearRange';

export const usage = 'index --year YEAR [--db PATH] --pdf FILE [--docx FILE] [--by-issuer]';

const options = { ...dbOption, ...rangeOptions, pdf: 'string', docx: 'string', 'by-issuer': 'boolean' } as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, options);
  const range = rangeFrom(values, usage);
  if (!values.pdf && !values.docx) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const result = await withLibrary(values.db, ctx, (library) =>
    writeYearIndex(library, range, { pdf: values.pdf, docx: values.docx }, { byIssuer: values['by-issuer'], onProgress: progressPrinter(ctx) }),
  );
  printJson(ctx, {
    pdf: result.pdfPath,
    docx: result.docxPath,
    pages: result.pages,
    issues: result.index.issues.length,
    entries: indexEntries(result.index).map((e) => ({ section: e.section, ...(e.issuer !== undefined ? { issuer: e.issuer } : {}), title: e.title, docNumber: e.docNumber, issue: e.issueNumber, page: e.page })),
  });
  return 0;
}
