/**
 * The print page's handlers, each tested on its own with a DOM (linkedom): table header repetition,
 * table slicing (rotated and full-width tables), running heads and folios, TOC page lookup, integrity,
 * region columns and region flows.
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

describe('tableHeaders (handler 2)', () => {
  it('inserts a copy of the source header into a continued table, once, without refs', async () => {
    const { repeatHeader, REPEAT_CLASS } = await import('./tableHeaders');
    const source = el('<table data-ref="t"><thead data-ref="h"><tr><th>序号</th></tr></thead><tbody data-ref="b"><tr data-ref="r2"><td>2</td></tr></tbody></table>');
    const page = el('<table data-ref="t" data-split-from="t"><tbody data-ref="b"><tr data-ref="r2"><td>2</td></tr></tbody></table>');
    const rendered = page.querySelector('td')!;
    expect(repeatHeader(rendered, source.querySelector('td')!)).toBe(true);
    expect(repeatHeader(rendered, source.querySelector('td')!)).toBe(false);
    const thead = page.querySelector('thead')!;
    expect(thead.classList.contains(REPEAT_CLASS)).toBe(true);
    expect(thead.hasAttribute('data-ref')).toBe(false);
    expect(page.querySelector('table')!.firstElementChild).toBe(thead);
  });

  it('leaves a table on its first page alone', async () => {
    const { repeatHeader } = await import('./tableHeaders');
    const source = el('<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>');
    const page = el('<table><tbody><tr><td>1</td></tr></tbody></table>');
    expect(repeatHeader(page.querySelector('td')!, source.querySelector('td')!)).toBe(false);
  });
});

describe('tableSlices (handlers 2 and 3: tables cut into pages)', () => {
  it('cuts rows greedily by height', async () => {
    const { sliceRows } = await import('./tableSlices');
    expect(sliceRows([10, 10, 10, 10, 10], 25, 30)).toEqual([
      [0, 1],
      [2, 4],
    ]);
    expect(sliceRows([50], 10, 10)).toEqual([[0, 0]]);
  });

  it('shortens a rowspan at the cut and continues it in the next slice as a marked copy', async () => {
    const { slicedBodies } = await import('./tableSlices');
    const table = el('<table><tbody><tr><td rowspan="3">住房</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody></table>');
    const rows = Array.from(table.querySelectorAll('tr')) as HTMLTableRowElement[];
    const [first, second] = slicedBodies(rows, [
      [0, 1],
      [2, 2],
    ]);
    expect(first.querySelector('td')!.getAttribute('rowspan')).toBe('2');
    const cont = second.querySelector('td')!;
    expect(cont.textContent).toBe('住房');
    expect(cont.classList.contains('gz-repeat')).toBe(true);
    expect(second.querySelectorAll('td')[1].textContent).toBe('3');
  });
});

describe('runningHeads (handler 4)', () => {
  it('formats the folio as — N — and puts odd/even heads on the outer side', async () => {
    const { applyRunningHead, folioText } = await import('./runningHeads');
    expect(folioText(3)).toBe('\u2014 3 \u2014');
    const page = el('<div class="pagedjs_sheet"></div>');
    applyRunningHead(page, { number: 3, sectionName: '市政府办公室文件', evenHead: '格尔木市人民政府政务公开信息　2024年第6期' });
    expect(page.querySelector('.gz-head.gz-odd')!.textContent).toBe('市政府办公室文件');
    expect(page.querySelector('.gz-folio.gz-odd')!.textContent).toBe('\u2014 3 \u2014');
    applyRunningHead(page, { number: 4, sectionName: '市政府办公室文件', evenHead: '格尔木市人民政府政务公开信息　2024年第6期' });
    expect(page.querySelectorAll('.gz-head').length).toBe(1);
    expect(page.querySelector('.gz-head.gz-even')!.textContent).toContain('2024年第6期');
  });
});

describe('toc (handler 1)', () => {
  it('takes each document from the first page where it starts, not its continuations', async () => {
    const { documentPages } = await import('./toc');
    const pages = [
      el('<article data-doc-id="a"></article>'),
      el('<article data-doc-id="a" data-split-from="x"></article><article data-doc-id="b"></article>'),
      el('<article data-doc-id="b" data-continued=""></article><article data-doc-id="c"></article>'),
    ];
    expect(documentPages(pages, (i) => i + 3)).toEqual({ a: 3, b: 4, c: 5 });
  });
});

describe('integrity (handler 5)', () => {
  it('reports lost text with its position and the unit', async () => {
    const { compareText, contentText } = await import('./integrity');
    expect(compareText('甲乙丙丁', '甲乙丙丁', 'u')).toBeNull();
    const problem = compareText('甲乙丙丁戊', '甲乙丙', '关于某某的通知');
    expect(problem!.message).toContain('关于某某的通知');
    expect(problem!.message).toContain('2 characters missing');
    expect(contentText(el('<p>甲 乙</p><thead class="gz-repeat"><tr><th>表头</th></tr></thead><div class="gz-folio">— 3 —</div>'))).toBe('甲乙');
  });

  it('fails a layout that does not finish in time, naming the unit', async () => {
    const { withTimeout } = await import('./integrity');
    await expect(withTimeout(new Promise(() => {}), 20, '7月份大事记')).rejects.toThrow(/7月份大事记.*did not finish/);
    await expect(withTimeout(Promise.resolve(5), 1000, 'x')).resolves.toBe(5);
  });
});

describe('regions and flows', () => {
  it('switches a page to full width when its first node is in a table region', async () => {
    const { regionModeOf } = await import('./regions');
    const content = el('<div data-region="cols"><p>正文</p></div><div data-region="full"><table><tr><td>x</td></tr></table></div>');
    expect(regionModeOf(content.querySelector('p'), content)).toBe('cols');
    expect(regionModeOf(content.querySelector('td')!.firstChild, content)).toBe('full');
    expect(regionModeOf(undefined, content)).toBe('cols');
  });

  it('starts a new flow at every region that starts a new page, keeping notices that run on together', async () => {
    const { regionFlows } = await import('./flows');
    const content = el(
      '<section class="gz-unit">' +
        '<article class="gz-doc" data-doc-id="a"><div class="gz-region">A</div><div class="gz-region gz-region--newpage">A1</div></article>' +
        '<article class="gz-doc" data-doc-id="b"><div class="gz-region">B</div></article>' +
        '</section>',
    );
    const flows = regionFlows(content);
    expect(flows.length).toBe(2);
    const second = flows[1].querySelectorAll('article');
    expect(second.length).toBe(2);
    expect(second[0].hasAttribute('data-continued')).toBe(true);
    expect(second[1].hasAttribute('data-continued')).toBe(false);
  });
});

describe('fitTables (fit to page)', () => {
  it('switches a candidate table to the compact size and its prepared widths, once', async () => {
    const { fitCandidates, makeCompact, COMPACT_CLASS, COMPACT_WRAP_CLASS } = await import('./fitTables');
    const root = el(
      '<div class="gz-tablewrap"><table class="gz-table" data-compact-cols="20.5,79.5"><colgroup><col style="width:30%"><col style="width:70%"></colgroup><tbody><tr><td>a</td><td>b</td></tr></tbody></table></div>' +
        '<div class="gz-tablewrap"><table class="gz-table gz-table--compact"><tbody><tr><td>c</td></tr></tbody></table></div>',
    );
    const candidates = fitCandidates(root);
    expect(candidates).toHaveLength(1);
    makeCompact(candidates[0]);
    expect(candidates[0].classList.contains(COMPACT_CLASS)).toBe(true);
    expect(candidates[0].closest('.gz-tablewrap')!.classList.contains(COMPACT_WRAP_CLASS)).toBe(true);
    const widths = Array.from(candidates[0].querySelectorAll('col')).map((c) => (c as HTMLElement).getAttribute('style'));
    expect(widths[0]).toContain('20.5%');
    expect(widths[1]).toContain('79.5%');
    expect(fitCandidates(root)).toHaveLength(0);
  });
});

