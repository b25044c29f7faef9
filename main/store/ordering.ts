/** Stable ordering: positions are kept as 0..n-1 inside their parent, rewritten in the caller's transaction. */
import type { Db } from './db';
import { StoreError } from './errors';

type OrderedTable = 'sections' | 'documents';
const PARENT: Record<OrderedTable, string> = { sections: 'issue_id', documents: 'section_id' };

export function orderedIds(db: Db, table: OrderedTable, parentId: string): string[] {
  return (
    db.prepare(`SELECT id FROM ${table} WHERE ${PARENT[table]} = ? ORDER BY position, rowid`).all(parentId) as Array<{
      id: string;
    }>
  ).map((r) => r.id);
}

export function writePositions(db: Db, table: OrderedTable, ids: readonly string[]): void {
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((id, index) => update.run(index, id));
}

/** Clamp an insertion index into 0..length (undefined or out of range -> end). */
export function insertionIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isFinite(index) || index > length) return length;
  return Math.max(0, Math.floor(index));
}

/** A new order must be a permutation of the current one. */
export function checkPermutation(current: readonly string[], next: readonly string[], what: string): void {
  const same =
    current.length === next.length && new Set(next).size === next.length && next.every((id) => current.includes(id));
  if (!same) throw new StoreError('invalid', `${what}的新顺序与现有内容不一致 (the new order must list exactly the current ${what})`);
}
