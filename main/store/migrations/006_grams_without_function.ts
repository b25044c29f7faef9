/**
 * Migration 006: the gram index (migration 004) no longer needs a function of the app's. 004's triggers
 * called gz_search_grams, which only this app registers, so any other program writing `documents` (the
 * sqlite3 shell, a backup or repair tool) failed with "no such function". Now the triggers are plain SQL:
 * a written document's rid goes to documents_grams_pending (its old grams are removed at once), and the
 * store indexes the pending rows at the end of each of its write transactions and whenever it opens the
 * file (main/store/grams.ts indexPendingGrams). Another program's writes are thus indexed at the app's next
 * open or write; until then such a document is found by 3+-character terms only.
 */
export const sql = /* sql */ `
CREATE TABLE documents_grams_pending (rid INTEGER PRIMARY KEY);

DROP TRIGGER documents_grams_insert;
DROP TRIGGER documents_grams_update;
DROP TRIGGER documents_grams_delete;

CREATE TRIGGER documents_grams_insert AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO documents_grams_pending (rid) VALUES (new.rid);
END;
CREATE TRIGGER documents_grams_update AFTER UPDATE OF title, plain_text ON documents BEGIN
  DELETE FROM documents_grams WHERE rowid = old.rid;
  INSERT OR IGNORE INTO documents_grams_pending (rid) VALUES (new.rid);
END;
CREATE TRIGGER documents_grams_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_grams WHERE rowid = old.rid;
  DELETE FROM documents_grams_pending WHERE rid = old.rid;
END;
`;
