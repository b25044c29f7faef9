/**
 * Scripts that run in the print page (both engines evaluate the same source text): lay out with the
 * pages parked out of the screen, fingerprint each laid-out page, and print only some pages.
 *
 * They are plain JavaScript strings, not functions: a function passed to page.evaluate is serialised with
 * whatever helpers the TypeScript transform added, which do not exist in the page.
 *
 * A page's key covers everything that decides how Chromium prints it: the page element's HTML (content,
 * running head, folio, classes), the open tags of its ancestors (container classes the CSS selects on),
 * its position (index in the document and among its siblings, for :nth-child rules), and a document key
 * made of the browser, the <html> and <body> attributes (fonts mode) and the whole <head> (every style
 * sheet, font faces included). Same key => same printed page.
 */

import type { LayoutJob } from '../../common/render/printJob';
import { hashString } from '../../common/render/html';

export const PARKED_STYLE_ID = 'gz-parked';
/** Parked pages: hidden on screen, shown in print. */
const PARK_CSS = '@media screen { #gz-root { display: none !important; } }';

/**
 * Expression running `gazettePrint.layout(job)` and, in the same task as it finishes, parking the pages:
 * hidden on screen, shown in print. Nobody looks at the engine's page, yet Chromium would lay the whole
 * issue out for the screen (hundreds of ms) before printing lays it out again for paper; parked, only the
 * print layout is done. The park is lifted before the next layout (Paged.js measures on screen).
 */
export function parkedLayoutScript(job: LayoutJob): string {
  return `((job) => {
  document.getElementById(${JSON.stringify(PARKED_STYLE_ID)})?.remove();
  return window.gazettePrint.layout(job).then((result) => {
    const style = document.createElement('style');
    style.id = ${JSON.stringify(PARKED_STYLE_ID)};
    style.textContent = ${JSON.stringify(PARK_CSS)};
    document.head.appendChild(style);
    return result;
  });
})(${JSON.stringify(job)})`;
}

/** Laid-out HTML parked like the engine's page, so printing it does the paper layout only (the bench's floor). */
export function parkedHtml(html: string): string {
  return html.replace('</head>', `<style id="${PARKED_STYLE_ID}">${PARK_CSS}</style></head>`);
}

/** The page's HTML without the park (what a reader of the laid-out HTML expects to see on screen). */
export function withoutPark(html: string): string {
  return html.replace(new RegExp(`<style id="${PARKED_STYLE_ID}">[^<]*</style>`), '');
}

export interface PageKeys {
  /** Browser, root attributes and style sheets: pages can only be reused under the same document key. */
  docKey: string;
  /** One key per physical page, in print order. */
  pageKeys: string[];
}

/**
 * The page script's hash: common/render/html.ts hashString (its own source, so Node and the page hash alike;
 * it uses nothing outside itself), plus the text's length.
 */
const HASH_FN = `(s) => (${hashString.toString()})(s) + '.' + s.length.toString(36)`;

/** The same hash in Node (tests check the page script against it). */
export const hashText = (s: string): string => `${hashString(s)}.${s.length.toString(36)}`;

/** Expression evaluating to PageKeys for the pages currently in the print page. */
export const PAGE_KEYS_SCRIPT = `(() => {
  const hash = ${HASH_FN};
  const openTag = (el) => '<' + el.tagName + Array.from(el.attributes, (a) => ' ' + a.name + '=' + JSON.stringify(a.value)).join('') + '>';
  const doc = document;
  const docKey = hash([navigator.userAgent, openTag(doc.documentElement), openTag(doc.body), doc.head.innerHTML].join('\\n'));
  const pages = Array.from(doc.querySelectorAll('.pagedjs_page'));
  const pageKeys = pages.map((page, index) => {
    const path = [];
    for (let el = page.parentElement; el && el !== doc.body; el = el.parentElement) path.push(openTag(el));
    const siblings = page.parentElement ? page.parentElement.children : [page];
    const place = [index, Array.prototype.indexOf.call(siblings, page), siblings.length, pages.length].join(',');
    return hash(docKey + '|' + place + '|' + path.join('') + '|' + page.outerHTML);
  });
  return { docKey, pageKeys };
})()`;

/**
 * Expression that hides every page except the given 0-based physical indices, so that printing the
 * document yields exactly those pages (same boxes, same CSS). Wrappers without a kept page are hidden
 * too (Paged.js gives them a full page height in print), and the last kept page loses its page break
 * (no trailing blank page). Evaluates to the number of pages kept. Undo with RESTORE_ALL_PAGES_SCRIPT.
 */
export function printOnlyPagesScript(indices: number[]): string {
  return `((keep) => {
  const doc = document;
  const pages = Array.from(doc.querySelectorAll('.pagedjs_page'));
  const kept = new Set(keep.map((i) => pages[i]).filter(Boolean));
  const onPath = new Set();
  for (const page of kept) for (let el = page; el && el !== doc.documentElement; el = el.parentElement) onPath.add(el);
  for (const el of onPath) {
    if (kept.has(el)) continue;
    for (const child of Array.from(el.children)) if (!onPath.has(child)) child.setAttribute('data-gz-skip', '');
  }
  const last = pages.filter((p) => kept.has(p)).pop();
  if (last) last.setAttribute('data-gz-last', '');
  const style = doc.createElement('style');
  style.id = 'gz-print-only';
  style.textContent = '[data-gz-skip]{display:none!important}[data-gz-last]{break-after:auto!important;page-break-after:auto!important}';
  doc.head.appendChild(style);
  return kept.size;
})(${JSON.stringify(indices)})`;
}

/** Expression undoing printOnlyPagesScript. */
export const RESTORE_ALL_PAGES_SCRIPT = `(() => {
  const doc = document;
  doc.getElementById('gz-print-only')?.remove();
  doc.querySelectorAll('[data-gz-skip]').forEach((el) => el.removeAttribute('data-gz-skip'));
  doc.querySelectorAll('[data-gz-last]').forEach((el) => el.removeAttribute('data-gz-last'));
  return true;
})()`;
