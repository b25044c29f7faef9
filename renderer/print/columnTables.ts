/**
 * Tables that flow in a text column (leader lists: 成员：… set like body text). Their rows are kept whole
 * (`break-inside: avoid`), so a row taller than a column could not be placed: Paged.js left it hanging
 * below the page, where it was cut off in the PDF although the laid-out text was complete. A row taller
 * than half a column is cut into parts of at most a third of a column (each cell's text continues in the
 * next part, at the same columns); the list has no rules, so the parts read as one row.
 *
 * A list with automatic column widths takes them from all its rows; Paged.js measures a page with the rows
 * after it still in place, then takes those out, and the widths (so every row's height) change: the last
 * row kept on the page no longer fitted below the second column and Chromium set it in an extra column
 * beside the page, never printed (fuzz case 2026-129). The widths all the rows give are fixed first.
 */
import { FIXED_CLASS, cellFitsIn, frozenColumns } from './rotateTables';
import { splitRow } from './splitRows';
import { measureBox } from './measureBox';

const PX_PER_PT = 96 / 72;
/** Width of one text column: (420 pt − 21 pt gap) / 2. */
export const COLUMN_WIDTH_PT = 199.5;
export const COLUMN_HEIGHT_PT = 682.5;

/** Split the tall rows of one table (in a measuring box at the column width); returns the rows added. */
export function splitTallColumnRows(table: HTMLTableElement): number {
  const limit = (COLUMN_HEIGHT_PT * PX_PER_PT) / 2;
  const part = (COLUMN_HEIGHT_PT * PX_PER_PT) / 3;
  let added = 0;
  for (const body of Array.from(table.tBodies)) {
    for (let row = body.rows[0] as HTMLTableRowElement | undefined; row && added < 500; row = row.nextElementSibling as HTMLTableRowElement | undefined) {
      if (row.getBoundingClientRect().height <= limit) continue;
      const tail = splitRow(row, cellFitsIn(part));
      if (tail) added++;
    }
  }
  return added;
}

/** Fix a table's automatic column widths (in the measuring box, all rows in it) as its colgroup. */
export function freezeColumnWidths(table: HTMLTableElement): boolean {
  const frozen = frozenColumns(table);
  if (!frozen) return false;
  table.querySelector(':scope > colgroup')?.remove();
  table.prepend(frozen);
  table.classList.add(FIXED_CLASS);
  return true;
}

/** Split the tall rows of every table that flows in the text columns of a unit's content. */
export function splitColumnTables(content: ParentNode): number {
  const wraps = Array.from(content.querySelectorAll('.gz-region--cols > .gz-tablewrap:not(.gz-keep)')) as HTMLElement[];
  if (wraps.length === 0) return 0;
  const box = measureBox(COLUMN_WIDTH_PT, 'gz-region gz-region--cols');
  let added = 0;
  try {
    for (const wrap of wraps) {
      const marker = document.createComment('table');
      wrap.replaceWith(marker);
      box.appendChild(wrap);
      const table = wrap.querySelector(':scope > table') as HTMLTableElement | null;
      if (table) {
        freezeColumnWidths(table);
        added += splitTallColumnRows(table);
      }
      marker.replaceWith(wrap);
    }
  } finally {
    box.remove();
  }
  return added;
}
