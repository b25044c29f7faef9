/**
 * FrontMatter rendered back to plain text, one printed line per line: what search indexes and the
 * "no text lost" check compares against the source.
 */
import { cumulativeLabel, issueLabel, type FrontMatter, type Issue } from '../model';

export type IssueLabel = Pick<Issue, 'year' | 'number' | 'cumulativeNumber'>;

export function frontMatterToText(fm: FrontMatter, issue?: IssueLabel): string {
  const out: string[] = [...fm.journalNameLines];
  if (fm.tagline) out.push(fm.tagline);
  if (fm.supervisor) out.push(`主管：${fm.supervisor}`);
  if (fm.sponsor) out.push(`主办：${fm.sponsor}`);
  if (issue) out.push(issueLabel(issue), cumulativeLabel(issue.cumulativeNumber));
  if (fm.committeeTitle) out.push(fm.committeeTitle);
  for (const r of fm.committeeRoles) out.push(`${r.label}：${r.names.join(' ')}`);
  if (fm.membersNote || fm.members.length) out.push(`委员：${fm.membersNote}`);
  for (let i = 0; i < fm.members.length; i += 2) out.push(fm.members.slice(i, i + 2).join(' '));
  for (const r of fm.staff) out.push(`${r.label}：${r.names.join(' ')}`);
  for (const c of fm.colophon) out.push(`${c.label}：${c.value}`);
  if (fm.permitNumber && !fm.colophon.some((c) => c.label === '准印证号')) out.push(`准印证号：${fm.permitNumber}`);
  out.push(...fm.sidebarNotice, ...fm.sidebarSlogans);
  return out.join('\n');
}
