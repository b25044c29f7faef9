/**
 * Handler 7: `break-after: avoid` stays inside its document. Paged.js 0.4.3 marks the element after a
 * `break-after` box with `data-previous-break-after`, and "after" is the next element in document order,
 * climbing out of parents: a heading that ends a document (or a region) marks the *next document's*
 * article. When that article's start then does not fit under the previous document, Paged.js's overflow
 * search honours the avoid by moving the break before the previous sibling: the whole previous article,
 * which began the page. That break equals the page's own start, so Paged.js gives up on the page, keeps it
 * overfull and resumes after the previous article: the next document's beginning is laid out twice (on
 * the overfull page and again on the next one; the integrity check reports "text repeated").
 *
 * A document always may break from the one before it, and a region starts on a page of its own, so the
 * avoid is dropped where it would cross into a document or region; inside a block it stays as it is.
 */
import { Handler } from 'pagedjs';

/** Elements that begin a document or a region: a break before them is always allowed. */
const BOUNDARY = 'article[data-doc-id], .gz-region';

/** Remove the avoid that Paged.js carried over a document or region boundary; returns how many. */
export function dropBoundaryAvoids(parsed: ParentNode): number {
  let dropped = 0;
  for (const el of Array.from(parsed.querySelectorAll('[data-previous-break-after="avoid"]'))) {
    if (!el.matches(BOUNDARY)) continue;
    el.removeAttribute('data-previous-break-after');
    dropped++;
  }
  return dropped;
}

export class DocumentBoundaryBreaks extends Handler {
  // Runs after Paged.js's own Breaks module has set the attributes (core handlers are registered first).
  afterParsed(parsed: ParentNode): void {
    dropBoundaryAvoids(parsed);
  }
}
