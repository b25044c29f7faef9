/**
 * Front matter: cover, inside cover (编辑委员会, staff, colophon) as the text conversion lists them
 * before the TOC. Every line is either placed in a FrontMatter field or returned as unplaced.
 */
import type { ColophonLine, FrontMatter, Issue, RoleLine } from '../model';
import { emptyFrontMatter, squeezeWhitespace } from '../model';
import type { SourceLine } from './lines';

export type IssueNumbers = Partial<Pick<Issue, 'year' | 'number' | 'cumulativeNumber'>>;

export interface ParsedFrontMatter {
  frontMatter: FrontMatter;
  /** Journal name in one line (格尔木市人民政府政务公开信息). */
  journalName: string;
  numbers: IssueNumbers;
  unplaced: SourceLine[];
}

export { emptyFrontMatter };

const COMMITTEE_ROLE = /^(名誉主任|常务副主任|副主任|主任|顾问)$/;
const STAFF_ROLE = /^(主编|副主编|执行主编|编辑部主任|责任编辑|编辑|校对|美编)$/;
const COLOPHON = /^(编辑出版|出版|编印|地址|邮编|邮政编码|电话|传真|网址|邮箱|电子邮箱|准印证号|印刷|承印)$/;
const KEY_VALUE = /^([^：:]{1,8})[：:]\s*(.*)$/;
export const ISSUE_LINE = /^(\d{4})年第(\d{1,3})期$/;
export const CUMULATIVE_LINE = /^总第(\d{1,5})期$/;

/** Names on one line, separated by spaces or 、，. */
function splitNames(text: string): string[] {
  return text
    .split(/[\s、，,;；]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** The cover sets the name in two lines: 格尔木市人民政府 / 政务公开信息. */
export function journalNameLines(name: string): string[] {
  const m = /^(.+?(?:人民政府|办公厅|办公室))(.+)$/.exec(name);
  return m ? [m[1], m[2]] : [name];
}

export function parseFrontMatter(lines: SourceLine[]): ParsedFrontMatter {
  const fm = emptyFrontMatter();
  const numbers: IssueNumbers = {};
  const unplaced: SourceLine[] = [];
  let journalName = '';
  let inMembers = false;
  let inCommittee = false;

  for (const line of lines) {
    const text = line.text.trim();
    if (!text) {
      inMembers = false;
      continue;
    }
    const squeezed = squeezeWhitespace(text);
    const issue = ISSUE_LINE.exec(squeezed);
    if (issue) {
      numbers.year = Number(issue[1]);
      numbers.number = Number(issue[2]);
      continue;
    }
    const cumulative = CUMULATIVE_LINE.exec(squeezed);
    if (cumulative) {
      numbers.cumulativeNumber = Number(cumulative[1]);
      continue;
    }
    if (/^编辑委员会$|^编委会$/.test(squeezed)) {
      fm.committeeTitle = squeezed;
      inCommittee = true;
      continue;
    }
    const kv = KEY_VALUE.exec(text);
    if (kv) {
      const label = squeezeWhitespace(kv[1]);
      const value = kv[2].trim();
      if (placeKeyValue(fm, label, value, inCommittee)) {
        inMembers = label === '委员';
        continue;
      }
    }
    if (inMembers) {
      fm.members.push(...splitNames(text));
      continue;
    }
    if (!journalName) {
      journalName = squeezed;
      fm.journalNameLines = journalNameLines(squeezed);
      continue;
    }
    if (!fm.tagline && !inCommittee) {
      fm.tagline = squeezed;
      continue;
    }
    unplaced.push(line);
  }
  return { frontMatter: fm, journalName, numbers, unplaced };
}

function placeKeyValue(fm: FrontMatter, label: string, value: string, inCommittee: boolean): boolean {
  if (label === '主管') fm.supervisor = value;
  else if (label === '主办') fm.sponsor = value;
  else if (label === '委员') fm.membersNote = value;
  else if (COMMITTEE_ROLE.test(label) && (inCommittee || fm.staff.length === 0)) fm.committeeRoles.push(role(label, value));
  else if (STAFF_ROLE.test(label)) fm.staff.push(role(label, value));
  else if (COLOPHON.test(label)) {
    // The conversion wrapped URLs as markdown autolinks: <http://…>.
    const clean = value.replace(/^<([^<>]*)>$/, '$1');
    const line: ColophonLine = { label, value: clean };
    fm.colophon.push(line);
    if (label === '准印证号') fm.permitNumber = clean;
  } else return false;
  return true;
}

function role(label: string, value: string): RoleLine {
  return { label, names: splitNames(value) };
}
