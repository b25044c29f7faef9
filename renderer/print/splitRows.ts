/**
 * Splitting one tall table row across pages (format §6: a row may break across pages only when it is
 * taller than half the available height). The row keeps the text that fits; a new row after it gets the
 * rest of every cell, at the same columns. Cells spanning rows (from this row or from above) are not cut:
 * they span one more row. Measuring is left to the caller (`fits`), so this also runs on DOMs without layout.
 */
import { placeCells, span } from './tableSlices';

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else walk(child);
    }
  };
  walk(root);
  return out;
}

/** Number of characters of text in an element. */
export function textLength(root: Node): number {
  return textNodes(root).reduce((s, t) => s + t.data.length, 0);
}

/** Inline elements a cut may leave empty (a cell's paragraphs stay, so the cell keeps its lines' style). */
const INLINE = new Set(['SPAN', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'SUP', 'SUB', 'A', 'SMALL', 'MARK']);

/**
 * Keep the first `count` characters of `root`'s text (`keep` = 'head') or all but them ('tail'). Text nodes
 * and inline elements left empty are removed: Paged.js takes an empty element at the end of a block for
 * content still to come, and splits the block after it.
 */
export function cutText(root: Node, count: number, keep: 'head' | 'tail'): void {
  let seen = 0;
  for (const node of textNodes(root)) {
    const start = seen;
    seen += node.data.length;
    const inHead = Math.max(0, Math.min(node.data.length, count - start));
    node.data = keep === 'head' ? node.data.slice(0, inHead) : node.data.slice(inHead);
    if (node.data === '' && node.parentNode !== root) node.remove();
  }
  pruneEmptyInline(root);
}

function pruneEmptyInline(node: Node): void {
  for (let child = node.firstChild; child; ) {
    const next = child.nextSibling;
    if (child.nodeType === 1) {
      pruneEmptyInline(child);
      if (INLINE.has((child as Element).tagName) && child.childNodes.length === 0) child.remove();
    }
    child = next;
  }
}

/** Largest k in 0..total with fits(k), for a `fits` that holds up to some k and fails after it. */
export function largestFitting(total: number, fits: (k: number) => boolean): number {
  let lo = 0;
  let hi = total;
  if (fits(total)) return total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A cut at `count` characters moved back to the start of the no-break run (gz-nobr: a character held to
 * its punctuation, common/render/toHtml.ts) it falls in, so no part starts a line with 。 or ）.
 */
export function outsideNoBreak(root: Element, count: number): number {
  let seen = 0;
  let runStart = -1;
  let run: Element | null = null;
  for (const node of textNodes(root)) {
    const start = seen;
    seen += node.data.length;
    const nobr = node.parentElement?.closest('.gz-nobr') ?? null;
    const inRun = nobr !== null && root.contains(nobr) ? nobr : null;
    if (inRun !== run) {
      run = inRun;
      runStart = start;
    }
    // The first character after the cut: inside a run that began before it, cut where the run begins.
    if (count >= start && count < seen) return run && runStart < count && runStart > 0 ? runStart : count;
  }
  return count;
}

/**
 * Split `row` (a body row of its table section) so that every cell of it passes `fits(cell)`; the rest
 * of each cell goes into a new row inserted after it, which is returned. Null when nothing can move
 * (no cell holds text that does not fit) or the row has no cells of its own.
 */
export function splitRow(row: HTMLTableRowElement, fits: (cell: HTMLTableCellElement) => boolean): HTMLTableRowElement | null {
  const section = row.parentElement;
  if (!section) return null;
  const rows = Array.from(section.children).filter((r) => r.tagName === 'TR') as HTMLTableRowElement[];
  const index = rows.indexOf(row);
  const placed = placeCells(rows);
  const tail = row.cloneNode(false) as HTMLTableRowElement;
  tail.removeAttribute('id');
  let moved = false;
  for (const p of placed.filter((c) => c.row === index)) {
    const cell = p.cell;
    if (span(cell, 'rowspan') > 1) continue;
    const rest = cell.cloneNode(true) as HTMLTableCellElement;
    rest.removeAttribute('id');
    const total = textLength(cell);
    const original = cell.cloneNode(true) as HTMLTableCellElement;
    let keep = fits(cell)
      ? total
      : largestFitting(total, (k) => {
          cell.replaceChildren(...Array.from(original.cloneNode(true).childNodes));
          cutText(cell, k, 'head');
          return fits(cell);
        });
    keep = outsideNoBreak(original, keep);
    cell.replaceChildren(...Array.from(original.cloneNode(true).childNodes));
    cutText(cell, keep, 'head');
    cutText(rest, keep, 'tail');
    if (keep < total) moved = true;
    tail.appendChild(rest);
  }
  if (!moved || tail.children.length === 0) {
    // Nothing moved: put the row back as it was.
    return null;
  }
  // Cells spanning rows that include this one now span the new row too.
  for (const p of placed) {
    const rs = span(p.cell, 'rowspan');
    if (rs > 1 && p.row <= index && p.row + rs - 1 >= index) p.cell.setAttribute('rowspan', String(rs + 1));
  }
  row.after(tail);
  return tail;
}
