/**
 * Migration 003: the page map also remembers which of a document's tables the print layout set in the
 * compact size (fitted to save a page), so a DOCX exported later sets the same tables alike.
 */
export const sql = /* sql */ `
ALTER TABLE page_maps ADD COLUMN compact_tables TEXT NOT NULL DEFAULT '[]';
`;
