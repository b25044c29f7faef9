/**
 * Handler 8: no paragraph leaves its last line alone at the top of the next page (widows 2 at page breaks).
 * Chromium keeps `widows` between the columns of a row, but not where the text wraps to the next row of
 * columns (`column-wrap: wrap`, the page's foot; nor on full-width pages, which do not fragment at all),
 * and Paged.js 0.4.3 breaks the page exactly where the text leaves the page area. A document's source URL
 * or a two-line closing paragraph then printed one line on a page of its own.
 *
 * When the part of a paragraph below the page area is a single line, the break moves back to the start of
 * the paragraph's last line on the page (two lines go over), or before the paragraph when it began on that
 * line (the whole short paragraph goes over, with a heading kept with it).
 */
import { Handler } from 'pagedjs';
import { GRID_PT } from './gridSnap';
import { originOf } from './textBreaks';

/** Blocks kept with the block after them (as in spanningBreaks.ts / journal.css `break-after: avoid`). */
const KEPT_WITH_NEXT = '.gz-h:not(.gz-runin), .gz-titleblock, .gz-attheading';

/** Tolerance for rounding in Chromium's layout (px). */
const SLACK_PX = 1;

const isText = (node: Node | null | undefined): node is Text => !!node && node.nodeType === 3;

/** The nearest block-level ancestor of `node` inside `rendered` (the paragraph a break falls in). */
function paragraphOf(node: Node, rendered: HTMLElement): HTMLElement | null {
  for (let el = isText(node) ? node.parentElement : (node as Element); el && el !== rendered; el = el.parentElement) {
    if (!(el instanceof HTMLElement)) continue;
    const display = getComputedStyle(el).display;
    if (display === 'block' || display === 'list-item') return el.matches('p, h1, h2, h3, h4, h5, h6, li, div') ? el : null;
  }
  return null;
}

/** The text nodes of `root` with printing text, in order. */
function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\S/.test(node.textContent ?? '')) nodes.push(node as Text);
  return nodes;
}

/** Line boxes of the text in `range` (rects at one height that touch are one line; columns are apart). */
function lineCount(range: Range): number {
  const lines: Array<{ left: number; right: number; top: number }> = [];
  for (const rect of Array.from(range.getClientRects())) {
    if (rect.width <= 0 || rect.height <= 0) continue;
    const line = lines.find((l) => Math.abs(l.top - rect.top) <= SLACK_PX && rect.left <= l.right + SLACK_PX && rect.right >= l.left - SLACK_PX);
    if (line) {
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
    } else lines.push({ left: rect.left, right: rect.right, top: rect.top });
  }
  return lines.length;
}

/** Is the rendered paragraph laid out to its end (Paged.js may check for overflow before its last runs)? */
function complete(para: HTMLElement): boolean {
  const texts = textNodes(para);
  const last = texts[texts.length - 1];
  const origin = last && originOf(last, last);
  if (!last || !origin) return false;
  // The source paragraph (same data-ref) ends with the rendered one's last text.
  const ref = para.getAttribute('data-ref');
  let root: Node = origin.source;
  while (root.parentNode) root = root.parentNode;
  const source = ref ? (root as ParentNode).querySelector?.(`[data-ref="${ref}"]`) : null;
  const sourceTexts = source ? textNodes(source) : [];
  return sourceTexts[sourceTexts.length - 1] === origin.source && origin.start + last.data.length === origin.source.data.length;
}

/** The position (text node, offset) where the line holding the character before `node@offset` begins. */
function lineStart(para: HTMLElement, node: Text, offset: number): { node: Text; offset: number } | null {
  const texts = textNodes(para);
  const index = texts.indexOf(node);
  if (index < 0) return null;
  const range = document.createRange();
  const rectOf = (t: Text, i: number) => {
    range.setStart(t, i);
    range.setEnd(t, i + 1);
    return Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
  };
  // Walking back character by character: the line ends where a character sits higher or further right.
  let previous: DOMRect | undefined;
  let start: { node: Text; offset: number } | null = null;
  for (let n = index; n >= 0; n--) {
    const text = texts[n];
    for (let i = (n === index ? offset : text.data.length) - 1; i >= 0; i--) {
      const rect = rectOf(text, i);
      if (!rect) continue;
      if (previous && (Math.abs(rect.top - previous.top) > SLACK_PX || rect.left > previous.left + SLACK_PX)) return start;
      start = { node: text, offset: i };
      previous = rect;
    }
  }
  return start;
}

