/**
 * `gazette`: the headless face of the app's handlers. Each command is a module in main/commands/ exporting
 * `run(argv, ctx)`; adding one is one line in `commands` below. Modules load lazily so `--help` stays fast.
 * Errors: one line on stderr and a non-zero exit code.
 */
import { cliLog, CliError, type CliContext } from './commands/shared';
import { denyOthersWrite } from './umask';

export type { CliContext } from './commands/shared';

interface CommandModule {
  run(argv: string[], ctx: CliContext): Promise<number>;
}

interface Command {
  usage: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

export const commands: Record<string, Command> = {
  import: { usage: 'import FILE... [--db PATH] [--issue ID] [--section NAME]', summary: '导入一期，或把文件（文本、网页 .html、Word）加入一期（--issue），输出 JSON 摘要', load: () => import('./commands/import') },
  list: { usage: 'list [--db PATH] [--json]', summary: '列出资料库中的期刊', load: () => import('./commands/list') },
  toc: { usage: 'toc [--db PATH] [--issue ID] [--json]', summary: '输出一期的目录（有排版结果时含页码）', load: () => import('./commands/toc') },
  search: { usage: 'search [--db PATH] QUERY [--json]', summary: '全文检索所有期刊', load: () => import('./commands/search') },
  web: { usage: 'web [--db PATH] [--port N]', summary: '在浏览器中使用（仅本机 127.0.0.1，需令牌），第一行输出网址', load: () => import('./commands/web') },
  export: { usage: 'export [--db PATH] --issue ID --pdf FILE [--html DIR] [--docx FILE]', summary: '导出一期为印刷版 PDF（及/或 HTML、Word）', load: () => import('./commands/export') },
  restore: { usage: 'restore [--db PATH] [--list] [--from FILE] [--json]', summary: '从自动备份恢复资料库（默认最近的完好备份；原文件保留）', load: () => import('./commands/restore') },
  publish: { usage: 'publish [--db PATH] --issue ID --out DIR', summary: '发布网页版：目录页、每篇文件的网页和 PDF、整期 PDF（带标签）、issue.json 与站内检索', load: () => import('./commands/publish') },
  index: {
    usage: 'index --year YEAR [--db PATH] --pdf FILE [--docx FILE] [--by-issuer]',
    summary: '年度总目录（按栏目，可按发文机关；含期、页）导出为 PDF / Word',
    load: () => import('./commands/yearIndex'),
  },
  volume: { usage: 'volume --year YEAR [--db PATH] --pdf FILE [--by-issuer]', summary: '合订本：年度总目录在前，各期按序装订为一个 PDF', load: () => import('./commands/volume') },
  demo: { usage: 'demo [--pdf FILE] [--no-docx]', summary: '把示例期刊导出到 out/sample-issue.pdf 和 .docx（--no-docx 只导出 PDF）', load: () => import('./commands/demo') },
  bench: { usage: 'bench [--runs N] [--scale] [--archive-years N]', summary: '测量导出速度与内存；--scale：60/175/700 页的每页耗时与峰值内存及档案库指标（最后一行为 JSON）', load: () => import('./commands/bench') },
};

export function helpText(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return [
    'gazette — 政务公开信息编排 (command line)',
    '',
    'Usage: gazette <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Without --db, commands use the desktop app\'s library (GAZETTE_LIBRARY overrides its path).',
    'gazette <command> --help shows the usage of one command.',
  ].join('\n');
}

const processContext: CliContext = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
};

/** First line of an error's message: the one-line reason the CLI promises. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim()) ?? 'error';
}

/** `gazette … | head` closes the pipe early: stop quietly instead of crashing with EPIPE. */
function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function main(argv: string[], ctx: CliContext = processContext): Promise<number> {
  if (ctx === processContext) {
    exitQuietlyOnClosedPipe();
    denyOthersWrite();
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.out(helpText());
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    ctx.err(`gazette: 未知命令 (unknown command): ${name}; see gazette --help`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.out(`Usage: gazette ${command.usage}\n  ${command.summary}`);
    return 0;
  }
  // The command's log, made here (the CLI's composition root) and handed to the command with its context.
  const log = cliLog(ctx);
  try {
    const module = await command.load();
    return await module.run(rest, { ...ctx, log });
  } catch (error) {
    // The name only: arguments may be search terms, i.e. document text.
    log.error(`gazette ${name} failed`, error);
    ctx.err(`gazette ${name}: ${oneLine(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
