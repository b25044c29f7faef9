/** Options shared by `gazette index` and `gazette volume`: which issues, and progress on stderr. */
import type { IssueRange, VolumeProgress } from '../export/volume';
import { CliError, type CliContext } from './shared';

export const rangeOptions = { year: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } as const;

function yearNumber(text: string, option: string): { year: number; number: number } {
  const m = /^(\d{4})-(\d{1,3})$/.exec(text.trim());
  if (!m) throw new CliError(`--${option} 应为 年-期，如 2024-3 (expected YEAR-NUMBER, e.g. 2024-3)`, 2);
  return { year: Number(m[1]), number: Number(m[2]) };
}

/** --year 2024, or --from 2023-7 --to 2024-6. */
export function rangeFrom(values: { year?: string; from?: string; to?: string }, usage: string): IssueRange {
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year.trim())) throw new CliError(`--year 应为四位年份 (expected a year such as 2024)`, 2);
    return { year: Number(values.year) };
  }
  if (values.from && values.to) return { from: yearNumber(values.from, 'from'), to: yearNumber(values.to, 'to') };
  throw new CliError(`用法 (usage): gazette ${usage}`, 2);
}

/** One stderr line per issue and stage (not per page: a terminal does not need 700 lines). */
export function progressPrinter(ctx: CliContext): (p: VolumeProgress) => void {
  let last = '';
  return (p) => {
    const line =
      p.stage === 'layout' || p.stage === 'print' || p.stage === 'reuse'
        ? `[${p.issue}/${p.issues}] ${p.label ?? ''} ${{ layout: '排版', print: '印制', reuse: '沿用上次结果' }[p.stage]}`
        : { index: '年度总目录', bind: '装订', done: '完成' }[p.stage];
    if (line !== last) ctx.err((last = line));
  };
}
