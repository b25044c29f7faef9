/**
 * The 回收站 of an issue: documents removed (alone or with their section) are kept whole and can be put
 * back where they were — into their section if it still exists, else into the issue's first section.
 */
import { nowIso, type DocumentKind } from '../../common/model/index';
import { transactional, type Db } from './db';
import { notFound, StoreError } from './errors';
import { insertDocumentRow } from './documents';
import { insertionIndex, orderedIds, writePositions } from './ordering';
import { touchIssue } from './sections';

export interface DeletedDocument {
  id: string;
  title: string;
  docNumber: string;
  sectionName: string;
  deletedAt: string;
}

interface DeletedRow {
  id: string;
  issue_id: string;
  section_id: string;
  section_name: string;
  position: number;
  kind: string;
  title: string;
  doc_number: string;
  toc_title_override: string | null;
  content: string;
  deleted_at: string;
}

export function createDeletedDocumentsRepo(db: Db) {
  /** The issue's 回收站, most recently removed first. */
  const list = (issueId: string): DeletedDocument[] =>
    (db.prepare('SELECT * FROM deleted_documents WHERE issue_id = ? ORDER BY deleted_at DESC, rowid DESC').all(issueId) as DeletedRow[]).map((r) => ({
      id: r.id,
      title: r.toc_title_override || r.title,
      docNumber: r.doc_number,
      sectionName: r.section_name,
      deletedAt: r.deleted_at,
    }));

  /** Put a removed document back; returns the section it went into. */
  const restore = transactional(db, (documentId: string): { documentId: string; sectionId: string } => {
    const row = db.prepare('SELECT * FROM deleted_documents WHERE id = ?').get(documentId) as DeletedRow | undefined;
    if (!row) throw notFound('回收站中的文件', 'deleted document', documentId);
    const home = db.prepare('SELECT id FROM sections WHERE id = ? AND issue_id = ?').get(row.section_id, row.issue_id) as { id: string } | undefined;
    const first = db.prepare('SELECT id FROM sections WHERE issue_id = ? ORDER BY position LIMIT 1').get(row.issue_id) as { id: string } | undefined;
    const sectionId = home?.id ?? first?.id;
    if (!sectionId) throw new StoreError('invalid', '这一期没有栏目，无法恢复文件：请先新增一个栏目。');
    const at = nowIso();
    const ids = orderedIds(db, 'documents', sectionId);
    insertDocumentRow(
      db,
      sectionId,
      ids.length,
      { id: row.id, kind: row.kind as DocumentKind, title: row.title, docNumber: row.doc_number, tocTitleOverride: row.toc_title_override ?? undefined, content: JSON.parse(row.content) as unknown },
      at,
      'restore',
    );
    ids.splice(insertionIndex(home ? row.position : undefined, ids.length), 0, row.id);
    writePositions(db, 'documents', ids);
    db.prepare('DELETE FROM deleted_documents WHERE id = ?').run(documentId);
    touchIssue(db, row.issue_id, at);
    return { documentId: row.id, sectionId };
  });

  return { list, restore };
}
