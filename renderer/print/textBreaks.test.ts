/**
 * Handler 6 (exact text breaks) on a DOM (linkedom): the break offset in a continued paragraph whose text
 * repeats is taken from where the rendered node starts, not from a search that finds an earlier copy.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';

let doc: Document;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { document, window, Node: window.Node, HTMLElement: window.HTMLElement });
});

function el(html: string): HTMLElement {
  const div = doc.createElement('div');
  div.innerHTML = html;
  return div;
}

const REPEAT = '甲乙丙丁。'.repeat(40);

describe('textBreaks (handler 6)', () => {
  it('breaks a continued repeating paragraph at the rendered offset, not at an earlier copy', async () => {
    const { rememberOrigin, exactBreak } = await import('./textBreaks');
    const source = el(`<p data-ref="p">${REPEAT}</p>`);
    const sourceText = source.querySelector('p')!.firstChild as Text;
    // Page 2 holds the paragraph from offset 55 on (Paged.js: clone.textContent = substring(offset)).
    const page = el('<p data-ref="p" data-split-from="p"></p>');
    const rendered = sourceText.cloneNode() as Text;
    rendered.data = sourceText.data.substring(55);
    page.querySelector('p')!.appendChild(rendered);
    rememberOrigin(rendered, sourceText);
    // What Paged.js computes: offset 30 in the rendered node + indexOf(rendered text) in the source = 0 + 30.
    const pagedToken = { node: sourceText, offset: 30 + sourceText.data.indexOf(rendered.data) };
    expect(pagedToken.offset).toBe(30);
    expect(exactBreak(pagedToken, { startContainer: rendered, startOffset: 30 })).toEqual({ node: sourceText, offset: 85 });
  });

  it('finds the right text node of a paragraph whose runs repeat', async () => {
    const { rememberOrigin, exactBreak } = await import('./textBreaks');
    const source = el(`<p data-ref="p">${REPEAT}<b data-ref="b">重点</b>${REPEAT.slice(0, 50)}</p>`);
    const [first, , last] = Array.from(source.querySelector('p')!.childNodes) as Text[];
    const page = el('<p data-ref="p"></p>');
    const p = page.querySelector('p')!;
    const renderedFirst = first.cloneNode() as Text;
    const renderedLast = last.cloneNode() as Text;
    p.append(renderedFirst, source.querySelector('b')!.cloneNode(true), renderedLast);
    rememberOrigin(renderedFirst, first);
    rememberOrigin(renderedLast, last);
    // Paged.js's indexOfTextNode takes the first source node that contains the text: `first`.
    expect(exactBreak({ node: first, offset: 10 }, { startContainer: renderedLast, startOffset: 10 })).toEqual({ node: last, offset: 10 });
    // Overflow before the last text node: break there, not before the paragraph.
    expect(exactBreak({ node: source.querySelector('p')!, offset: 0 }, { startContainer: p, startOffset: 2 })).toEqual({ node: last, offset: 0 });
    // Overflow before the first text node: Paged.js's break before the paragraph stands.
    expect(exactBreak({ node: source.querySelector('p')!, offset: 0 }, { startContainer: p, startOffset: 0 })).toBeNull();
  });

  it('places text inside a run that Paged.js cloned whole by its index in the source run', async () => {
    const { exactBreak } = await import('./textBreaks');
    const source = el(`<p data-ref="p"><span data-ref="s">${REPEAT}</span></p>`);
    const sourceText = source.querySelector('span')!.firstChild as Text;
    const page = el(`<p data-ref="p"><span data-ref="s">${REPEAT}</span></p>`);
    const rendered = page.querySelector('span')!.firstChild as Text;
    expect(exactBreak({ node: sourceText, offset: 7 }, { startContainer: rendered, startOffset: 7 })).toEqual({ node: sourceText, offset: 7 });
  });
});
