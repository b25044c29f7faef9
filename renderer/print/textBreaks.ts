/**
 * Handler 6: exact break offsets in split text. When Paged.js 0.4.3 breaks a page inside a text node it
 * turns the offset in the rendered (possibly already continued) text node into an offset in the source
 * node by searching: `indexOfTextNode` takes the first source text node that *contains* the rendered text,
 * and `createBreakToken` adds `source.indexOf(rendered)` (chunker/layout.js). The rendered node of a
 * continued paragraph holds the source text from the previous break on; when that text repeats (a pasted
 * list of similar entries), the search finds an earlier copy, and the next page starts again from there:
 * text is printed twice and the integrity check fails ("text differs").
 *
 * We remember, for every text node Paged.js renders, which source node it was cloned from and where in
 * that node its text starts (a continuation is `source.substring(offset)`), and correct the break token
 * from that instead of a search.
 */
import { Handler } from 'pagedjs';

export interface TextOrigin {
  source: Text;
  /** Offset in the source node's text where the rendered node's text begins. */
  start: number;
}

/** Rendered text node -> its source. Weak: pages are thrown away with their nodes. */
const origins = new WeakMap<Node, TextOrigin>();

const isText = (node: Node | null | undefined): node is Text => !!node && node.nodeType === 3;

/** Record a rendered text node's source (Paged.js renders a continuation as `source.substring(offset)`). */
export function rememberOrigin(clone: Node, node: Node): void {
  if (!isText(clone) || !isText(node)) return;
  const start = node.data.length - clone.data.length;
  // A continuation is a suffix of its source; anything else is not ours to interpret.
  if (start < 0 || !node.data.endsWith(clone.data)) return;
  origins.set(clone, { source: node, start });
}

/** The element in the source that a rendered element was cloned from (Paged.js marks both with data-ref). */
function sourceElement(rendered: Element, anySourceNode: Node): Element | null {
  const ref = rendered.getAttribute('data-ref');
  if (!ref) return null;
  let root: Node = anySourceNode;
  while (root.parentNode) root = root.parentNode;
  return (root as ParentNode).querySelector?.(`[data-ref="${ref}"]`) ?? null;
}

/**
 * Where a rendered text node comes from. Text inside an inline element that Paged.js cloned whole (a
 * marked run) never passes through renderNode: it is a full copy of the source child at the same index.
 */
export function originOf(rendered: Text, anySourceNode: Node): TextOrigin | null {
  const known = origins.get(rendered);
  if (known) return known;
  const parent = rendered.parentElement;
  const sourceParent = parent && sourceElement(parent, anySourceNode);
  if (!parent || !sourceParent) return null;
  const index = Array.prototype.indexOf.call(parent.childNodes, rendered);
  const source = sourceParent.childNodes[index];
  return isText(source) && source.data === rendered.data ? { source, start: 0 } : null;
}

interface BreakTokenLike {
  node?: Node;
  offset?: number;
}

/**
 * The break token Paged.js should have made for an overflow that starts in (or just before) a rendered
 * text node, or null to keep Paged.js's own token (elements, nodes we cannot place).
 */
export function exactBreak(token: BreakTokenLike, overflow: Pick<Range, 'startContainer' | 'startOffset'>): { node: Text; offset: number } | null {
  if (!token.node) return null;
  const { startContainer, startOffset } = overflow;
  if (isText(startContainer)) {
    const origin = originOf(startContainer, token.node);
    return origin ? { node: origin.source, offset: origin.start + startOffset } : null;
  }
  // Overflow starts between children, before a text node. Paged.js breaks before the text node its search
  // found, or before the parent when that is the first child; keep the latter when it is right.
  const next = startContainer.childNodes[startOffset];
  if (!isText(next)) return null;
  const origin = originOf(next, token.node);
  if (!origin) return null;
  if (origin.start === 0 && origin.source.parentNode?.firstChild === origin.source && token.node === origin.source.parentNode) return null;
  return { node: origin.source, offset: origin.start };
}

export class ExactTextBreaks extends Handler {
  renderNode(clone: Node, node: Node): void {
    rememberOrigin(clone, node);
  }

  onBreakToken(token: BreakTokenLike | undefined, overflow: Range | undefined): BreakTokenLike | undefined {
    if (!token || !overflow) return undefined;
    const exact = exactBreak(token, overflow);
    if (!exact || (exact.node === token.node && exact.offset === token.offset)) return undefined;
    token.node = exact.node;
    token.offset = exact.offset;
    return token;
  }
}
