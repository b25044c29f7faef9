/** Splitting a tall table row across pages, on a DOM without layout (linkedom): `fits` counts characters. */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';

let doc: Document;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { document, window, Node: window.Node, HTMLElement: window.HTMLElement });
});

function tbody(html: string): HTMLTableSectionElement {
  const div = doc.createElement('div');
  div.innerHTML = `<table><tbody>${html}</tbody></table>`;
  return div.querySelector('tbody') as HTMLTableSectionElement;
}

describe('splitRows', () => {
  it('finds the largest fitting prefix', async () => {
    const { largestFitting } = await import('./splitRows');
    expect(largestFitting(100, (k) => k <= 37)).toBe(37);
    expect(largestFitting(10, () => true)).toBe(10);
    expect(largestFitting(10, (k) => k === 0)).toBe(0);
  });

  it('keeps what fits in the row and moves the rest of every cell into a new row', async () => {
    const { splitRow } = await import('./splitRows');
    const body = tbody('<tr><td>1</td><td><p>甲乙丙丁戊己庚辛</p></td><td><p><b>子丑</b>寅卯辰巳</p></td></tr>');
    const row = body.querySelector('tr') as HTMLTableRowElement;
    const tail = splitRow(row, (cell) => (cell.textContent ?? '').length <= 3)!;
    expect(tail).not.toBeNull();
    const texts = (r: Element) => Array.from(r.children).map((c) => c.textContent);
    expect(texts(row)).toEqual(['1', '甲乙丙', '子丑寅']);
    expect(texts(tail)).toEqual(['', '丁戊己庚辛', '卯辰巳']);
    expect(body.querySelectorAll('tr')).toHaveLength(2);
    // Inline formatting survives in the part that keeps it.
    expect(row.querySelector('b')?.textContent).toBe('子丑');
  });

  it('lets cells spanning the row span the new row too', async () => {
    const { splitRow } = await import('./splitRows');
    const body = tbody('<tr><td rowspan="2">住房</td><td>短</td><td>很长很长很长的内容</td></tr><tr><td>a</td><td>b</td></tr>');
    const rows = Array.from(body.querySelectorAll('tr')) as HTMLTableRowElement[];
    const tail = splitRow(rows[0], (cell) => (cell.textContent ?? '').length <= 4)!;
    expect(body.querySelector('td')!.getAttribute('rowspan')).toBe('3');
    expect(Array.from(tail.children).map((c) => c.textContent)).toEqual(['', '很长的内容']);
  });

  it('leaves no empty inline elements in either part (Paged.js split the rotated page after such a remnant)', async () => {
    const { splitRow } = await import('./splitRows');
    const body = tbody('<tr><td><p><span class="gz-nobr">甲乙</span>丙丁<span class="gz-nobr">戊<span class="gz-sq">，</span></span>己庚<b>辛</b></p></td></tr>');
    const row = body.querySelector('tr') as HTMLTableRowElement;
    const tail = splitRow(row, (cell) => (cell.textContent ?? '').length <= 4)!;
    expect(row.textContent).toBe('甲乙丙丁');
    expect(tail.textContent).toBe('戊，己庚辛');
    const empty = (r: Element) => Array.from(r.querySelectorAll('span, b')).filter((el) => el.textContent === '').length;
    expect(empty(row)).toBe(0);
    expect(empty(tail)).toBe(0);
    // The paragraphs stay (the cell keeps its line style), and the formatting that holds text survives.
    expect(row.querySelectorAll('p')).toHaveLength(1);
    expect(tail.querySelectorAll('p')).toHaveLength(1);
    expect(tail.querySelector('b')?.textContent).toBe('辛');
    expect(tail.querySelector('.gz-sq')?.textContent).toBe('，');
  });

  it('does not cut a character from the punctuation held to it (no part starts a line with 。)', async () => {
    const { splitRow } = await import('./splitRows');
    const body = tbody('<tr><td><p>甲乙丙<span class="gz-nobr">丁<span class="gz-sq">）</span>。</span>戊己</p></td></tr>');
    const row = body.querySelector('tr') as HTMLTableRowElement;
    for (const limit of [4, 5]) {
      const copy = tbody(body.innerHTML).querySelector('tr') as HTMLTableRowElement;
      const tail = splitRow(copy, (cell) => (cell.textContent ?? '').length <= limit)!;
      expect(copy.textContent).toBe('甲乙丙');
      expect(tail.textContent).toBe('丁）。戊己');
    }
    expect(splitRow(row, (cell) => (cell.textContent ?? '').length <= 6)!.textContent).toBe('戊己');
  });

  it('returns null when everything fits', async () => {
    const { splitRow } = await import('./splitRows');
    const body = tbody('<tr><td>1</td><td>短</td></tr>');
    expect(splitRow(body.querySelector('tr') as HTMLTableRowElement, () => true)).toBeNull();
    expect(body.querySelectorAll('tr')).toHaveLength(1);
  });
});

describe('sameCharacters', () => {
  it('accepts reordered text and reports lost characters', async () => {
    const { sameCharacters } = await import('./integrity');
    expect(sameCharacters('甲乙丙丁', '甲丙乙丁', 'x')).toBeNull();
    expect(sameCharacters('甲乙丙丁', '甲乙丙', 'x')?.message).toContain('丁-1');
  });
});
