/** `gazette publish [--db PATH] --issue ID --out DIR`: the issue's web edition (main/export/publish.ts). */
import { publishIssue } from '../export/publish';
import { CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'publish [--db PATH] --issue ID --out DIR';

const publishOptions = { ...dbOption, issue: { type: 'string' }, out: { type: 'string' } } as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, publishOptions);
  if (!values.issue || !values.out) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const result = await withLibrary(values.db, ctx, (library) => publishIssue(library, values.issue!, values.out!));
  printJson(ctx, { dir: result.dir, index: result.index, documents: result.documents, pages: result.pages, files: result.files.length, untaggedPdfs: result.untaggedPdfs });
  return 0;
}
