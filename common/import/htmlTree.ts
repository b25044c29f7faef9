/**
 * The few DOM features the HTML importers read, as a structural type, so common/ stays free of DOM
 * typings: the renderer passes the browser's DOMParser tree, main/ passes linkedom's.
 */
export interface HtmlNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<HtmlNodeLike>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses HTML into a tree and optionally purifies it first (DOMPurify where it runs: the browser). */
export interface HtmlEnvironment {
  /** Parse a full HTML string; return its body element. */
  parseBody(html: string): HtmlNodeLike;
  /** Optional extra sanitiser run on the raw string before parsing (DOMPurify in the browser). */
  purify?(html: string): string;
}

export function tagOf(node: HtmlNodeLike): string {
  return node.nodeName.toLowerCase();
}

export function attr(node: HtmlNodeLike, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

/** The browser's DOMParser and, when loaded, DOMPurify; for the renderer's paste handler. */
export function browserHtmlEnvironment(purify?: (html: string) => string): HtmlEnvironment {
  const g = globalThis as unknown as { DOMParser?: new () => { parseFromString(s: string, t: string): { body: HtmlNodeLike } } };
  if (!g.DOMParser) throw new Error('No DOMParser here: pass an HtmlEnvironment (main/ uses linkedom).');
  const Parser = g.DOMParser;
  return {
    // A whole document for every parser (browsers accept fragments; simpler DOMs need the wrapper).
    parseBody: (html) => new Parser().parseFromString(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html').body,
    purify,
  };
}

/**
 * DOMPurify settings for the renderer's paste handler (pass `(html) => DOMPurify.sanitize(html, PASTE_PURIFY_CONFIG)`
 * as `purify`). Styles and classes stay so the cleaners can read Word's list markers, alignment and weight;
 * nothing in them is ever applied: the walk reads a few properties into the model and drops the rest.
 */
/**
 * DOMPurify settings for mammoth's HTML in the .docx import worker: the paste allowlist plus images that point
 * at assets the worker has just stored (`gz-asset:<id>`) and nothing else: no links, no remote or data URLs.
 */
export const DOCX_PURIFY_CONFIG = {
  ALLOWED_TAGS: ['p', 'span', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'sup', 'sub', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'img'],
  ALLOWED_ATTR: ['style', 'class', 'align', 'colspan', 'rowspan', 'src', 'alt'],
  ALLOWED_URI_REGEXP: /^gz-asset:[0-9a-f-]+$/i,
  // DOMPurify tests every attribute that is not "URI safe" against the URI pattern: exempt the table spans.
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'align'],
  KEEP_CONTENT: true,
  ALLOW_DATA_ATTR: false,
};

export const PASTE_PURIFY_CONFIG = {
  ALLOWED_TAGS: [
    'p', 'div', 'span', 'br', 'b', 'strong', 'i', 'em', 'u', 'sup', 'sub', 'font', 'center',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'li', 'blockquote',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'o:p',
  ],
  ALLOWED_ATTR: ['style', 'class', 'align', 'colspan', 'rowspan'],
  KEEP_CONTENT: true,
  ALLOW_DATA_ATTR: false,
} as const;
