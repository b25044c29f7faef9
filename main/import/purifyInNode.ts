/**
 * The sanitiser of the .docx import worker: an allowlist applied to mammoth's HTML on the linkedom tree that the
 * allowlist walk of common/import then reads. Same allowlist as the browser's DOMPurify settings
 * (DOCX_PURIFY_CONFIG): other elements are unwrapped (their text stays), the content of script-like and foreign
 * elements goes with them, only the listed attributes stay, no event handler ever, and an image source only when
 * it names an asset the worker has just stored (`gz-asset:<id>`).
 *
 * Why not DOMPurify here: outside a browser it needs jsdom (it does not run on linkedom), and requiring jsdom was
 * most of the worker's start (2–5 s of the first import on a loaded 2-core machine, against about 1 s for the
 * whole bundle now). Nothing this tree holds is ever written back as HTML: the walk copies text and a few
 * attributes into the model, so a tree filter is all the worker needs.
 */
import { parseHTML } from 'linkedom';
import { DOCX_PURIFY_CONFIG } from '../../common/import/htmlTree';

/** The part of linkedom's DOM used here. */
interface TreeNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<TreeNode>;
  parentNode: TreeNode | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
  removeAttribute?(name: string): void;
  insertBefore(node: TreeNode, before: TreeNode | null): TreeNode;
  removeChild(node: TreeNode): TreeNode;
}

const ELEMENT = 1;
const TEXT = 3;
const ALLOWED_TAGS = new Set<string>(DOCX_PURIFY_CONFIG.ALLOWED_TAGS);
const ALLOWED_ATTR = new Set<string>(DOCX_PURIFY_CONFIG.ALLOWED_ATTR);
/** Elements whose content is code, styling or another vocabulary, never document text: removed whole. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'noframes', 'svg', 'math', 'xmp', 'plaintext', 'title', 'head', 'meta', 'link', 'base', 'audio', 'video', 'canvas',
  'textarea', 'select', 'option', 'button',
]);
/** Attribute values that could still carry a script or a remote reference. */
const DANGEROUS_VALUE = /javascript:|vbscript:|data:|expression\s*\(|url\s*\(/i;

function cleanAttributes(el: TreeNode): void {
  for (const { name, value } of Array.from(el.attributes ?? [])) {
    const lower = name.toLowerCase();
    const keep =
      ALLOWED_ATTR.has(lower) &&
      (lower === 'src' ? el.nodeName.toLowerCase() === 'img' && DOCX_PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(value.trim()) : !DANGEROUS_VALUE.test(value));
    if (!keep) el.removeAttribute?.(name);
  }
}

/** Sanitise `root`'s descendants in place (see above). */
export function sanitizeDocxTree(root: TreeNode): void {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === TEXT) continue;
    if (child.nodeType !== ELEMENT) {
      root.removeChild(child); // comments, processing instructions, CDATA
      continue;
    }
    const tag = child.nodeName.toLowerCase();
    if (DROP_WITH_CONTENT.has(tag)) {
      root.removeChild(child);
      continue;
    }
    sanitizeDocxTree(child);
    if (ALLOWED_TAGS.has(tag)) {
      cleanAttributes(child);
      continue;
    }
    // Not on the list: its (already cleaned) content takes its place.
    for (const grandchild of Array.from(child.childNodes)) root.insertBefore(grandchild, child);
    root.removeChild(child);
  }
}

/** mammoth's HTML parsed by linkedom and sanitised: the body the walk reads. */
export function sanitizedDocxBody(html: string): TreeNode & { innerHTML: string } {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as unknown as { document: { body: TreeNode & { innerHTML: string } } };
  sanitizeDocxTree(document.body);
  return document.body;
}

/** The same as HTML text (for tests and the warm-up). */
export function purifyDocxHtml(html: string): string {
  return sanitizedDocxBody(html).innerHTML;
}
