/**
 * Front matter: cover, inside cover (editorial committee + colophon) and the TOC, per format §9.
 * Pure; page numbers for the TOC come from the layout's page map.
 */
import { coverNameLines, coverPermitLine, cumulativeLabel, issueLabel, labelledLine, tocTitle, type IssueTree, type RoleLine } from '../model';
import { attrs, escapeHtml } from './html';
import { spreadName } from './toHtml';
import { textEm } from './columnWidths';

export interface TocEntry {
  documentId: string;
  title: string;
  docNumber: string;
  /** 大事记: one line `7月份大事记……（54）` */
  oneLine: boolean;
}

export interface TocSection {
  name: string;
  entries: TocEntry[];
}

/** TOC structure from the issue: sections in order, one entry per document. */
export function tocSections(tree: IssueTree): TocSection[] {
  return tree.sections
    .filter((s) => s.documents.length > 0)
    .map((s) => ({
      name: s.name,
      entries: s.documents.map((d) => ({
        documentId: d.id,
        title: tocTitle(d),
        docNumber: d.docNumber,
        oneLine: d.kind === 'chronicle' || !d.docNumber,
      })),
    }));
}

/**
 * Export warnings for TOC entries without a title (a document imported without one): the 目录 and the DOCX
 * TOC print such an entry as a leader and page number only; the editor's checks show it as title-missing.
 */
export function untitledTocWarnings(tree: IssueTree): string[] {
  return tocSections(tree).flatMap((section) =>
    section.entries.flatMap((e, i) => (e.title.trim() ? [] : [`目录中栏目「${section.name}」第${i + 1}篇文件没有标题，只印了页码`])),
  );
}

/** `（3）`; unknown pages print as `（ ）` so a missing number is visible, not invented. */
export function tocPageLabel(page: number | undefined): string {
  return `（${page ?? '\u2002'}）`;
}

function tocLine(text: string, page: number | undefined, cls: string): string {
  return `<p class="${cls}"><span class="gz-toc-text">${escapeHtml(text)}</span><span class="gz-toc-leader"></span><span class="gz-toc-page">${tocPageLabel(page)}</span></p>`;
}

/**
 * The widest title set on one line with its leader and page: `.gz-toc-text` takes at most 80 % of the 23-em
 * entry column (format §9). A longer title wrapped in that 80 % box and its leader and page stood beside the
 * first line, the title running on below them; it is set like the other entries instead: the title on its
 * own lines, then the leader line.
 */
const ONE_LINE_TITLE_EM = 18;

/** Whether an entry without 文号 sets its title, leader and page on one line (the DOCX follows the same rule). */
export const tocTitleFitsOneLine = (title: string) => textEm(title) <= ONE_LINE_TITLE_EM;

/** The TOC body. `pages` maps document id -> first page; absent ids print an empty number. */
export function tocHtml(sections: TocSection[], pages: Record<string, number>): string {
  const body = sections
    .map((section) => {
      const entries = section.entries
        .map((e) => {
          const inner =
            e.oneLine && tocTitleFitsOneLine(e.title)
              ? tocLine(e.title, pages[e.documentId], 'gz-toc-line gz-toc-oneline')
              : `<p class="gz-toc-title">${escapeHtml(e.title)}</p>${tocLine(e.oneLine ? '' : e.docNumber, pages[e.documentId], 'gz-toc-line')}`;
          return `<div${attrs({ class: 'gz-toc-entry', 'data-toc-doc': e.documentId })}>${inner}</div>`;
        })
        .join('');
      return `<div class="gz-toc-section"><h2 class="gz-toc-section-name">${escapeHtml(section.name)}</h2>${entries}</div>`;
    })
    .join('');
  return `<section class="gz-toc"><h1 class="gz-toc-heading">目\u3000录</h1>${body}</section>`;
}

/** The sidebar printed on the first TOC page (notice, slogans, journal name). */
export function tocSidebarHtml(tree: IssueTree): string {
  const fm = tree.issue.frontMatter;
  const lines = (items: string[], cls: string) => items.map((t) => `<p class="${cls}">${escapeHtml(t)}</p>`).join('');
  return (
    `<aside class="gz-toc-sidebar">` +
    `<div class="gz-sb-notice">${lines(fm.sidebarNotice, 'gz-sb-line')}</div>` +
    `<div class="gz-sb-slogans">${lines(fm.sidebarSlogans, 'gz-sb-slogan')}</div>` +
    `<div class="gz-sb-name">${lines(coverNameLines(tree.issue), 'gz-sb-line')}</div>` +
    `</aside>`
  );
}

export function coverHtml(tree: IssueTree): string {
  const { issue } = tree;
  const fm = issue.frontMatter;
  const name = coverNameLines(issue).map((l, i) => `<p class="gz-cover-name gz-cover-name${i + 1}">${escapeHtml(l)}</p>`).join('');
  const line = (cls: string, text: string | null) => (text ? `<p class="${cls}">${escapeHtml(text)}</p>` : '');
  return (
    `<section class="gz-cover">${name}` +
    `<p class="gz-cover-tagline">${escapeHtml(fm.tagline)}</p>` +
    `<p class="gz-cover-number">${escapeHtml(issueLabel(issue))}</p>` +
    `<p class="gz-cover-cumulative">${escapeHtml(cumulativeLabel(issue.cumulativeNumber))}</p>` +
    line('gz-cover-supervisor', labelledLine('主管', fm.supervisor)) +
    line('gz-cover-sponsor', labelledLine('主办', fm.sponsor)) +
    line('gz-cover-permit', coverPermitLine(fm.permitNumber)) +
    `</section>`
  );
}

function nameCell(name: string): string {
  return `<span class="gz-ic-name">${spreadName(name) ?? escapeHtml(name)}</span>`;
}

function roleLine(role: RoleLine): string {
  return `<p class="gz-ic-role"><span class="gz-ic-label">${escapeHtml(role.label)}：</span>${role.names.map(nameCell).join('')}</p>`;
}

export function insideCoverHtml(tree: IssueTree): string {
  const fm = tree.issue.frontMatter;
  const members: string[] = [];
  for (let i = 0; i < fm.members.length; i += 2) {
    members.push(`<p class="gz-ic-members-row">${fm.members.slice(i, i + 2).map(nameCell).join('')}</p>`);
  }
  const colophon = fm.colophon
    .filter((c) => c.value.trim())
    .map((c) => `<p class="gz-colophon-line">${escapeHtml(c.label)}：${escapeHtml(c.value)}</p>`)
    .join('');
  // Nothing is printed for what 本期设置 leaves empty: no bare 「委员：」, no rule over an empty colophon.
  const hasMembers = fm.membersNote.trim() !== '' || fm.members.length > 0;
  return (
    `<section class="gz-insidecover">` +
    (fm.committeeTitle.trim() ? `<h1 class="gz-ic-title">${escapeHtml(fm.committeeTitle)}</h1>` : '') +
    fm.committeeRoles.filter((r) => r.names.length).map(roleLine).join('') +
    (hasMembers ? `<p class="gz-ic-role"><span class="gz-ic-label">委员：</span>${escapeHtml(fm.membersNote)}</p>` : '') +
    `<div class="gz-ic-members">${members.join('')}</div>` +
    fm.staff.filter((r) => r.names.length).map(roleLine).join('') +
    (colophon ? `<div class="gz-colophon">${colophon}</div>` : '') +
    `</section>`
  );
}
