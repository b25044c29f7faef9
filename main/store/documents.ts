/**
 * Documents: add, get, save (content normalised, title and 文号 derived, revision appended, search index
 * updated by triggers and, for short terms, at the end of the write — one transaction), move within and between sections, remove, reorder.
 */
import {
  contentPlainText,
  deriveTitleAndNumber,
  newId,
  normalizeContent,
  nowIso,
  type DocumentContent,
  type DocumentKind,
  type GazetteDocument,
} from '../../common/model/index';
import { transactional, type Db } from './db';
import { notFound } from './errors';
import { keepDeleted } from './keepDeleted';
import { checkPermutation, insertionIndex, orderedIds, writePositions } from './ordering';
import { documentFromRow, type DocumentRow } from './rows';
import { requireSection, sameIssueOrThrow, touchIssue } from './sections';

export function requireDocument(db: Db, documentId: string): DocumentRow {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as DocumentRow | undefined;
  if (!row) throw notFound('文件', 'document', documentId);
  return row;
}

export type RevisionKind = 'import' | 'create' | 'save' | 'restore';

/**
 * Append a revision. Autosave runs about once a second while someone types, so consecutive saves within the
 * same clock minute replace each other: history keeps one version per minute of editing (plus every import,
 * creation and restore), not thousands of near-copies of a large document.
 */
