/** `gazette toc [--db PATH] [--issue ID] [--json]`: the issue's table of contents, in order. */
import type { Library } from '../store/index';
import { callChannel, CliError, dbOption, jsonOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'toc [--db PATH] [--issue ID] [--json]';

/** --issue, or the only issue of the library. */
async function chooseIssue(ctx: CliContext, library: Library, issueId: string | undefined): Promise<string> {
  if (issueId) return issueId;
  const issues = await callChannel(ctx, library, 'issues.list', {});
  if (issues.length === 1) return issues[0].id;
  throw new CliError(
    issues.length === 0 ? '资料库中没有期刊 (the library holds no issue)' : `资料库中有 ${issues.length} 期，请用 --issue 指定 (several issues: pass --issue ID)`,
  );
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...dbOption, ...jsonOption, issue: 'string' });
  const entries = await withLibrary(values.db, ctx, async (library) =>
    callChannel(ctx, library, 'issues.toc', { issueId: await chooseIssue(ctx, library, values.issue) }),
  );
  const shown = entries.map((e) => ({ section: e.section, title: e.title, docNumber: e.docNumber, ...(e.page !== undefined ? { page: e.page } : {}) }));
  if (values.json) {
    printJson(ctx, shown);
    return 0;
  }
  let section = '';
  for (const e of shown) {
    if (e.section !== section) ctx.out((section = e.section));
    ctx.out(`  ${e.title}${e.docNumber ? `  ${e.docNumber}` : ''}${e.page !== undefined ? `  ……（${e.page}）` : ''}`);
  }
  return 0;
}
