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
