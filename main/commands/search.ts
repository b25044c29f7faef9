/** `gazette search [--db PATH] QUERY [--json]`: full-text search across every issue. */
import { callChannel, CliError, dbOption, jsonOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'search [--db PATH] QUERY [--json]';

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...dbOption, ...jsonOption, issue: 'string' });
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const hits = await withLibrary(values.db, ctx, (library) => callChannel(ctx, library, 'search', { query, issueId: values.issue }));
  if (values.json) printJson(ctx, hits);
  else for (const h of hits) ctx.out(`${h.year}年第${h.number}期  ${h.title}\n    ${h.snippet}`);
  return 0;
}
