/** Migration 001: the first schema of a library (and of a `.gazette` issue package, which is the same schema). */
export const sql = /* sql */ `
CREATE TABLE journals (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  front_matter TEXT NOT NULL,
  settings     TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE issues (
  id                TEXT PRIMARY KEY,
  journal_name      TEXT NOT NULL,
  year              INTEGER NOT NULL,
  number            INTEGER NOT NULL,
  cumulative_number INTEGER NOT NULL,
  date              TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('draft', 'final', 'published')),
  front_matter      TEXT NOT NULL,
  settings          TEXT NOT NULL,
  page_count        INTEGER,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE TABLE sections (
  id       TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX sections_by_issue ON sections(issue_id, position);

CREATE TABLE documents (
  -- rid: a stable integer key for the search index (plain rowids may change on VACUUM).
  rid                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  section_id         TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  kind               TEXT NOT NULL CHECK (kind IN ('notice', 'personnel', 'chronicle', 'other')),
  title              TEXT NOT NULL,
  doc_number         TEXT NOT NULL,
  toc_title_override TEXT,
  position           INTEGER NOT NULL,
  content            TEXT NOT NULL,
  plain_text         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX documents_by_section ON documents(section_id, position);

CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  content     TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX revisions_by_document ON revisions(document_id, id);

CREATE TABLE assets (
  id         TEXT PRIMARY KEY,
  sha256     TEXT NOT NULL UNIQUE,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  bytes      BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE page_maps (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  issue_id    TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  first_page  INTEGER NOT NULL,
  layout_hash TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX page_maps_by_issue ON page_maps(issue_id);

-- Search index over title + plain text (external content: the text lives once, in documents). The trigram
-- tokenizer makes any 3+ character substring (Chinese included) searchable; triggers keep it in the same
-- transaction as every document write.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, plain_text, content = 'documents', content_rowid = 'rid', tokenize = 'trigram'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, plain_text) VALUES (new.rid, new.title, new.plain_text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, plain_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, plain_text) VALUES ('delete', old.rid, old.title, old.plain_text);
  INSERT INTO documents_fts (rowid, title, plain_text) VALUES (new.rid, new.title, new.plain_text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, plain_text) VALUES ('delete', old.rid, old.title, old.plain_text);
END;
`;
