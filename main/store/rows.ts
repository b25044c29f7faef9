/** Row shapes as stored, and their mapping to the domain types of common/model. */
import {
  DEFAULT_PRINT_SETTINGS,
  emptyFrontMatter,
  normalizeContent,
  type DocumentKind,
  type FrontMatter,
  type GazetteDocument,
  type Issue,
  type IssueStatus,
  type PrintSettings,
  type Section,
} from '../../common/model/index';

export interface IssueRow {
  id: string;
  journal_name: string;
  year: number;
  number: number;
  cumulative_number: number;
  date: string;
  status: string;
  front_matter: string;
  settings: string;
  page_count: number | null;
  created_at: string;
  updated_at: string;
}

export interface SectionRow {
  id: string;
  issue_id: string;
  name: string;
  position: number;
}

export interface DocumentRow {
  rid: number;
  id: string;
  section_id: string;
  kind: string;
  title: string;
  doc_number: string;
  toc_title_override: string | null;
  position: number;
  content: string;
  /** Not read where only the document is needed (issues.getTree). */
  plain_text?: string;
  updated_at: string;
}

const STATUSES: readonly IssueStatus[] = ['draft', 'final', 'published'];
const KINDS: readonly DocumentKind[] = ['notice', 'personnel', 'chronicle', 'other'];

export function asStatus(value: string): IssueStatus {
  return (STATUSES as readonly string[]).includes(value) ? (value as IssueStatus) : 'draft';
}

export function asKind(value: string): DocumentKind {
  return (KINDS as readonly string[]).includes(value) ? (value as DocumentKind) : 'other';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}


/** Front matter as stored, with any missing field filled so old rows still satisfy the type. */
export function frontMatterFrom(value: unknown): FrontMatter {
  const raw = (typeof value === 'string' ? parseJson(value) : value) as Partial<FrontMatter> | undefined;
  return { ...emptyFrontMatter(), ...(raw && typeof raw === 'object' ? raw : {}) };
}

export { emptyFrontMatter };

export function settingsFrom(value: unknown): PrintSettings {
  const raw = (typeof value === 'string' ? parseJson(value) : value) as Partial<PrintSettings> | undefined;
  const merged = { ...DEFAULT_PRINT_SETTINGS, ...(raw && typeof raw === 'object' ? raw : {}) };
  // Known keys only: settings written by older versions may carry fields that no longer exist.
  return { fonts: merged.fonts, bleed: merged.bleed, padToMultipleOf4: merged.padToMultipleOf4, evenRunningHead: merged.evenRunningHead };
}

/** The issue's own columns, without the JSON ones (the library list needs no front matter). */
export function issueHeadFromRow(row: IssueRow): Omit<Issue, 'frontMatter' | 'settings'> {
  return {
    id: row.id,
    journalName: row.journal_name,
    year: row.year,
    number: row.number,
    cumulativeNumber: row.cumulative_number,
    date: row.date,
    status: asStatus(row.status),
    updatedAt: row.updated_at,
  };
}

export function issueFromRow(row: IssueRow): Issue {
  return { ...issueHeadFromRow(row), frontMatter: frontMatterFrom(row.front_matter), settings: settingsFrom(row.settings) };
}

export function sectionFromRow(row: SectionRow): Section {
  return { id: row.id, issueId: row.issue_id, name: row.name, position: row.position };
}

export function documentFromRow(row: DocumentRow): GazetteDocument {
  const doc: GazetteDocument = {
    id: row.id,
    sectionId: row.section_id,
    kind: asKind(row.kind),
    title: row.title,
    docNumber: row.doc_number,
    position: row.position,
    content: normalizeContent(parseJson(row.content)),
    updatedAt: row.updated_at,
  };
  if (row.toc_title_override !== null) doc.tocTitleOverride = row.toc_title_override;
  return doc;
}
