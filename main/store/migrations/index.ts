/**
 * Numbered migrations, in order. Migration N brings the schema to user_version N.
 * Kept as TS modules (not .sql files) so tsx, vitest and the esbuild bundle all load them the same way.
 * Never edit a shipped migration: add the next number.
 */
import { sql as m001 } from './001_init';
import { sql as m002 } from './002_revision_kind';
import { sql as m003 } from './003_compact_tables';
import { sql as m004 } from './004_search_grams';
import { sql as m005 } from './005_deleted_documents';
import { sql as m006 } from './006_grams_without_function';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_init', sql: m001 },
  { version: 2, name: '002_revision_kind', sql: m002 },
  { version: 3, name: '003_compact_tables', sql: m003 },
  { version: 4, name: '004_search_grams', sql: m004 },
  { version: 5, name: '005_deleted_documents', sql: m005 },
  { version: 6, name: '006_grams_without_function', sql: m006 },
];

/** The schema version this build of the app writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
