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
    parseBody: (html) => new Parser().parseFromString(html, 'text/html').body,
    purify,
  };
}
