/**
 * No-break runs (gz-nobr: a character held to its punctuation, common/render/toHtml.ts) wider than their
 * table cell. In a column narrower than 「（一）」 such a run stuck out of its cell into the next one, and in
 * the last column of a rotated table off its page, which clips it (fuzz 99-190). Such runs are unwrapped,
 * so that the column breaks them like any other text (overflow-wrap, line-break: strict). The same measuring
 * serves rotated tables (rotateTables.ts) and tables set upright in the text (`breakUprightWideRuns`).
 */
import { measureBox, measuredIn } from './measureBox';

/** A no-break run may be this much wider than its cell's content box (rounding) and stay whole. */
const RUN_TOLERANCE_PX = 0.5;
/** Width of the type area, in which every region is laid out (text columns and all). */
const TYPE_WIDTH_PT = 420;

/**
 * Unwrap the no-break runs of a laid-out `table` (its column widths final) that are wider than their cell's
 * content box; `mirror`, a copy of it holding the same runs in the same order, is changed alike. Returns the
 * number of runs unwrapped.
 */
export function breakWideRuns(table: HTMLTableElement, mirror?: HTMLTableElement): number {
  const runs = Array.from(table.querySelectorAll('.gz-nobr'));
  const copies = mirror ? Array.from(mirror.querySelectorAll('.gz-nobr')) : [];
  // All measured first, then changed: unwrapping does not change a fixed table's columns.
  const wide = runs.map((run) => run.getBoundingClientRect().width > cellContentWidth(run) + RUN_TOLERANCE_PX);
  let count = 0;
  wide.forEach((isWide, i) => {
    if (!isWide) return;
    unwrap(runs[i]);
    if (copies.length === runs.length) unwrap(copies[i]);
    count++;
  });
  return count;
}

/**
 * The same for the tables set upright in a unit's content (a fragment, before pagination): each region that
 * holds a table with no-break runs is laid out in the type area with the journal CSS (its own classes, so
 * text columns and spanning blocks get their widths) and its tables' wide runs are unwrapped.
 */
export function breakUprightWideRuns(content: ParentNode): number {
  const regions = Array.from(content.querySelectorAll('.gz-region')).filter((r) => r.querySelector('.gz-tablewrap .gz-nobr'));
  if (regions.length === 0) return 0;
  const box = measureBox(TYPE_WIDTH_PT);
  // Rotated pages had theirs unwrapped when they were made, at their own width.
  const upright = (region: Element) => (Array.from(region.querySelectorAll('.gz-tablewrap > table')) as HTMLTableElement[]).filter((t) => !t.closest('.gz-rot-page'));
  try {
    return regions.reduce((count, region) => count + measuredIn(box, region, () => upright(region).reduce((n, table) => n + breakWideRuns(table), 0)), 0);
  } finally {
    box.remove();
  }
}

/** Width of the content box of the cell holding `el` (Infinity outside a cell). */
function cellContentWidth(el: Element): number {
  const cell = el.closest('td, th');
  if (!cell) return Infinity;
  const style = getComputedStyle(cell);
  return cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}
