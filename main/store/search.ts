/**
 * Search across every issue: documents with more of the terms in their title first, then newest issue first.
 * Terms of 3+ characters use the FTS5 trigram index, terms of 1–2 letters or digits (common in Chinese: 市,
 * 资金) the gram index of migration 004 (grams.ts); only a short term holding punctuation or symbols (`%`,
 * `_写`) falls back to scanning the texts, newest issue first alone. All terms must match.
 */
import type { Db } from './db';
import { gramQuery, isGramTerm } from './grams';
import type { SearchHit } from './types';

interface HitRow {
  rid: number;
  issue_id: string;
  year: number;
  number: number;
  cumulative_number: number;
  section_name: string;
  id: string;
  title: string;
  doc_number: string;
  /** 1-based position in the text of the earliest match of any term (null: no term in the text). */
  first: number | null;
  /** The text around it: from SNIPPET_BEFORE characters before, SNIPPET_BEFORE + SNIPPET_AFTER long. */
  around: string | null;
  text_length: number;
}

const HIT_FROM = 'FROM documents d JOIN sections s ON s.id = d.section_id JOIN issues i ON i.id = s.issue_id';
/**
 * The hits' fields, and the text around the first match, found by SQLite: only that window crosses into
 * JavaScript. (Reading whole texts for 100 snippets cost 30–80 ms of CPU when the hits are long documents.)
 */
function selectHitSql(firstMatch: string): string {
  return `
  SELECT rid, issue_id, year, number, cumulative_number, section_name, id, title, doc_number, text_length, first,
         CASE WHEN first IS NULL THEN NULL
              ELSE substr(plain_text, max(1, first - ${SNIPPET_BEFORE}), first + ${SNIPPET_AFTER} - max(1, first - ${SNIPPET_BEFORE})) END AS around
  FROM (
    SELECT d.rid, i.id AS issue_id, i.year, i.number, i.cumulative_number, s.name AS section_name,
           d.id, d.title, d.doc_number, d.plain_text, length(d.plain_text) AS text_length, ${firstMatch} AS first
    ${HIT_FROM}`;
}

/** SQL for the earliest position of any term in d.plain_text (case-folded for Latin letters), or NULL. */
function firstMatchSql(terms: readonly string[]): { sql: string; params: string[] } {
  const positions = terms.map((t) => (/[A-Za-z]/.test(t) ? 'coalesce(nullif(instr(lower(d.plain_text), lower(?)), 0), 1e15)' : 'coalesce(nullif(instr(d.plain_text, ?), 0), 1e15)'));
  const least = positions.length === 1 ? positions[0] : `min(${positions.join(', ')})`;
  return { sql: `nullif(${least}, 1e15)`, params: [...terms] };
}

export const MAX_QUERY_TERMS = 8;
/** Issues scanned per step by the LIKE path (1-2 character terms), newest first. */
const ISSUES_PER_SCAN = 12;

export function queryTerms(query: string): string[] {
  return query
    // Control characters (NUL breaks the FTS5 query parser) never occur in document text anyway.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/[\s\u3000]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, MAX_QUERY_TERMS);
}

/** An FTS5 phrase: the term in double quotes, inner quotes doubled, so no query syntax leaks through. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SNIPPET_BEFORE = 20;
const SNIPPET_AFTER = 50;

/** Where a term first occurs (case-insensitive for Latin letters), or -1. */
function findTerm(text: string, term: string, lowered: () => string): number {
  const exact = text.indexOf(term);
  if (exact >= 0 || term.toLowerCase() === term.toUpperCase()) return exact;
  return lowered().indexOf(term.toLowerCase());
}

/**
 * Text around the first match, whitespace flattened, every match of any term inside the window wrapped in «…».
 * Only the window is processed, so long documents cost little.
 */
export function makeSnippet(text: string, terms: readonly string[]): string {
  let lower: string | undefined;
  const lowered = () => (lower ??= text.toLowerCase());
  const firsts = terms.map((t) => findTerm(text, t, lowered)).filter((i) => i >= 0);
  const first = firsts.length ? Math.min(...firsts) : 0;
  const start = Math.max(0, first - SNIPPET_BEFORE);
  const end = Math.min(text.length, first + SNIPPET_AFTER);
  return markTerms(text.slice(start, end), start > 0, end < text.length, terms);
}

/** makeSnippet's result from the window SQLite cut around the first match (0-based `first` in a text of `length`). */
export function snippetAround(around: string, first: number, length: number, terms: readonly string[]): string {
  return markTerms(around, first - SNIPPET_BEFORE > 0, first + SNIPPET_AFTER < length, terms);
}

/** The window with whitespace flattened and every match of any term wrapped in «…», and … where text was cut. */
function markTerms(text: string, cutBefore: boolean, cutAfter: boolean, terms: readonly string[]): string {
  const window = text.replace(/[\s\u3000]+/g, ' ');
  const windowLower = window.toLowerCase();
  // Mark non-overlapping matches, longest term first at each position.
  const needles = terms.map((t) => t.toLowerCase()).sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < window.length; ) {
    const hit = needles.find((n) => n && windowLower.startsWith(n, i));
    if (hit) {
      out += `«${window.slice(i, i + hit.length)}»`;
      i += hit.length;
    } else {
      out += window[i];
      i += 1;
    }
  }
  return (cutBefore ? '…' : '') + out + (cutAfter ? '…' : '');
}

