/**
 * A guard before linkedom parses an HTML file in the app's main process: linkedom's time grows much faster
 * than the nesting depth (100,000 nested <div>: 7–11 s; 200,000: 75 s; 400,000: over 2 minutes, on a
 * loaded 2-core machine), so a small hostile page would freeze the app. Browsers themselves stop nesting at
 * 512 levels (Chromium's HTML parser), and government pages nest a few dozen deep.
 *
 * The depth is estimated in one linear scan of the tags, as an HTML parser would nest them: void elements
 * and self-closed tags do not nest, an end tag closes up to its open element (an end tag with none open is
 * ignored), a new <p>, <li>, <td>… closes an open one at the top, and raw text (script, style, comments) is
 * skipped. Unclosed elements count, so the estimate is never below the real depth.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements whose start closes an open element of the same name at the top (<p>a<p>b, <li>…<li>). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
/** Far above any real page, far below what makes linkedom slow. */
export const MAX_HTML_DEPTH = 1000;

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;

export function htmlNestingExceeds(html: string, limit = MAX_HTML_DEPTH): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    return name;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [, slash, rawName, selfClosed] = m;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (slash) {
      if ((open.get(name) ?? 0) > 0) while (pop() !== name);
      continue;
    }
    if (VOID.has(name) || selfClosed) continue;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = TAG.lastIndex;
      const end = close.exec(html);
      if (!end) break;
      TAG.lastIndex = end.index;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) pop();
    push(name);
    if (stack.length > limit) return true;
  }
  return false;
}
