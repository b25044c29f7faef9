/**
 * Handler 3: wide tables (more than 8 columns, or wider than the type area) set turned 90° counter-clockwise
 * on portrait pages, before pagination. The table is measured at the rotated width (the type area's height,
 * 682.5 pt), its rows are cut into page-sized chunks (rows joined by a rowspan stay together), and each chunk
 * becomes one `.gz-rot-page` block with the header rows repeated. Paged.js then only sees fixed-size blocks.
 */
import { REPEAT_CLASS, headerCopy } from './tableHeaders';
import { joinedRows, placeCells, sliceRows, slicedBodies, span } from './tableSlices';
import { openTallMerges } from './mergedCells';
import { splitRow } from './splitRows';
import { FIT_MAX_PAGES, fitCandidates, makeCompact } from './fitTables';
import { measureBox } from './measureBox';
import { breakWideRuns } from './wideRuns';
import { hashString } from '../../common/render/html';

const PX_PER_PT = 96 / 72;
/** Fixed table layout, cells wrapping a word that does not fit their column (journal.css). */
export const FIXED_CLASS = 'gz-table--fixed';
/** Type area: 420 x 682.5 pt; rotated, the table gets 682.5 pt of width and 420 pt of height. */
export const ROTATED_WIDTH_PT = 682.5;
export const ROTATED_HEIGHT_PT = 420;
export const TYPE_WIDTH_PT = 420;

/** Should this table wrap be rotated? `data-rotate`: yes/no, or auto = wider than the type area. */
export function needsRotation(wrap: HTMLElement, box: HTMLElement): boolean {
  const mode = wrap.dataset.rotate;
  if (mode === 'yes') return true;
  if (mode !== 'auto') return false;
  const table = wrap.querySelector('table');
  if (!table) return false;
  box.style.width = `${TYPE_WIDTH_PT}pt`;
  const probe = table.cloneNode(true) as HTMLTableElement;
  box.replaceChildren(probe);
  const tooWide = probe.getBoundingClientRect().width > TYPE_WIDTH_PT * PX_PER_PT + 1;
  box.replaceChildren();
  return tooWide;
}

/** The attachment title block right before a table wrap, when it is the first thing of its region. */
export function leadingTitle(wrap: HTMLElement): HTMLElement | null {
  const prev = wrap.previousElementSibling as HTMLElement | null;
  if (!prev || !prev.classList.contains('gz-titleblock--attachment') || prev.previousElementSibling) return null;
  return prev;
}

/** A split part of a row is at least this tall (about three lines), else the row moves on whole. */
export const MIN_ROW_PART_PX = 44 * PX_PER_PT;

/** Height of a cell's text (its content, not the row it is stretched to). */
function textHeight(cell: HTMLTableCellElement): number {
  const range = document.createRange();
  range.selectNodeContents(cell);
  return range.getBoundingClientRect().height;
}

/**
 * Rows (measured) that must not start a page: a merged cell reaching them, cut there, would hold its whole
 * text in fewer rows than it needs, before the cut or (repeated) after it, and its page would grow.
 */
export function rowsToKeep(rows: HTMLTableRowElement[]): boolean[] {
  const heights = rows.map((r) => r.getBoundingClientRect().height);
  const sum = (a: number, b: number) => heights.slice(a, b).reduce((s, h) => s + h, 0);
  return joinedRows(rows, (cell, row) => {
    const start = placeRow(rows, cell);
    const end = Math.min(rows.length, start + span(cell, 'rowspan'));
    return textHeight(cell) + 6 > Math.min(sum(start, row), sum(row, end));
  });
}

function placeRow(rows: HTMLTableRowElement[], cell: HTMLTableCellElement): number {
  return rows.indexOf(cell.parentElement as HTMLTableRowElement);
}

export function cellFitsIn(room: number): (cell: HTMLTableCellElement) => boolean {
  return (cell) => {
    const style = getComputedStyle(cell);
    const frame = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + 2;
    return textHeight(cell) + frame <= room;
  };
}

/** A guard against a split that makes no progress; a table of 2,000 long rows needs thousands. */
const MAX_ROW_SPLITS = 20_000;

/**
 * Walk the measured rows as they will fill pages (`first` px free on the first page, `rest` on later ones)
 * and split a row that does not fit when it is taller than half a page (format §6) or taller than a whole
 * page: its first part fills the page, the rest starts the next. `rows` is updated in place.
 */