export function appendRevision(db: Db, documentId: string, contentJson: string, at: string, kind: RevisionKind): void {
  if (kind === 'save') {
    const last = db.prepare('SELECT id, kind, created_at FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(documentId) as
      | { id: number; kind: string; created_at: string }
      | undefined;
    if (last && last.kind === 'save' && last.created_at.slice(0, 16) === at.slice(0, 16)) {
      db.prepare('DELETE FROM revisions WHERE id = ?').run(last.id);
    }
  }
  db.prepare('INSERT INTO revisions (document_id, content, created_at, kind) VALUES (?, ?, ?, ?)').run(documentId, contentJson, at, kind);
}

/** Title and 文号 from content; a document without a doc-title (大事记, 人事任免) keeps the one it has. */
export function titleAndNumberFor(content: DocumentContent, fallback: { title: string; docNumber: string }) {
  const derived = deriveTitleAndNumber(content);
  return derived.title ? derived : { title: fallback.title, docNumber: derived.docNumber || fallback.docNumber };
}

export interface NewDocument {
  id?: string;
  kind?: DocumentKind;
  title?: string;
  docNumber?: string;
  tocTitleOverride?: string;
  content?: unknown;
}

/** Insert one document row at the end of its section (positions are rewritten by the caller when needed). */
export function insertDocumentRow(
  db: Db,
  sectionId: string,
  position: number,
  doc: NewDocument,
  at: string,
  kind: RevisionKind = 'import',
): string {
  const id = doc.id ?? newId();
  const content = normalizeContent(doc.content ?? []);
  const { title, docNumber } = titleAndNumberFor(content, { title: doc.title ?? '', docNumber: doc.docNumber ?? '' });
  const json = JSON.stringify(content);
  db.prepare(
    `INSERT INTO documents (id, section_id, kind, title, doc_number, toc_title_override, position, content, plain_text, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, sectionId, doc.kind ?? 'notice', title, docNumber, doc.tocTitleOverride ?? null, position, json, contentPlainText(content), at);
  appendRevision(db, id, json, at, kind);
  return id;
}

export function createDocumentsRepo(db: Db) {
  const get = (documentId: string): GazetteDocument => documentFromRow(requireDocument(db, documentId));

  const list = (sectionId: string): GazetteDocument[] =>
    (db.prepare('SELECT * FROM documents WHERE section_id = ? ORDER BY position, rid').all(sectionId) as DocumentRow[]).map(
      documentFromRow,
    );

  const add = transactional(db, (sectionId: string, doc: NewDocument = {}, index?: number): GazetteDocument => {
    const section = requireSection(db, sectionId);
    const at = nowIso();
    const ids = orderedIds(db, 'documents', sectionId);
    const id = insertDocumentRow(db, sectionId, ids.length, { ...doc, id: undefined }, at, 'create');
    ids.splice(insertionIndex(index, ids.length), 0, id);
    writePositions(db, 'documents', ids);
    touchIssue(db, section.issue_id, at);
    return get(id);
  });

  /** Save new content. Identical content is a no-op (autosave may resend); otherwise a revision is appended. */
  const save = transactional(db, (documentId: string, rawContent: unknown, revisionKind: RevisionKind = 'save'): GazetteDocument => {
    const row = requireDocument(db, documentId);
    const content = normalizeContent(rawContent);
    const json = JSON.stringify(content);
    if (json === row.content) return documentFromRow(row);
    const at = nowIso();
    const { title, docNumber } = titleAndNumberFor(content, { title: row.title, docNumber: row.doc_number });
    db.prepare('UPDATE documents SET content = ?, plain_text = ?, title = ?, doc_number = ?, updated_at = ? WHERE id = ?').run(
      json,
      contentPlainText(content),
      title,
      docNumber,
      at,
      documentId,
    );
    appendRevision(db, documentId, json, at, revisionKind);
    touchIssue(db, requireSection(db, row.section_id).issue_id, at);
    return get(documentId);
  });

  /** Kind and TOC wording; `tocTitleOverride: null` (or '') clears the override. */
  const updateMeta = transactional(db, 
    (documentId: string, patch: { kind?: DocumentKind; tocTitleOverride?: string | null }): GazetteDocument => {
      const row = requireDocument(db, documentId);
      const at = nowIso();
      if (patch.kind !== undefined) db.prepare('UPDATE documents SET kind = ?, updated_at = ? WHERE id = ?').run(patch.kind, at, documentId);
      if (patch.tocTitleOverride !== undefined) {
        const value = patch.tocTitleOverride?.trim() ? patch.tocTitleOverride.trim() : null;
        db.prepare('UPDATE documents SET toc_title_override = ?, updated_at = ? WHERE id = ?').run(value, at, documentId);
      }
      touchIssue(db, requireSection(db, row.section_id).issue_id, at);
      return get(documentId);
    },
  );

  /** Move to `index` of `targetSectionId` (same issue); both sections keep positions 0..n-1. */
  const move = transactional(db, (documentId: string, targetSectionId: string, index?: number): GazetteDocument => {
    const row = requireDocument(db, documentId);
    const from = requireSection(db, row.section_id);
    const to = requireSection(db, targetSectionId);
    sameIssueOrThrow(from, to);
    const source = orderedIds(db, 'documents', from.id).filter((id) => id !== documentId);
    const target = from.id === to.id ? source : orderedIds(db, 'documents', to.id);
    target.splice(insertionIndex(index, target.length), 0, documentId);
    db.prepare('UPDATE documents SET section_id = ? WHERE id = ?').run(to.id, documentId);
    writePositions(db, 'documents', target);
    if (from.id !== to.id) writePositions(db, 'documents', source);
    touchIssue(db, from.issue_id);
    return get(documentId);
  });

  const remove = transactional(db, (documentId: string): void => {
    const row = requireDocument(db, documentId);
    keepDeleted(db, { documentId });
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    writePositions(db, 'documents', orderedIds(db, 'documents', row.section_id));
    touchIssue(db, requireSection(db, row.section_id).issue_id);
  });

  const reorder = transactional(db, (sectionId: string, documentIds: string[]): GazetteDocument[] => {
    const section = requireSection(db, sectionId);
    checkPermutation(orderedIds(db, 'documents', sectionId), documentIds, '文件');
    writePositions(db, 'documents', documentIds);
    touchIssue(db, section.issue_id);
    return list(sectionId);
  });

  return { get, list, add, save, updateMeta, move, remove, reorder };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
