/** The revision log: every content write appends one; any revision can be restored (as a new save). */
import { contentPlainText, deriveTitleAndNumber, normalizeContent, type DocumentContent, type GazetteDocument } from '../../common/model/index';
import { transactional, type Db } from './db';
import type { DocumentsRepo, RevisionKind } from './documents';
import { notFound } from './errors';
import type { RevisionInfo } from './types';

interface RevisionRow {
  id: number;
  document_id: string;
  content: string;
  created_at: string;
  kind: RevisionKind;
}

function parse(json: string): DocumentContent {
  try {
    return normalizeContent(JSON.parse(json));
  } catch {
    return normalizeContent([]);
  }
}

/** What the history panel shows of one revision. */
function revisionInfo(row: RevisionRow, content: DocumentContent): RevisionInfo {
  return {
    id: row.id,
    documentId: row.document_id,
    createdAt: row.created_at,
    kind: row.kind,
    title: deriveTitleAndNumber(content).title,
    chars: contentPlainText(content).length,
  };
}

export function createRevisionsRepo(db: Db, documents: DocumentsRepo) {
  const require = (revisionId: number): RevisionRow => {
    const row = db.prepare('SELECT * FROM revisions WHERE id = ?').get(revisionId) as RevisionRow | undefined;
    if (!row) throw notFound('修订版本', 'revision', String(revisionId));
    return row;
  };

  /** Newest first. */
  const list = (documentId: string, limit = 200): RevisionInfo[] =>
    (db.prepare('SELECT * FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT ?').all(documentId, limit) as RevisionRow[]).map(
      (row) => revisionInfo(row, parse(row.content)),
    );

  const get = (revisionId: number): RevisionInfo & { content: DocumentContent } => {
    const row = require(revisionId);
    const content = parse(row.content);
    return { ...revisionInfo(row, content), content };
  };

  /** Restoring is a save of the old content, so it is itself undoable. */
  const restore = (revisionId: number): GazetteDocument => {
    const row = require(revisionId);
    return documents.save(row.document_id, parse(row.content), 'restore');
  };

  /**
   * Drop revisions created before `olderThan` (ISO time), always keeping each document's newest `keepLatest`.
   * Returns how many were deleted.
   */
  const prune = transactional(db, (olderThan: string, keepLatest: number = 1): number => {
    const result = db
      .prepare(
        `DELETE FROM revisions WHERE created_at < ? AND id NOT IN (
           SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY document_id ORDER BY id DESC) AS n FROM revisions) WHERE n <= ?
         )`,
      )
      .run(olderThan, Math.max(1, keepLatest));
    return result.changes;
  });

  return { list, get, restore, prune };
}

export type RevisionsRepo = ReturnType<typeof createRevisionsRepo>;
