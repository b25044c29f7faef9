/** Issues: list, get, whole trees in and out, next issue from a previous one, duplicate, delete, metadata. */
import {
  DEFAULT_PRINT_SETTINGS,
  newId,
  nowIso,
  tocTitle,
  type GazetteDocument,
  type Issue,
  type IssueTree,
} from '../../common/model/index';
import { transactional, type Db } from './db';
import { notFound, StoreError } from './errors';
import { insertDocumentRow } from './documents';
import { asKind, documentFromRow, emptyFrontMatter, frontMatterFrom, issueFromRow, issueHeadFromRow, sectionFromRow, settingsFrom } from './rows';
import type { DocumentRow, IssueRow, SectionRow } from './rows';
import type { IssueMetaPatch, IssueSummary, TocEntry } from './types';

export function requireIssue(db: Db, issueId: string): IssueRow {
  const row = db.prepare('SELECT * FROM issues WHERE id = ?').get(issueId) as IssueRow | undefined;
  if (!row) throw notFound('期刊', 'issue', issueId);
  return row;
}

/** Fresh ids for an issue and everything in it (used when a tree's ids collide with the library's). */
export function withNewIds(tree: IssueTree): IssueTree {
  const issueId = newId();
  return {
    issue: { ...tree.issue, id: issueId },
    sections: tree.sections.map((section) => {
      const sectionId = newId();
      return {
        ...section,
        id: sectionId,
        issueId,
        documents: section.documents.map((doc) => ({ ...doc, id: newId(), sectionId })),
      };
    }),
  };
}

function treeCollides(db: Db, tree: IssueTree): boolean {
  if (db.prepare('SELECT 1 FROM issues WHERE id = ?').get(tree.issue.id)) return true;
  const sectionExists = db.prepare('SELECT 1 FROM sections WHERE id = ?');
  const documentExists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  const ids = new Set<string>([tree.issue.id]);
  for (const section of tree.sections) {
    if (ids.has(section.id) || sectionExists.get(section.id)) return true;
    ids.add(section.id);
    for (const doc of section.documents) {
      if (ids.has(doc.id) || documentExists.get(doc.id)) return true;
      ids.add(doc.id);
    }
  }
  return false;
}

