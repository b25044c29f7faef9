/** `gazette list [--db PATH] [--json]`: the issues of the library, newest first. */
import { callChannel, dbOption, jsonOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'list [--db PATH] [--json]';

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...dbOption, ...jsonOption });
  const issues = await withLibrary(values.db, ctx, (library) => callChannel(ctx, library, 'issues.list', {}));
  if (values.json) printJson(ctx, issues);
  else if (issues.length === 0) ctx.out('（资料库中没有期刊）');
  else
    for (const i of issues)
      ctx.out(`${i.id}  ${i.year}年第${i.number}期  总第${i.cumulativeNumber}期  ${i.status}  ${i.documentCount}篇${i.pageCount ? `  ${i.pageCount}页` : ''}`);
  return 0;
}