/** Does anything print in `rendered` before the point? (Else the break would be the page's start.) */
function printsBefore(rendered: HTMLElement, node: Node, offset: number): boolean {
  const range = document.createRange();
  range.setStart(rendered, 0);
  range.setEnd(node, offset);
  return /\S/.test(range.toString()) || !!range.cloneContents().querySelector('img');
}

/**
 * The overflow moved back so that no paragraph's last line goes alone to the next page, or undefined to
 * keep it. Only a break inside a paragraph's text, whose rest below the page area is one line.
 */
export function widowOverflow(overflow: Range | undefined, rendered: HTMLElement): Range | undefined {
  if (!overflow || !isText(overflow.startContainer) || overflow.startOffset === 0) return undefined;
  const node = overflow.startContainer;
  const para = paragraphOf(node, rendered);
  // Table cells break by rows (splitTables.ts, columnTables.ts), not here.
  if (!para || para.closest('table') || !complete(para)) return undefined;
  const rest = document.createRange();
  rest.setStart(node, overflow.startOffset);
  rest.setEndAfter(para.lastChild ?? para);
  if (lineCount(rest) !== 1) return undefined;
  const start = lineStart(para, node, overflow.startOffset);
  if (!start) return undefined;
  const before = document.createRange();
  before.setStart(para, 0);
  before.setEnd(start.node, start.offset);
  const moved = document.createRange();
  moved.setEnd(overflow.endContainer, overflow.endOffset);
  if (/\S/.test(before.toString())) moved.setStart(start.node, start.offset);
  else {
    // The paragraph began on that line: it goes over whole, with the heading kept with it.
    let first: Element = para;
    for (let prev = first.previousElementSibling; prev?.matches(KEPT_WITH_NEXT); prev = first.previousElementSibling) first = prev;
    moved.setStartBefore(first);
  }
  if (!printsBefore(rendered, moved.startContainer, moved.startOffset)) return undefined;
  return moved;
}

export class KeepWidows extends Handler {
  onOverflow(overflow: Range | undefined, rendered: HTMLElement): Range | undefined {
    return widowOverflow(overflow, rendered);
  }
}

const PX_PER_PT = 96 / 72;

/**
 * A closing page whose balanced right column holds one line, the last of a paragraph begun in the left
 * column (Chromium's `column-fill: balance` splits a two-line paragraph one and one, against widows 2):
 * the line goes back under its paragraph and the page's text stays in the left column. Returns true if
 * it changed the page.
 */
export function keepClosingWidow(page: HTMLElement): boolean {
  const box = page.querySelector('.pagedjs_page_content > div') as HTMLElement | null;
  if (!box || page.classList.contains('gz-page-full')) return false;
  const frame = box.getBoundingClientRect();
  const middle = frame.left + frame.width / 2;
  const range = document.createRange();
  let leftBottom = 0;
  const right: Array<{ top: number; para: Element | null }> = [];
  const leftParas = new Set<Element>();
  for (const text of textNodes(box)) {
    range.selectNodeContents(text);
    const para = text.parentElement && paragraphOf(text, box);
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.width <= 0 || rect.height <= 0) continue;
      if (rect.left + rect.width / 2 < middle) {
        leftBottom = Math.max(leftBottom, rect.bottom - frame.top);
        if (para) leftParas.add(para);
      } else right.push({ top: rect.top, para });
    }
  }
  if (right.length === 0 || right.some((r) => Math.abs(r.top - right[0].top) > SLACK_PX)) return false;
  const para = right[0].para;
  if (!para || !leftParas.has(para) || right.some((r) => r.para !== para)) return false;
  const saved = box.getAttribute('style');
  const lines = Math.ceil(leftBottom / (GRID_PT * PX_PER_PT) - 0.05) + 1;
  box.style.setProperty('column-fill', 'auto');
  box.style.setProperty('column-height', `${(lines * GRID_PT).toFixed(2)}pt`);
  // Kept only if the right column is now empty and nothing left the page.
  const moved = textNodes(box).every((text) => {
    range.selectNodeContents(text);
    return Array.from(range.getClientRects()).every((r) => r.width <= 0 || (r.left + r.width / 2 < middle && r.bottom - frame.top <= lines * GRID_PT * PX_PER_PT + SLACK_PX));
  });
  if (moved) return true;
  if (saved === null) box.removeAttribute('style');
  else box.setAttribute('style', saved);
  return false;
}
