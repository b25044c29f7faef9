/**
 * 年度总目录: every document of a year's issues (or any range of issues), grouped by section (栏目) and
 * optionally by issuing organ, each with title, 文号, 期 and 页. Pure: the model from issue trees and
 * their page maps, and the model -> HTML of the index in the journal's TOC style (format §9), laid out
 * by the print page as one full-width unit. The DOCX is in yearIndexDocx.ts.
 */
import { tocTitle, type GazetteDocument, type IssueTree } from '../model';
import { attrs, escapeHtml } from './html';
import { tocPageLabel } from './toHtmlFront';

export interface YearIndexEntry {
  documentId: string;
  issueId: string;
  title: string;
  docNumber: string;
  /** 期 (number in the year) and 总期 of the issue the document is in. */
  issueNumber: number;
  cumulativeNumber: number;
  /** Printed page (the issue's own folio) where the document starts; absent when never laid out. */
  page?: number;
  /** 大事记 and other documents without 文号: one line. */
  oneLine: boolean;
}

export interface YearIndexGroup {
  /** 栏目 */
  section: string;
  /** Issuing organ when grouped by issuer ('' for documents without one); absent otherwise. */
  issuer?: string;
  entries: YearIndexEntry[];
}

export interface YearIndexIssue {
  issueId: string;
  number: number;
  cumulativeNumber: number;
  date: string;
}

export interface YearIndex {
  journalName: string;
  /** The year, or the first issue's year for a range across years. */
  year: number;
  issues: YearIndexIssue[];
  groups: YearIndexGroup[];
}

export interface YearIndexOptions {
  /** Within each section, group by issuing organ too. */
  byIssuer?: boolean;
}

/** An issue of the index: its tree and the first printed page of each document (page map). */
export interface IndexedIssue {
  tree: IssueTree;
  pages: Record<string, number>;
}

const ISSUER_END = /(?:人民政府办公室|人民政府|办公室|委员会|人民代表大会常务委员会|局|厅|部|院|委|办)$/;

/**
 * The issuing organ: the title block's issuer when the importer set it, else the title's words before
 * 关于 when they end like an organ's name (格尔木市人民政府办公室关于… -> 格尔木市人民政府办公室).
 */
export function issuerOf(doc: Pick<GazetteDocument, 'title' | 'content'>): string {
  const block = doc.content.blocks.find((b) => b.type === 'doc-title');
  if (block && 'issuer' in block && block.issuer) return block.issuer;
  const at = doc.title.indexOf('关于');
  const head = at > 0 ? doc.title.slice(0, at) : '';
  return ISSUER_END.test(head) ? head : '';
}

/** Issues in publication order: year, number, cumulative number. */
function byPublication(a: IssueTree, b: IssueTree): number {
  return a.issue.year - b.issue.year || a.issue.number - b.issue.number || a.issue.cumulativeNumber - b.issue.cumulativeNumber;
}

/**
 * The index of the given issues. Sections are merged by name in order of first appearance (issue order,
 * then section order); within a group, entries follow the issues and the order of documents in them.
 */
