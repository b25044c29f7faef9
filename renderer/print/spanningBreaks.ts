/**
 * Page breaks around blocks set across both columns (`column-span: all`: pictures, title blocks, 落款
 * after a table), as a typesetter makes them: a picture that does not fit in the room left on the page
 * goes whole to the next page, and the heading or title right before it goes along (kept with the
 * picture, never left alone at the foot of the page); a title that does not fit goes there with its text;
 * when no line of text fits below a picture, the text starts the next page.
 *
 * Why a handler: in a page's two-column box Chromium lays a spanning block that is taller than the room
 * left (or the column text after one, when not even two lines fit below it) out in extra columns beside
 * the page. The section, article and region around it then report that place as their box, and Paged.js
 * 0.4.3 (chunker/layout.js findOverflow) takes the section for the overflow: the overflow starts at the
 * page's start, the break token points at the page's first node, and the page is laid out again from there
 * (text printed twice), or no overflow is seen and the block stays beside the page (never printed). Where
 * that happens we set the overflow at the spanning block instead.
 */
import { Handler } from 'pagedjs';

type Bounds = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

/** Tolerance for rounding in Chromium's layout (px). */
const SLACK_PX = 1;

/** Class of a page that ends early because a spanning block or the text after it went to the next page. */
export const ENDS_EARLY_CLASS = 'gz-ends-early';

/** Text and pictures: what prints. */
function printingLeaves(rendered: HTMLElement): Node[] {
  const leaves: Node[] = [];
  const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE ? /\S/.test(node.textContent ?? '') : (node as Element).tagName === 'IMG') leaves.push(node);
  }
  return leaves;
}

function rectsOf(node: Node): DOMRect[] {
  if (node.nodeType !== Node.TEXT_NODE) return [(node as Element).getBoundingClientRect()];
  const range = document.createRange();
  range.selectNodeContents(node);
  return Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
}

/** A line (or picture) at or beyond the page area's right or bottom edge, where Paged.js looks for overflow. */
const offPage = (r: DOMRect, bounds: Bounds) => r.left >= bounds.right - SLACK_PX || r.top >= bounds.bottom - SLACK_PX;

/** Is the block (partly) outside the page area? */
const outside = (r: DOMRect, bounds: Bounds) => r.right > bounds.right + SLACK_PX || r.bottom > bounds.bottom + SLACK_PX;

const precedes = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) && !a.contains(b);

/** The spanning blocks of the page, in order. Only pictures on a full-width page (no columns there). */
function spanningBlocks(rendered: HTMLElement): HTMLElement[] {
  const full = !!rendered.closest('.gz-page-full');
  return Array.from(rendered.querySelectorAll<HTMLElement>('.gz-region > *')).filter((el) =>
    full ? el.classList.contains('gz-figure') : getComputedStyle(el).columnSpan === 'all',
  );
}

/**
 * Blocks kept with the block after them: a heading that is not run on into its text (`break-after: avoid`
 * in journal.css), a title block, a 附件N line. Paged.js does not keep them when a handler breaks the page.
 */
const KEPT_WITH_NEXT = '.gz-h:not(.gz-runin), .gz-titleblock, .gz-attheading';

/** The first of the blocks kept with `block` that run up to it (`block` itself when none). */
function keptWith(block: HTMLElement): HTMLElement {
  let first = block;
  for (let prev = first.previousElementSibling; prev instanceof HTMLElement && prev.matches(KEPT_WITH_NEXT); prev = first.previousElementSibling) first = prev;
  return first;
}

/** A block's height with its vertical margins (px). */
function outerHeight(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

/**
 * The height of the blocks from `kept` up to `block` as laid out on the page (`block` itself may have been
 * set beside the page, so its own position says nothing).
 */
function keptHeight(kept: HTMLElement, block: HTMLElement): number {
  const last = block.previousElementSibling as HTMLElement;
  return last.getBoundingClientRect().bottom - kept.getBoundingClientRect().top;
}

interface Point {
  node: Node;
  offset: number;
}
const before = (el: Node): Point => ({ node: el.parentNode!, offset: Array.prototype.indexOf.call(el.parentNode!.childNodes, el) });
const after = (el: Node): Point => ({ node: el.parentNode!, offset: Array.prototype.indexOf.call(el.parentNode!.childNodes, el) + 1 });

/** Where the page should break because of a spanning block, or null when none is in the way. */
export function spanningBreakPoint(rendered: HTMLElement, bounds: Bounds): Point | null {
  const leaves = printingLeaves(rendered);
  for (const block of spanningBlocks(rendered)) {
    const contentBefore = leaves.some((leaf) => precedes(leaf, block));
    if (outside(block.getBoundingClientRect(), bounds)) {
      // Too tall for the room left: to the next page, whole (unless it starts the page: fit-figures made
      // pictures fit an empty page; anything else is left to Paged.js), with the headings kept with it
      // unless they start the page too.
      if (!contentBefore) return null;
      const kept = keptWith(block);
      // Only where the headings and the picture fit one page together: else the headings would end up
      // alone on a page of their own.
      const together = kept !== block && keptHeight(kept, block) + outerHeight(block) <= bounds.bottom - bounds.top + SLACK_PX;
      return together && leaves.some((leaf) => precedes(leaf, kept)) ? before(kept) : before(block);
    }
    const next = leaves.find((leaf) => precedes(block, leaf));
    const firstRect = next && rectsOf(next)[0];
    if (firstRect && offPage(firstRect, bounds)) {
      // Not one line of what follows fits below the block: the page ends after it, or, for a title (kept
      // with its text), before it.
      const title = block.classList.contains('gz-titleblock');
      if (title && contentBefore) return before(block);
      return block.nextElementSibling ? before(block.nextElementSibling) : after(block);
    }
  }
  return null;
}

/**
 * The overflow the page should have, or undefined to keep Paged.js's `overflow`. Paged.js's own stands
 * when it starts before the spanning block's break and what lies between truly runs off the page.
 */
export function spanningOverflow(overflow: Range | undefined, rendered: HTMLElement, bounds: Bounds): Range | undefined {
  const point = spanningBreakPoint(rendered, bounds);
  if (!point || !rendered.lastChild) return undefined;
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.setEndAfter(rendered.lastChild);
  if (overflow && range.comparePoint(overflow.startContainer, overflow.startOffset) < 0) {
    const between = document.createRange();
    between.setStart(overflow.startContainer, overflow.startOffset);
    between.setEnd(point.node, point.offset);
    const runsOff = printingLeaves(rendered).some((leaf) => between.intersectsNode(leaf) && rectsOf(leaf).some((r) => offPage(r, bounds)));
    if (runsOff) return undefined;
  }
  return range;
}

export class SpanningBreaks extends Handler {
  onOverflow(overflow: Range | undefined, rendered: HTMLElement, bounds: DOMRect): Range | undefined {
    const moved = spanningOverflow(overflow, rendered, bounds);
    if (moved) rendered.closest('.pagedjs_page')?.classList.add(ENDS_EARLY_CLASS);
    return moved;
  }
}
