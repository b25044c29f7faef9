/**
 * The last page of a document part sets its two columns side by side, equally long (format doc §5).
 * Chromium's `column-fill: balance` guesses a height and, with widows kept, can leave the columns 3–4 lines
 * apart (a 30/26 page). After layout we look for the shortest whole number of grid lines that holds the
 * page's text in two columns (column-fill: auto with that column height) and keep it when the columns end
 * closer together than Chromium's balance. A page where no height brings them within one line may let a
 * paragraph leave a single line at the top of the second column (widows 1): on a closing page, even
 * columns weigh more than that line. Text never moves to another page: only the column break moves.
 */
import { GRID_PT } from './gridSnap';

const PX_PER_PT = 96 / 72;
const GRID_PX = GRID_PT * PX_PER_PT;
const MAX_LINES = 39;

interface ColumnEnds {
  /** Bottom of the last line of each column, in grid lines from the top of the columns. */
  left: number;
  right: number;
  /** Lines that fell out of the two columns (into the row below, or a third column). */
  overflow: boolean;
}

/** The rectangles of the text's lines (text nodes only: a block's box runs to the foot of its column). */
function lineRects(box: HTMLElement): DOMRect[] {
  const rects: DOMRect[] = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects;
}

/** Where the text of the page's column box ends, column by column. */
function columnEnds(box: HTMLElement): ColumnEnds {
  const frame = box.getBoundingClientRect();
  const middle = frame.left + frame.width / 2;
  let left = 0;
  let right = 0;
  let overflow = false;
  const height = parseFloat(box.style.getPropertyValue('column-height')) * PX_PER_PT || Infinity;
  for (const rect of lineRects(box)) {
    const bottom = (rect.bottom - frame.top) / GRID_PX;
    if (rect.top - frame.top >= height - 1 || rect.left >= frame.right - 1) overflow = true;
    else if (rect.left + rect.width / 2 < middle) left = Math.max(left, bottom);
    else right = Math.max(right, bottom);
  }
  return { left, right, overflow };
}

const gap = (e: ColumnEnds) => (e.right === 0 ? 0 : Math.abs(e.left - e.right));

/** The shortest column height (grid lines) that holds the text in two columns, with its column ends. */
function shortestFit(box: HTMLElement): { lines: number; ends: ColumnEnds } | null {
  let lo = 1;
  let hi = MAX_LINES;
  let best: { lines: number; ends: ColumnEnds } | null = null;
  while (lo <= hi) {
    const lines = (lo + hi) >> 1;
    box.style.setProperty('column-height', `${(lines * GRID_PT).toFixed(2)}pt`);
    const ends = columnEnds(box);
    if (ends.overflow) lo = lines + 1;
    else {
      best = { lines, ends };
      hi = lines - 1;
    }
  }
  return best;
}

/** Balance one closing page's columns better than Chromium did, if we can. Returns true if it changed. */
export function balanceColumns(page: HTMLElement): boolean {
  const box = page.querySelector('.pagedjs_page_content > div') as HTMLElement | null;
  if (!box || page.classList.contains('gz-page-full')) return false;
  // Blocks across both columns (titles, tables) make rows of columns that one height cannot describe.
  if (Array.from(box.querySelectorAll('*')).some((el) => getComputedStyle(el).columnSpan === 'all')) return false;
  const before = columnEnds(box);
  if (before.overflow || gap(before) <= 1.5) return false;
  const saved = box.getAttribute('style');
  box.style.setProperty('column-fill', 'auto');
  let fit = shortestFit(box);
  if (!fit || gap(fit.ends) > 1.5) {
    box.style.setProperty('widows', '1');
    const loose = shortestFit(box);
    if (loose && (!fit || gap(loose.ends) < gap(fit.ends))) fit = loose;
    else box.style.removeProperty('widows');
  }
  if (!fit || gap(fit.ends) >= gap(before)) {
    if (saved === null) box.removeAttribute('style');
    else box.setAttribute('style', saved);
    return false;
  }
  box.style.setProperty('column-height', `${(fit.lines * GRID_PT).toFixed(2)}pt`);
  return true;
}
