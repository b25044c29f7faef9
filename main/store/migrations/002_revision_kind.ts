/**
 * Migration 002: revisions remember what wrote them (import, create, save, restore), so autosaves within the
 * same minute can be folded into one while imported and restored versions are always kept.
 */
export const sql = /* sql */ `
ALTER TABLE revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'save'
  CHECK (kind IN ('import', 'create', 'save', 'restore'));
`;
