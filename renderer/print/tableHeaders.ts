/**
 * Handler 2: a table's header rows repeated on every page the table occupies, during layout.
 * When Paged.js continues a table on a new page it rebuilds the table from the first row's ancestors
 * (table > tbody > tr) without the <thead>. On the first node rendered into such a continued table we
 * insert a copy of the source table's <thead>, before Paged.js measures overflow, so the rows that no
 * longer fit move on. Copies are marked `gz-repeat` so the integrity check ignores them.
 *
 * The rebuilt table has no <colgroup> either: a leader list (fixed layout, flowing in a text column) then
 * split its width equally, so the posts wrapped after six characters beside an empty label column. Its
 * colgroup (marked `gz-cols-keep` by common/render/toHtml.ts) is copied in the same way. Other tables are
 * not: with their own narrow columns a continued part can hold a glued pair (。“) wider than its column,
 * which the cell check refuses (fuzz 99-97), where equal columns print it.
 */
import { Handler } from 'pagedjs';

export const REPEAT_CLASS = 'gz-repeat';

/** The table a rendered node belongs to, if that table was continued from an earlier page. */
export function continuedTable(rendered: Node): HTMLTableElement | null {
  const el = rendered.nodeType === 1 ? (rendered as Element) : rendered.parentElement;
  const table = el?.closest('table');
  return table && table.hasAttribute('data-split-from') ? (table as HTMLTableElement) : null;
}

/** A copy of a header that carries no Paged.js refs (so it is never taken for source content). */
export function headerCopy(thead: HTMLTableSectionElement): HTMLTableSectionElement {
  return refFree(thead.cloneNode(true) as HTMLTableSectionElement);
}

/** A copy marked `gz-repeat`, without Paged.js refs or ids. */
function refFree<T extends Element>(copy: T): T {
  copy.classList.add(REPEAT_CLASS);
  for (const el of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    el.removeAttribute('data-ref');
    el.removeAttribute('id');
  }
  return copy;
}

/** Insert the source table's header into a continued table, once. Returns true if it inserted one. */
export function repeatHeader(rendered: Node, source: Node): boolean {
  const table = continuedTable(rendered);
  if (!table || table.querySelector(':scope > thead')) return false;
  const sourceEl = source.nodeType === 1 ? (source as Element) : source.parentElement;
  const sourceTable = sourceEl?.closest('table');
  const thead = sourceTable?.querySelector(':scope > thead') as HTMLTableSectionElement | null;
  if (!thead) return false;
  const before = table.querySelector(':scope > tbody, :scope > tr');
  table.insertBefore(headerCopy(thead), before);
  return true;
}

/** Insert the source table's column widths into a continued table, once. Returns true if it inserted them. */
export function repeatColumns(rendered: Node, source: Node): boolean {
  const table = continuedTable(rendered);
  if (!table || table.querySelector(':scope > colgroup.gz-cols-keep')) return false;
  const sourceEl = source.nodeType === 1 ? (source as Element) : source.parentElement;
  const colgroup = sourceEl?.closest('table')?.querySelector(':scope > colgroup.gz-cols-keep');
  if (!colgroup) return false;
  table.prepend(refFree(colgroup.cloneNode(true) as Element));
  return true;
}

export class RepeatTableHeaders extends Handler {
  renderNode(clone: Node, node: Node): void {
    repeatColumns(clone, node);
    repeatHeader(clone, node);
  }
}
