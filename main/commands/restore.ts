/**
 * `gazette restore [--db PATH] [--list] [--from FILE]`: put the newest good automatic backup (or FILE) in
 * place of the library. The current file is kept beside it as `<file>.before-restore-<time>`.
 */
import path from 'node:path';
import { defaultLibraryPath } from '../paths';
import { listBackups, restoreBackup } from '../store/index';
import { CliError, dbOption, jsonOption, parseCommandArgs, printJson, type CliContext } from './shared';

export const usage = 'restore [--db PATH] [--list] [--from FILE] [--json]';

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...dbOption, ...jsonOption, list: { type: 'boolean', default: false }, from: { type: 'string' } });
  if (positionals.length) throw new CliError(`多余的参数 (unexpected argument): ${positionals[0]}`, 2);
  const file = values.db ? path.resolve(values.db) : defaultLibraryPath(ctx.env);
  if (values.list) {
    const backups = listBackups(file);
    if (values.json) printJson(ctx, backups);
    else if (backups.length === 0) ctx.out('（没有自动备份）');
    else for (const b of backups) ctx.out(`${b.day}  ${b.file}  ${Math.round(b.size / 1024)} KB`);
    return 0;
  }
  const result = restoreBackup(file, { from: values.from });
  if (values.json) printJson(ctx, result);
  else {
    ctx.out(`已从 ${result.restored.day || result.restored.file} 的备份恢复资料库：${file}`);
    if (result.previous) ctx.out(`原来的文件保留为：${result.previous}`);
  }
  return 0;
}
