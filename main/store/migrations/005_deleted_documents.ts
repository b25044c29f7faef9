/**
 * Migration 004: the 回收站. A removed document (alone or with its section) is kept here, whole, until
 * it is restored or its issue is deleted; restoring puts it back where it was.
 */
export const sql = /* sql */ `
CREATE TABLE deleted_documents (
  id                 TEXT PRIMARY KEY,
  issue_id           TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  section_id         TEXT NOT NULL,
  section_name       TEXT NOT NULL,
  position           INTEGER NOT NULL,
  kind               TEXT NOT NULL,
  title              TEXT NOT NULL,
  doc_number         TEXT NOT NULL,
  toc_title_override TEXT,
  content            TEXT NOT NULL,
  deleted_at         TEXT NOT NULL
);
CREATE INDEX deleted_documents_by_issue ON deleted_documents(issue_id, deleted_at);
`;
