/**
 * The short-term search index (migration 004): every document's distinct character pairs, so that 1- and
 * 2-character queries (common in Chinese: 市, 资金) are answered from an index instead of a scan of every
 * text. FTS5's trigram index (migration 001) only serves terms of 3+ characters.
 *
 * A document is indexed as its distinct bigrams of letters and digits (any script) plus the last character
 * of each run, space-separated, in a contentless FTS5 table with detail=none (document ids only, ~5 MB for
 * 2,400 documents). A 2-character term is then one token; a 1-character term is a prefix query (`市*`)
 * over the tokens, answered by the 1-character prefix index. Pairs never span punctuation, spaces or the
 * title/text boundary, so a match is exact: no text has to be read to confirm it.
 */

/** Runs of letters and digits: the characters FTS5's unicode61 tokenizer keeps inside tokens. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const GRAM_TERM = /^[\p{L}\p{N}]{1,2}$/u;

/** The SQL function the triggers of migration 004 call (registered on every connection, main/store/db.ts). */
export const GRAMS_FUNCTION = 'gz_search_grams';

/** The tokens indexed for a text: distinct bigrams of each run of letters/digits, and each run's last character. */
export function searchGrams(text: string | null | undefined): string {
  if (!text) return '';
  const grams = new Set<string>();
  for (const [run] of text.matchAll(WORD_RUN)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
    grams.add(chars[chars.length - 1]);
  }
  return [...grams].join(' ');
}

/** A term the gram index answers exactly: 1 or 2 characters, letters or digits only. */
export function isGramTerm(term: string): boolean {
  return GRAM_TERM.test(term);
}

/** The FTS5 query of a gram term: the pair as one token, or a single character as a prefix. */
export function gramQuery(term: string): string {
  const quoted = `"${term.replace(/"/g, '""')}"`;
  return Array.from(term).length === 1 ? `${quoted}*` : quoted;
}

/** The connection calls of indexPendingGrams (a structural type: grams.ts stays free of the driver). */
interface GramsDb {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
}

/**
 * Index the documents written since the last call (migration 006: plain-SQL triggers queue their rids in
 * documents_grams_pending). Runs inside the store's write transactions and on open, so the app's own writes
 * are indexed in the transaction that made them, and another program's at the app's next open or write.
 * Returns how many documents were (re)indexed.
 */
export function indexPendingGrams(db: GramsDb): number {
  const pending = db
    .prepare('SELECT p.rid, d.title, d.plain_text FROM documents_grams_pending p LEFT JOIN documents d ON d.rid = p.rid')
    .all() as Array<{ rid: number; title: string | null; plain_text: string | null }>;
  if (pending.length === 0) return 0;
  const remove = db.prepare('DELETE FROM documents_grams WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO documents_grams (rowid, grams) VALUES (?, ?)');
  const done = db.prepare('DELETE FROM documents_grams_pending WHERE rid = ?');
  for (const row of pending) {
    // Removed first: the row may have been indexed already (a rid queued twice, an older library's copy).
    remove.run(row.rid);
    if (row.title !== null) insert.run(row.rid, searchGrams(`${row.title}\n${row.plain_text ?? ''}`));
    done.run(row.rid);
  }
  return pending.length;
}
