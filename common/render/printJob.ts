/**
 * The contract between whoever drives the print page (the PDF engine, the app's live preview) and
 * `window.gazettePrint.layout(job)` on renderer/print/print.html.
 */
import { evenRunningHead, type IssueTree } from '../model';
import { coverHtml, insideCoverHtml, tocSections, tocSidebarHtml, type TocSection } from './toHtmlFront';
import { paginationUnits, type HtmlOptions } from './toHtml';

export interface JobUnit {
  id: string;
  hash: string;
  label: string;
  sectionName: string;
  documentIds: string[];
  html: string;
  /** Pages from an earlier layout of the same hash (LayoutResult.laidOut[].pagesHtml): not laid out again. */
  cachedPages?: string;
}

export interface JobFront {
  coverHtml: string;
  insideCoverHtml: string;
  toc: TocSection[];
  sidebarHtml: string;
}

export interface LayoutJob {
  units: JobUnit[];
  /** Cover, inside cover and TOC; leave out to lay out units only (the live preview of one document). */
  front?: JobFront;
  evenHead: string;
  fonts: 'bundled' | 'office';
  /** Printed number of the first unit page when there is no front matter (preview). Default 1. */
  pageOffset?: number;
  /** Per-unit layout time limit. Default 120 s. */
  timeoutMs?: number;
}

export interface PageMap {
  /** document id -> printed page where it starts */
  documents: Record<string, number>;
  /** unit id -> first printed page and page count */
  units: Record<string, { first: number; count: number }>;
  /** heading/title-block/table ids -> printed page */
  anchors: Record<string, number>;
  /** Unnumbered pages before page 1 (cover, inside cover). */
  frontPages: number;
  tocPages: number;
  /** Physical pages in the document. */
  totalPages: number;
  /** Ids of the tables set in the compact size (very long ones, and those fitted to save a page). */
  compactTables?: string[];
}

export interface LaidOutUnit {
  id: string;
  hash: string;
  pages: number;
  pagesHtml: string;
  ms: number;
}

export interface LayoutResult {
  pages: number;
  pageMap: PageMap;
  /** Units laid out in this call (not from the cache), with their pages for the caller's cache. */
  laidOut: LaidOutUnit[];
  /** Milliseconds spent in layout (excludes printing). */
  ms: number;
}

/** A full-issue job from a tree; `cached` maps unit hash -> pagesHtml. */
export function issueJob(tree: IssueTree, cached: (hash: string) => string | undefined = () => undefined, opts: HtmlOptions = {}): LayoutJob {
  const units = paginationUnits(tree, opts).map<JobUnit>((u) => {
    const pages = cached(u.hash);
    return {
      id: u.id,
      hash: u.hash,
      label: u.label,
      sectionName: u.sectionName,
      documentIds: u.documentIds,
      html: u.html,
      ...(pages ? { cachedPages: pages } : {}),
    };
  });
  return {
    units,
    front: { coverHtml: coverHtml(tree), insideCoverHtml: insideCoverHtml(tree), toc: tocSections(tree), sidebarHtml: tocSidebarHtml(tree) },
    evenHead: evenRunningHead(tree.issue),
    fonts: tree.issue.settings.fonts,
  };
}