export function splitTallRows(rows: HTMLTableRowElement[], first: number, rest: number): number {
  // A merged cell with a long text in rows taller than half a page could not be split: opened up first.
  openTallMerges(rows, MIN_ROW_PART_PX, rest / 2, textHeight);
  let used = 0;
  let limit = first;
  let splits = 0;
  for (let i = 0; i < rows.length && splits < MAX_ROW_SPLITS; i++) {
    const h = rows[i].getBoundingClientRect().height;
    if (used + h <= limit) {
      used += h;
      continue;
    }
    const room = limit - used;
    if ((h > rest / 2 || used === 0) && room >= MIN_ROW_PART_PX) {
      const tail = splitRow(rows[i], cellFitsIn(room));
      if (tail) {
        rows.splice(i + 1, 0, tail);
        splits++;
        used = limit;
        continue;
      }
    }
    if (used > 0) {
      used = 0;
      limit = rest;
      i--;
      continue;
    }
    used = h;
  }
  return splits;
}

/** Trailing lines of at most this many characters are set side by side under a rotated table. */
const SHORT_TAIL_CHARS = 16;

/**
 * Replace one table wrap with rotated page blocks. Returns the pages the table takes: the blocks made, plus
 * one when the text after it did not fit on the last rotated page (it then goes on a page of its own).
 */
