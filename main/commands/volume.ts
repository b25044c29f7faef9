/**
 * `gazette volume --year 2024 [--db PATH] --pdf FILE [--by-issuer]`: the 合订本 — the year's issues bound in
 * order behind the 年度总目录, with an outline year -> issue -> document. Issues unchanged since the last
 * volume are not laid out or printed again. Prints a JSON summary.
 */
import { indexEntries } from '../../common/render/yearIndex';
import { writeVolume } from '../export/volume';
import { CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';
import { progressPrinter, rangeFrom, rangeOptions } from './yearRange';

export const usage = 'volume --year YEAR [--db PATH] --pdf FILE [--by-issuer]';

const options = { ...dbOption, ...rangeOptions, pdf: 'string', 'by-issuer': 'boolean' } as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, options);
  const range = rangeFrom(values, usage);
  if (!values.pdf) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const started = performance.now();
  const result = await withLibrary(values.db, ctx, (library) =>
    writeVolume(library, range, values.pdf!, { byIssuer: values['by-issuer'], onProgress: progressPrinter(ctx) }),
  );
  printJson(ctx, {
    pdf: result.pdfPath,
    pages: result.pages,
    indexPages: result.indexPages,
    ms: Math.round(performance.now() - started),
    issues: result.issues,
    reuse: result.reuse,
    entries: indexEntries(result.index).length,
  });
  return 0;
}
