/**
 * Migration 004: an index for 1- and 2-character search terms (main/store/grams.ts). Over an archive of
 * 2,400 documents a short term was searched by scanning every text: 1.4–4 s for a term found nowhere.
 * The table is contentless (the text lives once, in documents) with detail=none (document ids only) and a
 * 1-character prefix index; triggers keep it in the same transaction as every document write, through the
 * gz_search_grams function that main/store/db.ts registers on every connection before migrating.
 */
export const sql = /* sql */ `
CREATE VIRTUAL TABLE documents_grams USING fts5(
  grams, content = '', contentless_delete = 1, detail = 'none', prefix = '1', tokenize = 'unicode61'
);

INSERT INTO documents_grams (rowid, grams) SELECT rid, gz_search_grams(title || char(10) || plain_text) FROM documents;

CREATE TRIGGER documents_grams_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_grams (rowid, grams) VALUES (new.rid, gz_search_grams(new.title || char(10) || new.plain_text));
END;
CREATE TRIGGER documents_grams_update AFTER UPDATE OF title, plain_text ON documents BEGIN
  DELETE FROM documents_grams WHERE rowid = old.rid;
  INSERT INTO documents_grams (rowid, grams) VALUES (new.rid, gz_search_grams(new.title || char(10) || new.plain_text));
END;
CREATE TRIGGER documents_grams_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_grams WHERE rowid = old.rid;
END;
`;