export function rotateTable(wrap: HTMLElement, box: HTMLElement): number {
  const table = wrap.querySelector('table') as HTMLTableElement | null;
  if (!table) return 0;
  box.style.width = `${ROTATED_WIDTH_PT}pt`;
  const probe = wrap.cloneNode(true) as HTMLElement;
  box.replaceChildren(probe);
  const pTable = probe.querySelector('table') as HTMLTableElement;
  // A list set with automatic column widths takes its widths from its rows: splitting a row, or a page
  // holding some rows only, would change them (and every row's height). The widths it gets with all its
  // rows are fixed first, for the measuring and for every page of it (a word wider than its column, in a
  // list wider than the page, then wraps inside the column instead of running off the page).
  const frozen = frozenColumns(pTable);
  if (frozen) {
    pTable.querySelector(':scope > colgroup')?.remove();
    pTable.prepend(frozen.cloneNode(true));
    pTable.classList.add(FIXED_CLASS);
  }
  // Before anything is measured: a no-break run too wide for its column would stick out of the page.
  breakWideRuns(pTable, table);
  const colgroup = frozen ?? table.querySelector('colgroup');
  const thead = pTable.tHead;
  const bodyRows = Array.from(pTable.tBodies).flatMap((b) => Array.from(b.rows));
  const above = Array.from(probe.querySelectorAll('.gz-tablenote--above')) as HTMLElement[];
  const below = Array.from(probe.querySelectorAll('.gz-tablenote--below')) as HTMLElement[];
  const h = (el: Element) => el.getBoundingClientRect().height;
  const headH = thead ? h(thead) : 0;
  // An attachment whose title block is followed directly by the rotated table carries the title on the
  // table's first rotated page, as the printed journal does, instead of on a page of its own.
  const title = leadingTitle(wrap);
  let titleH = 0;
  if (title) {
    const probeTitle = title.cloneNode(true) as HTMLElement;
    box.insertBefore(probeTitle, probe);
    titleH = h(probeTitle) + 8;
  }
  const aboveH = above.reduce((s, el) => s + h(el) + 4, 0) + titleH;
  const belowH = below.reduce((s, el) => s + h(el) + 4, 0);
  const page = ROTATED_HEIGHT_PT * PX_PER_PT - 1;
  splitTallRows(bodyRows, page - headH - aboveH, page - headH);
  const rowH = bodyRows.map((r) => h(r));
  const slices = sliceRows(rowH, page - headH - aboveH, page - headH, rowsToKeep(bodyRows));
  // A table of header rows only still gets its page (no slice would drop it and its text).
  if (slices.length === 0) slices.push([0, -1]);
  box.replaceChildren();

  // Build the blocks from the measured rows (tall rows split there).
  const origHead = table.tHead;
  const build = ([a, b]: [number, number], c: number): HTMLElement => {
    const t = table.cloneNode(false) as HTMLTableElement;
    t.removeAttribute('id');
    if (c === 0) t.id = table.id;
    if (colgroup) t.appendChild(colgroup.cloneNode(true));
    if (frozen) t.classList.add(FIXED_CLASS);
    if (origHead) t.appendChild(c === 0 ? origHead.cloneNode(true) : headerCopy(origHead));
    t.appendChild(slicedBodies(bodyRows, [[a, b]])[0]);
    const inner = document.createElement('div');
    inner.className = 'gz-rot-inner';
    const w = document.createElement('div');
    w.className = wrap.className;
    if (c === 0) for (const n of wrap.querySelectorAll('.gz-tablenote--above')) w.appendChild(n.cloneNode(true));
    w.appendChild(t);
    if (c === 0 && title) inner.appendChild(title);
    inner.appendChild(w);
    const pageBlock = document.createElement('div');
    pageBlock.className = 'gz-rot-page';
    pageBlock.appendChild(inner);
    return pageBlock;
  };
  const fitted = fittedBlocks(slices, build, box);
  const blocks = fitted.blocks;
  // Notes below the table: on the last page if they fit, else on a page of their own.
  const last = fitted.slices[fitted.slices.length - 1];
  // The first page also carries the title and the notes above the table.
  const lastUsed = last ? rowH.slice(last[0], last[1] + 1).reduce((s, x) => s + x, 0) + headH + (fitted.slices.length === 1 ? aboveH : 0) : 0;
  const notes = Array.from(wrap.querySelectorAll('.gz-tablenote--below'));
  let lastPageUsed = lastUsed;
  if (notes.length) {
    const lastBlock = blocks[blocks.length - 1];
    let target = lastBlock?.querySelector('.gz-tablewrap');
    lastPageUsed += belowH;
    const added = target && lastUsed + belowH <= page ? notes.map((n) => target!.appendChild(n.cloneNode(true)) as Element) : [];
    // Measured as it prints: notes that would be cut off go to a page of their own.
    if (added.length === 0 || overflows(lastBlock, box)) {
      added.forEach((n) => n.remove());
      lastPageUsed = belowH;
      const pageBlock = document.createElement('div');
      pageBlock.className = 'gz-rot-page';
      pageBlock.innerHTML = `<div class="gz-rot-inner"><div class="${wrap.className}"></div></div>`;
      blocks.push(pageBlock);
      target = pageBlock.querySelector('.gz-tablewrap');
      for (const n of notes) target!.appendChild(n.cloneNode(true));
    }
  }
  // Short text after the table at the end of its region (审核人：… lines of a form) goes on the last
  // rotated page when it fits there, rather than on a page of its own.
  const trailing: HTMLElement[] = [];
  let spills = false;
  for (let n = wrap.nextElementSibling; n; n = n.nextElementSibling) trailing.push(n as HTMLElement);
  if (trailing.length > 0 && trailing.every((n) => n.tagName === 'P') && blocks.length > 0) {
    // Short lines (填报人：, 复核人：, 填报日期：…) are set side by side, four to a line, as on a printed form.
    const tailClass = trailing.every((n) => [...(n.textContent ?? '').trim()].length <= SHORT_TAIL_CHARS) ? 'gz-rot-tail gz-rot-tail--inline' : 'gz-rot-tail';
    const tail = document.createElement('div');
    tail.className = tailClass;
    box.replaceChildren(tail);
    for (const n of trailing) tail.appendChild(n.cloneNode(true));
    const trailH = tail.getBoundingClientRect().height + 8;
    box.replaceChildren();
    const lastBlock = blocks[blocks.length - 1];
    const lastInner = lastBlock.querySelector('.gz-rot-inner');
    // Measured as it prints too: a tail that would be cut off goes on after the rotated pages.
    const fits = lastInner !== null && lastPageUsed + trailH <= page && !overflows(lastBlock, box, () => lastInner.appendChild(tail));
    if (fits) tail.replaceChildren(...trailing);
    else {
      tail.remove();
      spills = true;
    }
  }
  wrap.replaceWith(...blocks);
  return blocks.length + (spills ? 1 : 0);
}

/** Overflow a rotated page may have (rounding of pt to px); the print page's check allows 2 px. */
const FIT_TOLERANCE_PX = 1;

/** Is a rotated page block's content (after `change`, when given) taller than its page, as laid out in the measuring box? */
export function overflows(pageBlock: HTMLElement, box: HTMLElement, change?: () => void): boolean {
  change?.();
  const parent = pageBlock.parentNode;
  const next = pageBlock.nextSibling;
  box.appendChild(pageBlock);
  const inner = pageBlock.querySelector('.gz-rot-inner') as HTMLElement;
  const over = inner.scrollHeight - inner.clientHeight > FIT_TOLERANCE_PX;
  if (parent) parent.insertBefore(pageBlock, next);
  else pageBlock.remove();
  return over;
}

/**
 * Build each slice's page and measure it as it will print; a page taller than the page area (the estimate
 * from row heights missed a repeated merged cell, a header copy, rounding) gives its last rows to the next
 * page, which is measured in turn. A single row that still does not fit is left to the integrity check.
 */