function upsertJournal(db: Db, issue: Pick<Issue, 'journalName' | 'frontMatter' | 'settings'>, at: string): void {
  if (!issue.journalName) return;
  db.prepare(
    `INSERT INTO journals (id, name, front_matter, settings, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET front_matter = excluded.front_matter, settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(newId(), issue.journalName, JSON.stringify(issue.frontMatter), JSON.stringify(issue.settings), at);
}

/** The documents' columns an issue tree is made of (documentFromRow reads no plain_text). */
export const TREE_DOCUMENT_COLUMNS = 'rid, id, section_id, kind, title, doc_number, toc_title_override, position, content, updated_at';

export function createIssuesRepo(db: Db) {
  const summarySql = `
    SELECT i.*, (SELECT count(*) FROM documents d JOIN sections s ON s.id = d.section_id WHERE s.issue_id = i.id) AS document_count
    FROM issues i`;
  const toSummary = (row: IssueRow & { document_count: number }): IssueSummary => ({
    ...issueHeadFromRow(row),
    documentCount: row.document_count,
    pageCount: row.page_count,
  });

  /** Newest first: by year, number, then cumulative number. */
  const list = (): IssueSummary[] =>
    (db.prepare(`${summarySql} ORDER BY i.year DESC, i.number DESC, i.cumulative_number DESC, i.created_at DESC`).all() as Array<
      IssueRow & { document_count: number }
    >).map(toSummary);

  const get = (issueId: string): Issue => issueFromRow(requireIssue(db, issueId));

  const getTree = (issueId: string): IssueTree => {
    const issue = get(issueId);
    const sections = (db.prepare('SELECT * FROM sections WHERE issue_id = ? ORDER BY position, rowid').all(issueId) as SectionRow[]).map(
      sectionFromRow,
    );
    // Every column but plain_text (the search text, as long again as the content): opening needs none of it.
    const docsOf = db.prepare(`SELECT ${TREE_DOCUMENT_COLUMNS} FROM documents WHERE section_id = ? ORDER BY position, rid`);
    return {
      issue,
      sections: sections.map((section) => ({
        ...section,
        documents: (docsOf.all(section.id) as DocumentRow[]).map(documentFromRow),
      })),
    };
  };

  /** Insert a whole tree (an import) in one transaction; ids are replaced when they collide. Returns the issue id. */
  const insertTree = transactional(db, (input: IssueTree): string => {
    const tree = treeCollides(db, input) ? withNewIds(input) : input;
    const { issue } = tree;
    const at = nowIso();
    const frontMatter = frontMatterFrom(issue.frontMatter);
    const settings = settingsFrom(issue.settings);
    db.prepare(
      `INSERT INTO issues (id, journal_name, year, number, cumulative_number, date, status, front_matter, settings, page_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ).run(
      issue.id,
      issue.journalName ?? '',
      issue.year,
      issue.number,
      issue.cumulativeNumber,
      issue.date ?? '',
      issue.status ?? 'draft',
      JSON.stringify(frontMatter),
      JSON.stringify(settings),
      at,
      at,
    );
    const insertSection = db.prepare('INSERT INTO sections (id, issue_id, name, position) VALUES (?, ?, ?, ?)');
    tree.sections.forEach((section, sectionIndex) => {
      insertSection.run(section.id, issue.id, section.name, sectionIndex);
      section.documents.forEach((doc: GazetteDocument, docIndex) => insertDocumentRow(db, section.id, docIndex, doc, at));
    });
    upsertJournal(db, { journalName: issue.journalName, frontMatter, settings }, at);
    return issue.id;
  });

  /** A blank issue (no sections), e.g. the first one of an empty library. */
  const create = (meta: IssueMetaPatch = {}): string => {
    const latest = list()[0];
    const base = latest ? get(latest.id) : undefined;
    return insertTree({
      issue: {
        id: newId(),
        journalName: meta.journalName ?? base?.journalName ?? '',
        year: meta.year ?? new Date().getFullYear(),
        number: meta.number ?? 1,
        cumulativeNumber: meta.cumulativeNumber ?? 1,
        date: meta.date ?? '',
        status: meta.status ?? 'draft',
        frontMatter: meta.frontMatter ?? base?.frontMatter ?? emptyFrontMatter(),
        settings: meta.settings ?? base?.settings ?? { ...DEFAULT_PRINT_SETTINGS },
        updatedAt: nowIso(),
      },
      sections: [],
    });
  };

  /** The next issue: numbers incremented, front matter, settings and sections copied, no documents. */
  const createNextFrom = (issueId: string): string => {
    const source = getTree(issueId);
    const nextIssueId = newId();
    return insertTree({
      issue: {
        ...source.issue,
        id: nextIssueId,
        number: source.issue.number + 1,
        cumulativeNumber: source.issue.cumulativeNumber + 1,
        date: '',
        status: 'draft',
      },
      sections: source.sections.map((section) => ({ ...section, id: newId(), issueId: nextIssueId, documents: [] })),
    });
  };

  /** A full copy with new ids, as a draft. */
  const duplicate = (issueId: string): string => {
    const copy = withNewIds(getTree(issueId));
    copy.issue.status = 'draft';
    return insertTree(copy);
  };

  /** Delete without backup; library.issues.delete takes the backup first. */
  const removeRow = transactional(db, (issueId: string): void => {
    requireIssue(db, issueId);
    db.prepare('DELETE FROM issues WHERE id = ?').run(issueId);
  });

  const updateMeta = transactional(db, (issueId: string, patch: IssueMetaPatch): Issue => {
    const current = get(issueId);
    // Only fields actually given change (an explicit undefined must not blank a field).
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as IssueMetaPatch;
    const next: Issue = { ...current, ...given, updatedAt: nowIso() };
    if (!Number.isInteger(next.year) || !Number.isInteger(next.number) || !Number.isInteger(next.cumulativeNumber)) {
      throw new StoreError('invalid', '年份和期号必须是整数 (year and numbers must be integers)');
    }
    db.prepare(
      `UPDATE issues SET journal_name = ?, year = ?, number = ?, cumulative_number = ?, date = ?, status = ?,
       front_matter = ?, settings = ?, updated_at = ? WHERE id = ?`,
    ).run(
      next.journalName,
      next.year,
      next.number,
      next.cumulativeNumber,
      next.date,
      next.status,
      JSON.stringify(next.frontMatter),
      JSON.stringify(next.settings),
      next.updatedAt,
      issueId,
    );
    if (patch.frontMatter || patch.settings || patch.journalName) upsertJournal(db, next, next.updatedAt);
    return get(issueId);
  });

  /** TOC entries in print order, with the first page from the last layout when known. */
  const toc = (issueId: string): TocEntry[] => {
    requireIssue(db, issueId);
    const rows = db
      .prepare(
        `SELECT s.id AS section_id, s.name AS section, d.id, d.kind, d.title, d.doc_number, d.toc_title_override, p.first_page
         FROM sections s JOIN documents d ON d.section_id = s.id LEFT JOIN page_maps p ON p.document_id = d.id
         WHERE s.issue_id = ? ORDER BY s.position, s.rowid, d.position, d.rid`,
      )
      .all(issueId) as Array<{
      section_id: string;
      section: string;
      id: string;
      kind: string;
      title: string;
      doc_number: string;
      toc_title_override: string | null;
      first_page: number | null;
    }>;
    return rows.map((r) => {
      const entry: TocEntry = {
        sectionId: r.section_id,
        section: r.section,
        documentId: r.id,
        kind: asKind(r.kind),
        title: tocTitle({ title: r.title, tocTitleOverride: r.toc_title_override ?? undefined }),
        docNumber: r.doc_number,
      };
      if (r.first_page !== null) entry.page = r.first_page;
      return entry;
    });
  };

  return { list, get, getTree, insertTree, create, createNextFrom, duplicate, removeRow, updateMeta, toc };
}

export type IssuesRepo = ReturnType<typeof createIssuesRepo>;
