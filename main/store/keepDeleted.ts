/** Removing documents (alone or with their section) keeps them in the issue's 回收站 (deleted_documents) first. */
import { nowIso } from '../../common/model/index';
import type { Db } from './db';
import type { DocumentRow } from './rows';

/** Keep the document rows of `where` (before they are deleted, in the same transaction). */
export function keepDeleted(db: Db, where: { documentId: string } | { sectionId: string }): void {
  const rows = (
    'documentId' in where
      ? db.prepare('SELECT d.*, s.name AS section_name, s.issue_id FROM documents d JOIN sections s ON s.id = d.section_id WHERE d.id = ?').all(where.documentId)
      : db.prepare('SELECT d.*, s.name AS section_name, s.issue_id FROM documents d JOIN sections s ON s.id = d.section_id WHERE d.section_id = ?').all(where.sectionId)
  ) as Array<DocumentRow & { section_name: string; issue_id: string }>;
  const at = nowIso();
  const insert = db.prepare(
    `INSERT OR REPLACE INTO deleted_documents (id, issue_id, section_id, section_name, position, kind, title, doc_number, toc_title_override, content, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) insert.run(r.id, r.issue_id, r.section_id, r.section_name, r.position, r.kind, r.title, r.doc_number, r.toc_title_override, r.content, at);
}