export function fittedBlocks(
  slices: Array<[number, number]>,
  build: (slice: [number, number], index: number) => HTMLElement,
  box: HTMLElement,
): { blocks: HTMLElement[]; slices: Array<[number, number]> } {
  const queue = slices.map(([a, b]) => [a, b] as [number, number]);
  const blocks: HTMLElement[] = [];
  for (let k = 0; k < queue.length; k++) {
    const [a, end] = queue[k];
    let b = end;
    let block = build([a, b], k);
    while (b > a && overflows(block, box)) block = build([a, --b], k);
    if (b < end) {
      queue[k] = [a, b];
      if (k + 1 < queue.length) queue[k + 1] = [b + 1, queue[k + 1][1]];
      else queue.push([b + 1, end]);
    }
    blocks.push(block);
  }
  box.replaceChildren();
  return { blocks, slices: queue };
}

/**
 * For a table laid out with automatic column widths (in the measuring box, all rows in it): a colgroup of
 * the widths it got, as shares of its width, to set every page's piece with fixed layout. Null for tables
 * with fixed layout (their colgroup already holds the widths).
 */
export function frozenColumns(table: HTMLTableElement): HTMLTableColElement | null {
  if (getComputedStyle(table).tableLayout === 'fixed') return null;
  const rows = Array.from(table.rows);
  const cols = placeCells(rows).reduce((n, p) => Math.max(n, p.col + span(p.cell, 'colspan')), 0);
  if (cols === 0) return null;
  // A row of empty cells, one per grid column, shows the widths without changing them.
  const body = table.tBodies[0] ?? table.appendChild(document.createElement('tbody'));
  const probe = body.insertRow();
  const cells = Array.from({ length: cols }, () => {
    const cell = probe.insertCell();
    cell.style.cssText = 'padding:0;border:0;height:0;';
    return cell;
  });
  const widths = cells.map((c) => c.getBoundingClientRect().width);
  probe.remove();
  const total = widths.reduce((s, w) => s + w, 0);
  if (!(total > 0)) return null;
  const colgroup = document.createElement('colgroup');
  for (const w of widths) {
    const col = document.createElement('col');
    col.style.width = `${((w / total) * 100).toFixed(4)}%`;
    colgroup.appendChild(col);
  }
  return colgroup as unknown as HTMLTableColElement;
}

/** Rotated pages a table wrap would make, compact or not, tried on a copy of its region. */
function trialRotation(wrap: HTMLElement, box: HTMLElement, compact: boolean): number {
  const region = wrap.parentElement;
  if (!region) return 0;
  const index = Array.from(region.children).indexOf(wrap);
  const copy = region.cloneNode(true) as HTMLElement;
  const copyWrap = copy.children[index] as HTMLElement;
  const table = copyWrap.querySelector('table');
  if (compact && table) makeCompact(table);
  return rotateTable(copyWrap, box);
}

/**
 * Rotated pages in a two-column region (a leader list too wide for the type area) get a full-width region
 * of their own, and the text after them a new two-column region: both start a new page, so each is a
 * Paged.js flow of its own. Left in the columns, Paged.js 0.4.3 set the page-sized block under the text
 * before it on the same page ("Unable to layout item") and dropped the rest of the flow with it.
 */
export function isolateRotatedPages(root: ParentNode): number {
  let made = 0;
  for (const region of Array.from(root.querySelectorAll('.gz-region--cols')) as HTMLElement[]) {
    if (!region.querySelector(':scope > .gz-rot-page')) continue;
    let current = region;
    let currentMode: 'cols' | 'full' = 'cols';
    const after: HTMLElement[] = [];
    for (const child of Array.from(region.children) as HTMLElement[]) {
      const mode = child.classList.contains('gz-rot-page') ? 'full' : 'cols';
      if (mode !== currentMode) {
        if (current === region && region.firstElementChild === child) setRegionMode(region, mode);
        else {
          current = region.cloneNode(false) as HTMLElement;
          current.classList.add('gz-region--newpage');
          setRegionMode(current, mode);
          after.push(current);
        }
        currentMode = mode;
      }
      if (current !== region) current.appendChild(child);
    }
    region.after(...after);
    made += after.length;
  }
  return made;
}

function setRegionMode(region: HTMLElement, mode: 'cols' | 'full'): void {
  region.dataset.region = mode;
  region.classList.remove('gz-region--cols', 'gz-region--full');
  region.classList.add(`gz-region--${mode}`);
}