export function buildYearIndex(issues: IndexedIssue[], opts: YearIndexOptions = {}): YearIndex {
  const ordered = [...issues].sort((a, b) => byPublication(a.tree, b.tree));
  const groups = new Map<string, YearIndexGroup>();
  for (const { tree, pages } of ordered) {
    for (const section of tree.sections) {
      for (const doc of section.documents) {
        const issuer = opts.byIssuer ? issuerOf(doc) : undefined;
        const key = `${section.name}\u0000${issuer ?? ''}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { section: section.name, ...(issuer !== undefined ? { issuer } : {}), entries: [] }));
        const page = pages[doc.id];
        group.entries.push({
          documentId: doc.id,
          issueId: tree.issue.id,
          title: tocTitle(doc),
          docNumber: doc.docNumber,
          issueNumber: tree.issue.number,
          cumulativeNumber: tree.issue.cumulativeNumber,
          ...(page !== undefined ? { page } : {}),
          oneLine: doc.kind === 'chronicle' || !doc.docNumber,
        });
      }
    }
  }
  // Groups of one section stay together even when an issuer first appears in a later issue.
  const sectionOrder = [...new Set([...groups.values()].map((g) => g.section))];
  const sorted = sectionOrder.flatMap((name) => [...groups.values()].filter((g) => g.section === name));
  const first = ordered[0]?.tree.issue;
  return {
    journalName: first?.journalName ?? '',
    year: first?.year ?? 0,
    issues: ordered.map(({ tree }) => ({
      issueId: tree.issue.id,
      number: tree.issue.number,
      cumulativeNumber: tree.issue.cumulativeNumber,
      date: tree.issue.date,
    })),
    groups: sorted,
  };
}

/** `2024年第1—12期`, `2024年第6期`, or `2023年第12期—2024年第2期` for a range across years. */
export function issueRangeLabel(index: YearIndex, years: number[] = []): string {
  const { issues } = index;
  if (issues.length === 0) return `${index.year}年`;
  const firstYear = years[0] ?? index.year;
  const lastYear = years[years.length - 1] ?? index.year;
  const a = issues[0];
  const b = issues[issues.length - 1];
  if (firstYear !== lastYear) return `${firstYear}年第${a.number}期—${lastYear}年第${b.number}期`;
  return a === b ? `${firstYear}年第${a.number}期` : `${firstYear}年第${a.number}—${b.number}期`;
}

/** The heading of the index: `2024年度总目录`. */
export function yearIndexTitle(index: YearIndex): string {
  return `${index.year}年度总目录`;
}

/** `第6期（3）`: the issue and the page in it. */
export function entryPlace(entry: YearIndexEntry): string {
  return `第${entry.issueNumber}期${tocPageLabel(entry.page)}`;
}

function placeLine(text: string, entry: YearIndexEntry, cls: string): string {
  return (
    `<p class="${cls}"><span class="gz-toc-text">${escapeHtml(text)}</span><span class="gz-toc-leader"></span>` +
    `<span class="gz-yi-issue">第${entry.issueNumber}期</span><span class="gz-toc-page">${tocPageLabel(entry.page)}</span></p>`
  );
}

function entryHtml(entry: YearIndexEntry): string {
  const inner = entry.oneLine
    ? placeLine(entry.title, entry, 'gz-toc-line gz-toc-oneline')
    : `<p class="gz-toc-title">${escapeHtml(entry.title)}</p>${placeLine(entry.docNumber, entry, 'gz-toc-line')}`;
  return `<div${attrs({ class: 'gz-toc-entry', 'data-yi-doc': entry.documentId })}>${inner}</div>`;
}

/**
 * The index as one print unit: a full-width region (single column, like a table region) with the TOC's
 * classes, so the journal's TOC style applies; the print page adds running heads and folios. The region is
 * not `gz-region--full`: splitTables would set a region without tables back to two columns.
 */
export function yearIndexHtml(index: YearIndex, subtitle = `${index.journalName}\u3000${issueRangeLabel(index)}`): string {
  let lastSection = '';
  const groups = index.groups
    .map((group) => {
      const sectionHead = group.section !== lastSection ? `<h2 class="gz-toc-section-name">${escapeHtml(group.section)}</h2>` : '';
      lastSection = group.section;
      const issuerHead = group.issuer ? `<h3 class="gz-yi-issuer">${escapeHtml(group.issuer)}</h3>` : '';
      return `<div class="gz-toc-section gz-yi-group">${sectionHead}${issuerHead}${group.entries.map(entryHtml).join('')}</div>`;
    })
    .join('');
  const empty = index.groups.length === 0 ? '<p class="gz-yi-empty">（本年度没有文件）</p>' : '';
  return (
    `<section${attrs({ class: 'gz-unit gz-yearindex-unit', 'data-unit-id': `year-index-${index.year}`, 'data-section': yearIndexTitle(index) })}>` +
    `<article class="gz-doc"><div class="gz-region gz-yi-region" data-region="full">` +
    `<section class="gz-toc gz-yearindex"><h1 class="gz-toc-heading">${escapeHtml(yearIndexTitle(index))}</h1>` +
    `<p class="gz-yi-subtitle">${escapeHtml(subtitle)}</p>${groups}${empty}</section>` +
    `</div></article></section>`
  );
}

/** Every entry in print order (for checks and the CLI's JSON). */
export function indexEntries(index: YearIndex): Array<YearIndexEntry & { section: string; issuer?: string }> {
  return index.groups.flatMap((g) => g.entries.map((e) => ({ ...e, section: g.section, ...(g.issuer !== undefined ? { issuer: g.issuer } : {}) })));
}
