/**
 * Type size of a table: 小五 9 pt on a 12 pt pitch (format §3), or 六号 7.5 pt on a 10 pt pitch for very
 * long tables. The reference issue printed its 56-row indicator table (格政办发〔2024〕66号 附件1) on about
 * 13 rotated pages, which only a smaller size allows; at 小五 it needs 19. The print page also switches a
 * table to the compact size when that saves a page its last rows would otherwise take (renderer/print).
 */
import type { TableElement } from '../model';
import { TABLE_FONT_PT, columnWidths, tableLines, tableWidthCells, type WidthCell } from './columnWidths';

export type TableSize = 'normal' | 'compact';

export const TABLE_TYPE: Record<TableSize, { fontPt: number; pitchPt: number }> = {
  normal: { fontPt: TABLE_FONT_PT, pitchPt: 12 },
  compact: { fontPt: 7.5, pitchPt: 10 },
};

/** Per row: 2 pt padding above and below plus the rule. */
const ROW_FRAME_PT = 4.5;

/** In automatic mode, a table estimated to fill more than this many pages at 小五 is set in 六号. */
export const COMPACT_ABOVE_PAGES = 3;

/** Estimated height (pt) of a table's rows at the given widths and size (lines are not rounded up). */
export function estimatedTableHeightPt(cells: WidthCell[], widths: number[], rows: number, size: TableSize): number {
  const type = TABLE_TYPE[size];
  return tableLines(cells, widths, type.fontPt) * type.pitchPt + rows * ROW_FRAME_PT;
}

/**
 * The size a table is set in: the model's choice, else compact when the estimate at 小五 exceeds
 * COMPACT_ABOVE_PAGES pages of `pageHeightPt` (420 pt rotated, 682.5 pt upright). `widthPt` is the width the
 * table gets; `widths` may pass column widths already computed for it.
 */
export function tableSizeFor(table: TableElement, widthPt: number, pageHeightPt: number, widths?: number[]): TableSize {
  if (table.size === 'compact' || table.size === 'normal') return table.size;
  if (table.variant === 'name-list' || table.variant === 'leader-list') return 'normal';
  const cells = tableWidthCells(table);
  const columns = cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  const normalWidths = widths ?? columnWidths(cells, columns, widthPt, { form: table.variant === 'form' });
  return estimatedTableHeightPt(cells, normalWidths, table.children.length, 'normal') > COMPACT_ABOVE_PAGES * pageHeightPt
    ? 'compact'
    : 'normal';
}
