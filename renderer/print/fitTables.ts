/**
 * Fit to page: a short table region (or rotated table) of two or three pages that the compact size
 * (六号 7.5 pt on a 10 pt pitch, fill-in rows 25 pt; see common/render/tableSize.ts) sets on one page fewer
 * is set compact. The trials are measured before pagination (splitTables.ts, rotateTables.ts). toHtml puts
 * the column widths for the compact size on each candidate table as `data-compact-cols`.
 */

export const COMPACT_CLASS = 'gz-table--compact';
export const COMPACT_WRAP_CLASS = 'gz-tablewrap--compact';

/** Tables that could still be set compact: not compact yet, with compact widths prepared by toHtml. */
export function fitCandidates(root: ParentNode): HTMLTableElement[] {
  return (Array.from(root.querySelectorAll('table[data-compact-cols]')) as HTMLTableElement[]).filter(
    (t) => !t.classList.contains(COMPACT_CLASS),
  );
}

/** Switch one table to the compact size and its prepared column widths. */
export function makeCompact(table: HTMLTableElement): void {
  table.classList.add(COMPACT_CLASS);
  // Its notes (注：, 备注：) follow the table's size.
  table.closest('.gz-tablewrap')?.classList.add(COMPACT_WRAP_CLASS);
  const widths = (table.dataset.compactCols ?? '').split(',').map(Number);
  const cols = Array.from(table.querySelectorAll(':scope > colgroup > col')) as HTMLElement[];
  if (widths.length === cols.length && widths.every((w) => w > 0)) cols.forEach((col, i) => (col.style.width = `${widths[i]}%`));
  table.removeAttribute('data-compact-cols');
}

/** Fit only regions and rotated tables of at most this many pages: it is for a last page of a few rows. */
export const FIT_MAX_PAGES = 3;
