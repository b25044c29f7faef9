/**
 * Tables in full-width regions are cut into page-sized pieces before pagination, each piece a table of
 * its own starting on a new page with the header rows repeated (marked `gz-repeat`). Paged.js 0.4.3
 * mis-handles some tables it has to split itself (it restarted the whole flow on the sample's name
 * list), so it is only left to split what this estimate gets wrong; RepeatTableHeaders covers that case.
 * Regions start on a new page, so the space left above each table can be measured here.
 */
import { sliceRows, slicedBodies } from './tableSlices';
import { headerCopy } from './tableHeaders';
import { FIT_MAX_PAGES, fitCandidates, makeCompact } from './fitTables';
import { MIN_ROW_PART_PX, rowsToKeep, splitTallRows } from './rotateTables';
import { measureBox } from './measureBox';

const PX_PER_PT = 96 / 72;
/** Page area height less a safety margin (measurement here and in the page can differ slightly). */
export const PAGE_HEIGHT_PT = 682.5 - 4;
export const TYPE_WIDTH_PT = 420;

function outerHeight(el: Element): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

/** Height of the table's first rows that a merged cell holds together (rowsToKeep), or of its first row. */
export function firstGroupHeight(rows: HTMLTableRowElement[]): number {
  const joined = rowsToKeep(rows);
  let end = 1;
  while (end < rows.length && joined[end]) end++;
  return rows.slice(0, end).reduce((s, r) => s + r.getBoundingClientRect().height, 0);
}

/**
 * Split the tables of one region (already in the measuring box). Returns the pieces made and the pages the
 * region is estimated to take (rotated pages counted as one page each).
 */
export function splitRegionTables(region: HTMLElement): { pieces: number; pages: number } {
  const page = PAGE_HEIGHT_PT * PX_PER_PT;
  let used = 0;
  let pieces = 0;
  let pages = 1;
  for (const child of Array.from(region.children) as HTMLElement[]) {
    if (child.classList.contains('gz-rot-page')) {
      pages += used > 0 ? 2 : 1;
      used = 0;
      continue;
    }
    const table = child.classList.contains('gz-tablewrap') ? (child.querySelector(':scope > table') as HTMLTableElement | null) : null;
    if (!table) {
      // A picture that does not fit in the room left goes whole to the next page (spanningBreaks.ts).
      const height = outerHeight(child);
      if (child.classList.contains('gz-figure') && used > 0 && used + height > page) {
        used = 0;
        pages++;
      }
      used += height;
      while (used > page) {
        used -= page;
        pages++;
      }
      continue;
    }
    const head = table.tHead;
    const headH = head ? head.getBoundingClientRect().height : 0;
    const above = Array.from(child.querySelectorAll(':scope > .gz-tablenote--above')).reduce((s, el) => s + outerHeight(el), 0);
    const rows = Array.from(table.tBodies).flatMap((b) => Array.from(b.rows));
    const margin = parseFloat(getComputedStyle(child).marginTop) + parseFloat(getComputedStyle(child).marginBottom);
    let first = page - used - margin - above - headH;
    const firstRowH = rows[0]?.getBoundingClientRect().height ?? 0;
    // A first row too tall to move on whole starts where the table is, split at the page end.
    const splitsHere = firstRowH > (page - headH - margin) / 2 && first >= MIN_ROW_PART_PX;
    // Rows held to the first by a merged cell move with it: a group up to half a page is not cut at a page
    // foot (it would leave the header and a sliver of the merged cell there), the table starts the next page.
    const groupH = firstGroupHeight(rows);
    const groupMoves = first < groupH && groupH <= (page - headH - margin) / 2;
    if ((first < firstRowH && !splitsHere) || groupMoves) {
      child.classList.add('gz-newpage');
      first = page - margin - above - headH;
      pages++;
    }
    // A row taller than half a page is split where the page ends (format §6), as on rotated pages; a row
    // taller than a whole page would otherwise be cut off.
    splitTallRows(rows, first, page - headH - margin);
    const rowH = rows.map((r) => r.getBoundingClientRect().height);
    // Notes below the table stay with its last row (they would otherwise hang off the page).
    const belowH = Array.from(child.querySelectorAll(':scope > .gz-tablenote--below')).reduce((s, el) => s + outerHeight(el), 0);
    if (rowH.length) rowH[rowH.length - 1] += belowH;
    const slices = sliceRows(rowH, first, page - headH - margin, rowsToKeep(rows));
    pages += Math.max(slices.length - 1, 0);
    if (slices.length <= 1) {
      used = (child.classList.contains('gz-newpage') ? 0 : used) + outerHeight(child);
      continue;
    }
    const below = Array.from(child.querySelectorAll(':scope > .gz-tablenote--below'));
    const bodies = slicedBodies(rows, slices);
    const made: HTMLElement[] = bodies.map((tbody, c) => {
      const wrap = child.cloneNode(false) as HTMLElement;
      if (c > 0) wrap.classList.add('gz-newpage', 'gz-continued');
      if (c === 0) for (const n of Array.from(child.querySelectorAll(':scope > .gz-tablenote--above'))) wrap.appendChild(n);
      const t = table.cloneNode(false) as HTMLTableElement;
      if (c > 0) t.removeAttribute('id');
      const colgroup = table.querySelector(':scope > colgroup');
      if (colgroup) t.appendChild(colgroup.cloneNode(true));
      if (head) t.appendChild(c === 0 ? head.cloneNode(true) : headerCopy(head));
      t.appendChild(tbody);
      wrap.appendChild(t);
      return wrap;
    });
    for (const n of below) made[made.length - 1].appendChild(n);
    child.replaceWith(...made);
    pieces += made.length - 1;
    used = outerHeight(made[made.length - 1]);
  }
  return { pieces, pages };
}

