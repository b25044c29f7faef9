/** The avoid Paged.js carries from a document's last heading into the next document is dropped; others stay. */
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { dropBoundaryAvoids } from './documentBreaks';

it('drops break avoidance at a document or region start, keeps it between blocks of one region', () => {
  const { document } = parseHTML(`<section class="gz-unit">
    <article data-doc-id="a"><div class="gz-region" data-region="cols">
      <h2 class="gz-h" data-break-after="avoid">一、</h2><p id="kept" data-previous-break-after="avoid">正文</p>
      <h2 class="gz-h" data-break-after="avoid">二、</h2></div>
      <div class="gz-region" data-region="full" data-previous-break-after="avoid"><p>附件</p></div></article>
    <article data-doc-id="b" data-previous-break-after="avoid"><div class="gz-region"><p>下一篇</p></div></article>
  </section>`);
  expect(dropBoundaryAvoids(document)).toBe(2);
  expect(document.querySelector('article[data-doc-id="b"]')!.hasAttribute('data-previous-break-after')).toBe(false);
  expect(document.querySelector('.gz-region[data-region="full"]')!.hasAttribute('data-previous-break-after')).toBe(false);
  expect(document.getElementById('kept')!.getAttribute('data-previous-break-after')).toBe('avoid');
  // The headings keep their own avoid (a heading is never left alone at the bottom of a column).
  expect(document.querySelectorAll('[data-break-after="avoid"]').length).toBe(2);
});
