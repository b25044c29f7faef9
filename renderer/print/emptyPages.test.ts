/** Blank pages left by a forced break are dropped; pages with text, pictures or empty table cells stay. */
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';

let doc: Document;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { document, window, Node: window.Node, HTMLElement: window.HTMLElement });
});

function page(inner: string): HTMLElement {
  const el = doc.createElement('div');
  el.className = 'pagedjs_page';
  el.innerHTML = `<div class="pagedjs_page_content"><div>${inner}</div></div>`;
  doc.body.appendChild(el);
  return el;
}

it('drops pages with nothing to print and keeps the rest in order', async () => {
  const { dropEmptyPages, isEmptyPage } = await import('./emptyPages');
  const text = page('<article class="gz-doc"><p>正文。</p></article>');
  const blank = page('<article class="gz-doc"><div class="gz-region"><div class="gz-pagebreak"></div> \u3000</div></article>');
  const picture = page('<figure class="gz-figure"><img src="data:," alt=""></figure>');
  const form = page('<table><tr><td></td><td></td></tr></table>');
  const rotated = page('<div class="gz-rot-page"><div class="gz-rot-inner"></div></div>');
  expect(isEmptyPage(blank)).toBe(true);
  expect(dropEmptyPages([text, blank, picture, form, rotated])).toEqual([text, picture, form, rotated]);
  expect(blank.isConnected).toBe(false);
  expect(text.isConnected).toBe(true);
});

it('keeps a flow that is all blank (an empty document still has its page)', async () => {
  const { dropEmptyPages } = await import('./emptyPages');
  const only = page('<article class="gz-doc"></article>');
  expect(dropEmptyPages([only])).toEqual([only]);
  expect(only.isConnected).toBe(true);
});
