/** Sections (栏目) of an issue: add, rename, remove, reorder. Positions stay 0..n-1. */
import { newId, nowIso, type Section } from '../../common/model/index';
import { transactional, type Db } from './db';
import { notFound, StoreError } from './errors';
import { checkPermutation, insertionIndex, orderedIds, writePositions } from './ordering';
import { sectionFromRow, type SectionRow } from './rows';
import { keepDeleted } from './keepDeleted';

export function touchIssue(db: Db, issueId: string, at = nowIso()): void {
  db.prepare('UPDATE issues SET updated_at = ? WHERE id = ?').run(at, issueId);
}

export function requireSection(db: Db, sectionId: string): SectionRow {
  const row = db.prepare('SELECT * FROM sections WHERE id = ?').get(sectionId) as SectionRow | undefined;
  if (!row) throw notFound('栏目', 'section', sectionId);
  return row;
}

function requireIssueExists(db: Db, issueId: string): void {
  if (!db.prepare('SELECT 1 FROM issues WHERE id = ?').get(issueId)) throw notFound('期刊', 'issue', issueId);
}

export function createSectionsRepo(db: Db) {
  const get = (sectionId: string): Section => sectionFromRow(requireSection(db, sectionId));

  const list = (issueId: string): Section[] =>
    (db.prepare('SELECT * FROM sections WHERE issue_id = ? ORDER BY position, rowid').all(issueId) as SectionRow[]).map(
      sectionFromRow,
    );

  const add = transactional(db, (issueId: string, name: string, index?: number): Section => {
    requireIssueExists(db, issueId);
    const ids = orderedIds(db, 'sections', issueId);
    const id = newId();
    db.prepare('INSERT INTO sections (id, issue_id, name, position) VALUES (?, ?, ?, ?)').run(id, issueId, name.trim(), ids.length);
    ids.splice(insertionIndex(index, ids.length), 0, id);
    writePositions(db, 'sections', ids);
    touchIssue(db, issueId);
    return get(id);
  });

  const rename = transactional(db, (sectionId: string, name: string): Section => {
    const row = requireSection(db, sectionId);
    db.prepare('UPDATE sections SET name = ? WHERE id = ?').run(name.trim(), sectionId);
    touchIssue(db, row.issue_id);
    return get(sectionId);
  });

  /** Removes the section and the documents in it (the UI confirms first). */
  const remove = transactional(db, (sectionId: string): void => {
    const row = requireSection(db, sectionId);
    keepDeleted(db, { sectionId });
    db.prepare('DELETE FROM sections WHERE id = ?').run(sectionId);
    writePositions(db, 'sections', orderedIds(db, 'sections', row.issue_id));
    touchIssue(db, row.issue_id);
  });

  const reorder = transactional(db, (issueId: string, sectionIds: string[]): Section[] => {
    requireIssueExists(db, issueId);
    checkPermutation(orderedIds(db, 'sections', issueId), sectionIds, '栏目');
    writePositions(db, 'sections', sectionIds);
    touchIssue(db, issueId);
    return list(issueId);
  });

  return { get, list, add, rename, remove, reorder };
}

export type SectionsRepo = ReturnType<typeof createSectionsRepo>;

export function sameIssueOrThrow(a: SectionRow, b: SectionRow): void {
  if (a.issue_id !== b.issue_id) {
    throw new StoreError('invalid', '不能把文件移到另一期 (documents move only between sections of the same issue)');
  }
}
