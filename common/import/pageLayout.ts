/**
 * A government web page's frame, seen through before the paragraphs are read: the page's own
 * navigation elements (`<nav>`, `<header>`, `<footer>`, `<aside>`) are not the document, and a table
 * that holds another table is page layout (old municipal CMS templates put the whole page, body
 * included, in nested tables), so its cells are read as blocks, each with its own alignment. A page's
 * <h1>/<h2> heading is centred by the site's CSS: it is read as centred. A link that runs script (print,
 * close, font size) is one of the page's controls.
 *
 * Pure: returns a read-only view of the parsed tree (HtmlNodeLike), the tree itself is not changed.
 */
import { ELEMENT_NODE, attr, tagOf, type HtmlNodeLike } from './htmlTree';

/** Elements that hold the site's navigation, never a 公文's text. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
/** A <header> inside an <article>, <section> or <main> is that article's header (HTML's own scoping), not the site's banner. */
const SECTIONING = new Set(['article', 'section', 'main']);

/**
 * A link that runs script instead of leading anywhere (打印本页, 关闭窗口, 返回顶部, 收藏, 字号 大 中 小, 分享):
 * a control of the page, whatever its words; a 公文's text never needs script.
 */
function isScriptLink(node: HtmlNodeLike): boolean {
  if (tagOf(node) !== 'a') return false;
  const href = attr(node, 'href').trim();
  if (!/^javascript:/i.test(href) && !(attr(node, 'onclick') && (href === '' || href.startsWith('#')))) return false;
  // A control says one short thing (打印, 关闭窗口, 大); a script link to an attachment names its file.
  const text = (node.textContent ?? '').replace(/[\s\u3000【】[\]]/g, '');
  return text.length <= 10 && !/\.[A-Za-z]{2,4}$|\d/.test(text);
}
const MAX_DEPTH = 200;

export interface PageView {
  body: HtmlNodeLike;
  /** The text of each chrome element left out (for the import report). */
  dropped: string[];
}

function hasNestedTable(table: HtmlNodeLike, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const child of Array.from(table.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (tagOf(child) === 'table') return true;
    if (hasNestedTable(child, depth + 1)) return true;
  }
  return false;
}

/** The cells of a layout table, in reading order (rows of rows, through thead/tbody). */
function layoutCells(table: HtmlNodeLike): HtmlNodeLike[] {
  const cells: HtmlNodeLike[] = [];
  const walk = (node: HtmlNodeLike) => {
    for (const child of Array.from(node.childNodes)) {
      const tag = tagOf(child);
      if (tag === 'td' || tag === 'th') cells.push(child);
      else if (tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot') walk(child);
    }
  };
  walk(table);
  return cells;
}

/** A node seen as another tag (a layout cell as a div), with its attributes and a filtered child list. */
function virtualNode(source: HtmlNodeLike, nodeName: string, children: () => HtmlNodeLike[]): HtmlNodeLike {
  let cached: HtmlNodeLike[] | undefined;
  return {
    nodeType: ELEMENT_NODE,
    nodeName,
    get childNodes() {
      cached ??= children();
      return cached;
    },
    textContent: source.textContent,
    getAttribute: (name: string) => (source.getAttribute ? source.getAttribute(name) : null),
  };
}

/**
 * A page's <h1>/<h2> with no alignment of its own is its title line, which the site's CSS centres: read as
 * centred, like the title the document prints (a Word file never comes this way).
 */
function centredHeading(source: HtmlNodeLike, viewed: HtmlNodeLike): HtmlNodeLike {
  if (attr(source, 'align') || /text-align/i.test(attr(source, 'style'))) return viewed;
  return {
    nodeType: viewed.nodeType,
    nodeName: viewed.nodeName,
    get childNodes() {
      return viewed.childNodes;
    },
    textContent: viewed.textContent,
    getAttribute: (name: string) => (name.toLowerCase() === 'align' ? 'center' : (source.getAttribute?.(name) ?? null)),
  };
}

export function pageView(body: HtmlNodeLike): PageView {
  const dropped: string[] = [];
  // The page's script controls, reported together (one line of the report, not one per button).
  const controls: string[] = [];
  const view = (node: HtmlNodeLike, depth: number, nodeName = node.nodeName, inArticle = false): HtmlNodeLike => {
    if (node.nodeType !== ELEMENT_NODE || depth > MAX_DEPTH) return node;
    const within = inArticle || SECTIONING.has(tagOf(node));
    return virtualNode(node, nodeName, () => {
      const out: HtmlNodeLike[] = [];
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType !== ELEMENT_NODE) {
          out.push(child);
          continue;
        }
        const tag = tagOf(child);
        // An <article>'s own <header> holds the document's title (and the page's info line, left to the line rules).
        const articleHeader = tag === 'header' && within;
        if ((CHROME_TAGS.has(tag) && !articleHeader) || attr(child, 'role') === 'navigation' || isScriptLink(child)) {
          const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (text) (isScriptLink(child) ? controls : dropped).push(text);
          continue;
        }
        if (tag === 'table' && hasNestedTable(child)) {
          // Each layout cell a block of its own (a <td align=center> stays centred).
          out.push(...layoutCells(child).map((cell) => view(cell, depth + 1, 'DIV', within)));
          continue;
        }
        out.push(tag === 'h1' || tag === 'h2' ? centredHeading(child, view(child, depth + 1, child.nodeName, within)) : view(child, depth + 1, child.nodeName, within));
      }
      return out;
    });
  };
  const viewed = view(body, 0);
  return {
    body: viewed,
    // Read when the caller has walked the view (the children are listed lazily).
    get dropped() {
      return controls.length ? [...dropped, `页面按钮：${controls.join(' / ')}`] : dropped;
    },
  };
}