/** A table wrap rotated before in this page: its blocks, and whether it took its title and the text after it. */
interface Rotated {
  blocksHtml: string;
  pages: number;
  tookTitle: boolean;
  tookTrailing: boolean;
}

/**
 * Rotations made in this page, by what they depend on. Measuring a wide table for rotation (trial layouts,
 * fitted pages) is the largest step before pagination of a document full of tables (城市体检: about half a
 * second), and the live preview lays the same tables out again after every edit of the text around them.
 */
const rotations = new Map<string, Rotated>();
const MAX_ROTATIONS = 300;

/** The siblings after a wrap up to the end of its region (text that may go on its last rotated page). */
function followingSiblings(wrap: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let n = wrap.nextElementSibling; n; n = n.nextElementSibling) out.push(n as HTMLElement);
  return out;
}

/**
 * All that a wrap's rotation reads: the fonts mode, the wrap, its leading title and (when all are
 * paragraphs, the only case in which they can join the last page) the paragraphs after it.
 */
function rotationKey(wrap: HTMLElement, title: HTMLElement | null, trailing: HTMLElement[]): string {
  const tail = trailing.length > 0 && trailing.every((n) => n.tagName === 'P') ? trailing.map((n) => n.outerHTML).join('') : `other:${trailing.length > 0}`;
  return hashString([document.documentElement.className, title?.outerHTML ?? '', wrap.outerHTML, tail].join('\u0000'));
}

/** needsRotation's answers by the wrap (and the fonts mode): most tables are measured and not rotated. */
const wideness = new Map<string, boolean>();

function needsRotationCached(wrap: HTMLElement, box: HTMLElement): boolean {
  if (wrap.dataset.rotate !== 'auto') return needsRotation(wrap, box);
  const key = hashString(`${document.documentElement.className}\u0000${wrap.outerHTML}`);
  let wide = wideness.get(key);
  if (wide === undefined) {
    wide = needsRotation(wrap, box);
    if (wideness.size >= MAX_ROTATIONS * 4) wideness.clear();
    wideness.set(key, wide);
  }
  return wide;
}

/** Rotate one wrap (see rotateTable), or put in the blocks of the same rotation made before. */
function rotateCached(wrap: HTMLElement, box: HTMLElement): number {
  const title = leadingTitle(wrap);
  const trailing = followingSiblings(wrap);
  const key = rotationKey(wrap, title, trailing);
  const known = rotations.get(key);
  if (known) {
    if (known.tookTitle) title?.remove();
    if (known.tookTrailing) trailing.forEach((n) => n.remove());
    const template = document.createElement('template');
    template.innerHTML = known.blocksHtml;
    wrap.replaceWith(template.content);
    return known.pages;
  }
  const start = document.createComment('gz-rot');
  wrap.before(start);
  const pages = rotateFresh(wrap, box);
  const blocks: Element[] = [];
  for (let n = start.nextElementSibling; n?.classList.contains('gz-rot-page'); n = n.nextElementSibling) blocks.push(n);
  start.remove();
  if (rotations.size >= MAX_ROTATIONS) rotations.clear();
  rotations.set(key, {
    blocksHtml: blocks.map((b) => b.outerHTML).join(''),
    pages,
    tookTitle: title !== null && title.closest('.gz-rot-page') !== null,
    tookTrailing: trailing.length > 0 && trailing[0].closest('.gz-rot-page') !== null,
  });
  return pages;
}

/** Rotate one wide table wrap, compact when that saves a page (measured). */
function rotateFresh(wrap: HTMLElement, box: HTMLElement): number {
  const table = wrap.querySelector('table');
  if (table && fitCandidates(wrap).length > 0) {
    const normal = trialRotation(wrap, box, false);
    if (normal >= 2 && normal <= FIT_MAX_PAGES && trialRotation(wrap, box, true) < normal) makeCompact(table);
  }
  // The rotated pages are final: the flows' fit step must not resize their tables.
  table?.removeAttribute('data-compact-cols');
  return rotateTable(wrap, box);
}

/** Rotate every wide table in a unit's content (a detached or live element). */
export function rotateWideTables(root: ParentNode): number {
  const box = measureBox(ROTATED_WIDTH_PT);
  let pages = 0;
  try {
    for (const wrap of Array.from(root.querySelectorAll('.gz-tablewrap')) as HTMLElement[]) {
      if (!needsRotationCached(wrap, box)) continue;
      pages += rotateCached(wrap, box);
    }
  } finally {
    box.remove();
  }
  isolateRotatedPages(root);
  return pages;
}

export { REPEAT_CLASS };
