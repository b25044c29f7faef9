/** Shapes the store returns besides the common/model domain types. */
import type { DocumentKind, Issue } from '../../common/model/index';

/** One row of the library list. */
export interface IssueSummary extends Omit<Issue, 'frontMatter' | 'settings'> {
  documentCount: number;
  /** Pages of the last layout; null until the issue has been laid out. */
  pageCount: number | null;
}

export interface TocEntry {
  sectionId: string;
  section: string;
  documentId: string;
  kind: DocumentKind;
  /** TOC wording: the override when set, else the title. */
  title: string;
  docNumber: string;
  /** First page from the last layout, when known. */
  page?: number;
}

export interface RevisionInfo {
  id: number;
  documentId: string;
  createdAt: string;
  /** What wrote it: 'import', 'create', 'save' (one per minute of editing) or 'restore'. */
  kind: 'import' | 'create' | 'save' | 'restore';
  title: string;
  /** Characters of plain text, to tell revisions apart at a glance. */
  chars: number;
}

export interface SearchHit {
  issueId: string;
  year: number;
  number: number;
  cumulativeNumber: number;
  sectionName: string;
  documentId: string;
  title: string;
  docNumber: string;
  /** Text around the first hit, each match wrapped in «…». */
  snippet: string;
}

export interface AssetInfo {
  id: string;
  sha256: string;
  mime: string;
  size: number;
}

export interface AssetRecord extends AssetInfo {
  bytes: Uint8Array;
}

export interface PageMap {
  pageCount: number | null;
  layoutHash: string | null;
  /** document id -> first page */
  pages: Record<string, number>;
  /** Ids of the tables the layout set compact (PageMap.compactTables of common/render/printJob). */
  compactTables: string[];
}

/** What `issues.update` may change: any field of the issue but its id and time stamp. */
export type IssueMetaPatch = Partial<Omit<Issue, 'id' | 'updatedAt'>>;
