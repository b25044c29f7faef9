/** First pages of each document from the last layout, so `toc` and the library list can show pages. */
import { nowIso } from '../../common/model/index';
import { transactional, type Db } from './db';
import { requireIssue } from './issues';
import type { PageMap } from './types';

/** A stored JSON list of ids; anything else reads as empty (the column only ever holds what set() wrote). */
function parseIdList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function createPageMapsRepo(db: Db) {
  /** Replace the issue's page map with a new layout's. Unknown document ids are ignored. */
  const set = transactional(db, 
    (issueId: string, layout: { pageCount: number; layoutHash: string; pages: Record<string, number>; compactTables?: string[] }): void => {
      requireIssue(db, issueId);
      const at = nowIso();
      db.prepare('DELETE FROM page_maps WHERE issue_id = ?').run(issueId);
      const known = new Set(
        (
          db
            .prepare('SELECT d.id FROM documents d JOIN sections s ON s.id = d.section_id WHERE s.issue_id = ?')
            .all(issueId) as Array<{ id: string }>
        ).map((r) => r.id),
      );
      const insert = db.prepare(
        'INSERT INTO page_maps (document_id, issue_id, first_page, layout_hash, updated_at, compact_tables) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const [documentId, page] of Object.entries(layout.pages)) {
        // Table ids are t-<document id>-<region>-<index> (common/render/toHtml.ts tableElementId).
        const compact = (layout.compactTables ?? []).filter((id) => id.startsWith(`t-${documentId}-`));
        if (known.has(documentId) && Number.isInteger(page)) insert.run(documentId, issueId, page, layout.layoutHash, at, JSON.stringify(compact));
      }
      db.prepare('UPDATE issues SET page_count = ? WHERE id = ?').run(layout.pageCount, issueId);
    },
  );

  const get = (issueId: string): PageMap => {
    const issue = requireIssue(db, issueId);
    const rows = db
      .prepare('SELECT document_id, first_page, layout_hash, compact_tables FROM page_maps WHERE issue_id = ?')
      .all(issueId) as Array<{ document_id: string; first_page: number; layout_hash: string; compact_tables: string }>;
    return {
      pageCount: issue.page_count,
      layoutHash: rows[0]?.layout_hash ?? null,
      pages: Object.fromEntries(rows.map((r) => [r.document_id, r.first_page])),
      compactTables: rows.flatMap((r) => parseIdList(r.compact_tables)),
    };
  };

  return { set, get };
}

export type PageMapsRepo = ReturnType<typeof createPageMapsRepo>;