/**
 * Split a region's tables; when a compact size (fitTables.ts) saves a page of a short region, set its
 * tables compact first. `region` is in the measuring box; returns the element to use in its place.
 */
function splitFitted(region: HTMLElement): { region: HTMLElement; pieces: number } {
  const candidates = fitCandidates(region).length > 0 && !region.querySelector('.gz-rot-page');
  const trial = candidates ? (region.cloneNode(true) as HTMLElement) : null;
  const normal = splitRegionTables(region);
  if (!trial || normal.pages < 2 || normal.pages > FIT_MAX_PAGES) return { region, pieces: normal.pieces };
  fitCandidates(trial).forEach(makeCompact);
  region.after(trial);
  const compact = splitRegionTables(trial);
  if (compact.pages < normal.pages) {
    region.remove();
    return { region: trial, pieces: compact.pieces };
  }
  trial.remove();
  return { region, pieces: normal.pieces };
}

/** Share of a page up to which a table may stay in a two-column region, kept whole as a spanning block. */
export const SHORT_TABLE_SHARE = 0.6;

/**
 * A region whose tables are all short (and none rotated) goes back to two columns: its tables span both
 * columns and are kept whole (moved to the next page if they do not fit), which Paged.js handles.
 * Must run in the measuring box.
 */
export function relaxRegion(region: HTMLElement): boolean {
  if (region.querySelector('.gz-rot-page')) return false;
  const wraps = Array.from(region.querySelectorAll(':scope > .gz-tablewrap')) as HTMLElement[];
  const limit = PAGE_HEIGHT_PT * PX_PER_PT * SHORT_TABLE_SHARE;
  if (wraps.some((w) => outerHeight(w) > limit)) return false;
  region.dataset.region = 'cols';
  region.classList.replace('gz-region--full', 'gz-region--cols');
  for (const w of wraps) w.classList.add('gz-keep');
  return true;
}

/** Split the tables of every full-width region of a unit's content (a fragment). */
export function splitTables(content: ParentNode): number {
  const regions = Array.from(content.querySelectorAll('.gz-region--full')) as HTMLElement[];
  if (regions.length === 0) return 0;
  const box = measureBox(TYPE_WIDTH_PT);
  let pieces = 0;
  try {
    for (const region of regions) {
      const marker = document.createComment('region');
      region.replaceWith(marker);
      box.appendChild(region);
      let placed = region;
      if (!relaxRegion(region)) {
        const fitted = splitFitted(region);
        placed = fitted.region;
        pieces += fitted.pieces;
      }
      marker.replaceWith(placed, ...newPageRegions(placed));
    }
  } finally {
    box.remove();
  }
  return pieces;
}

/**
 * A table piece that starts a new page starts a region (and so a Paged.js flow) of its own: a forced break
 * before a table inside a flow made Paged.js 0.4.3 lay the same page out again ("Layout repeated") and drop
 * the rest of the flow. Returns the regions split off `region`, in order (to go right after it).
 */
export function newPageRegions(region: HTMLElement): HTMLElement[] {
  const made: HTMLElement[] = [];
  let current = region;
  for (const child of Array.from(region.children).slice(1) as HTMLElement[]) {
    if (child.classList.contains('gz-newpage')) {
      current = region.cloneNode(false) as HTMLElement;
      current.classList.add('gz-region--newpage');
      child.classList.remove('gz-newpage');
      made.push(current);
    }
    if (current !== region) current.appendChild(child);
  }
  return made;
}