const NEWEST_FIRST = 'i.year DESC, i.number DESC, i.cumulative_number DESC, s.position, d.position';

/**
 * Relevance that costs next to nothing: documents with more of the terms in their title first. The title is
 * stored before the content in the row, on the page the ordering query reads anyway for section_id, so no
 * text is read; counting hits in the texts (or FTS5's bm25) is what cost 0.4–4 s over an archive.
 */
function titleHitsSql(terms: readonly string[]): { sql: string; params: string[] } {
  const hits = terms.map((t) => (/[A-Za-z]/.test(t) ? '(instr(lower(d.title), lower(?)) > 0)' : '(instr(d.title, ?) > 0)'));
  return { sql: `(${hits.join(' + ')}) DESC`, params: [...terms] };
}

export function searchDocuments(db: Db, query: string, opts: { limit?: number; issueId?: string } = {}): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const issueFilter = opts.issueId ? ' AND i.id = ?' : '';
  const issueParams = opts.issueId ? [opts.issueId] : [];
  // Phase 1 finds and orders the hits carrying only their row ids; the texts (for snippets) are read for the
  // hits kept. Sorting rows with their whole text in them cost ~10× more over an archive of 2,400 documents.
  let rids: number[];
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  if (short.every(isGramTerm)) {
    // Both indexes give document ids only; the LIMIT kept are those with the most terms in their title, newest
    // issue first among equals. (Ordering by FTS rank instead cost 0.4–4 s over an archive: bm25 reads every
    // match's position lists.)
    const where: string[] = [];
    const params: unknown[] = [];
    if (short.length) {
      where.push('d.rid IN (SELECT rowid FROM documents_grams WHERE documents_grams MATCH ?)');
      params.push(short.map(gramQuery).join(' AND '));
    }
    if (long.length) {
      where.push('d.rid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
      params.push(long.map(ftsPhrase).join(' AND '));
    }
    const titleFirst = titleHitsSql(terms);
    rids = db
      .prepare(`SELECT d.rid ${HIT_FROM} WHERE ${where.join(' AND ')}${issueFilter} ORDER BY ${titleFirst.sql}, ${NEWEST_FIRST} LIMIT ?`)
      .pluck()
      .all(...params, ...issueParams, ...titleFirst.params, limit) as number[];
  } else {
    // Terms without Latin letters need no case folding: instr() is a plain substring test, cheaper than LIKE
    // over the concatenated title and text.
    const folded = (t: string) => /[A-Za-z]/.test(t);
    const where = terms
      .map((t) => (folded(t) ? `(d.title || char(10) || d.plain_text) LIKE ? ESCAPE '\\'` : '(instr(d.title, ?) > 0 OR instr(d.plain_text, ?) > 0)'))
      .join(' AND ');
    // Newest issues first, a few at a time, stopping once the limit is reached: a short common term (市)
    // matches in nearly every document, and scanning the whole archive for the first 100 hits was the cost.
    const issueIds = opts.issueId
      ? [opts.issueId]
      : (db.prepare('SELECT id FROM issues ORDER BY year DESC, number DESC, cumulative_number DESC').pluck().all() as string[]);
    const params = terms.flatMap((t) => (folded(t) ? [likePattern(t)] : [t, t]));
    rids = [];
    for (let at = 0; at < issueIds.length && rids.length < limit; at += ISSUES_PER_SCAN) {
      const chunk = issueIds.slice(at, at + ISSUES_PER_SCAN);
      const found = db
        .prepare(
          `SELECT d.rid ${HIT_FROM} WHERE ${where} AND i.id IN (${chunk.map(() => '?').join(',')})
           ORDER BY ${NEWEST_FIRST} LIMIT ?`,
        )
        .pluck()
        .all(...params, ...chunk, limit - rids.length) as number[];
      rids.push(...found);
    }
  }
  if (rids.length === 0) return [];
  const first = firstMatchSql(terms);
  const found = db
    .prepare(`${selectHitSql(first.sql)} WHERE d.rid IN (${rids.map(() => '?').join(',')}))`)
    .all(...first.params, ...rids) as HitRow[];
  const byRid = new Map(found.map((r) => [r.rid, r]));
  const rows = rids.map((rid) => byRid.get(rid)).filter((r): r is HitRow => r !== undefined);
  return rows.map((r) => ({
    issueId: r.issue_id,
    year: r.year,
    number: r.number,
    cumulativeNumber: r.cumulative_number,
    sectionName: r.section_name,
    documentId: r.id,
    title: r.title,
    docNumber: r.doc_number,
    // A hit in the title only (no match in the text) shows the title.
    snippet: r.first === null || r.around === null ? makeSnippet(r.title, terms) : snippetAround(r.around, r.first - 1, r.text_length, terms),
  }));
}
