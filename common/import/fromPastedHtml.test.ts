import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPastedHtml } from './fromPastedHtml';

const g = globalThis as unknown as { DOMParser?: unknown };
let saved: unknown;
beforeAll(() => {
  saved = g.DOMParser;
  g.DOMParser = DOMParser;
});
afterAll(() => {
  g.DOMParser = saved;
});

/** Word's clipboard: a whole page around the copied paragraphs. */
const word = (inner: string) => `<html><body><!--StartFragment-->${inner}<!--EndFragment--></body></html>`;

describe('one line pasted from Word', () => {
  it('keeps the bold and the 楷体 of a word copied alone (its whole text is in that face)', () => {
    expect(fromPastedHtml(word('<p class=MsoNormal><b><span style="font-family:仿宋_GB2312">词语</span></b></p>')).line).toEqual([{ text: '词语', bold: true }]);
    expect(fromPastedHtml(word('<p class=MsoNormal><span style="font-family:楷体_GB2312">牵头单位</span></p>')).line).toEqual([{ text: '牵头单位', face: 'kai' }]);
    expect(fromPastedHtml(word('<p class=MsoNormal><span style="font-family:仿宋">正文甲</span><b><span style="font-family:仿宋">加粗</span></b></p>')).line).toEqual([
      { text: '正文甲' },
      { text: '加粗', bold: true },
    ]);
    // A bare run without a paragraph (some programs copy so) is one line too.
    expect(fromPastedHtml(word('<b>要点</b>')).line).toEqual([{ text: '要点', bold: true }]);
  });

  it('gives no line for several paragraphs, a line break or a table: those are read as a document', () => {
    expect(fromPastedHtml(word('<p>第一行。</p><p>第二行。</p>')).line).toBeUndefined();
    expect(fromPastedHtml(word('<p>第一行。<br>第二行。</p>')).line).toBeUndefined();
    expect(fromPastedHtml(word('<table><tr><td>甲</td></tr></table>')).line).toBeUndefined();
    // The document reading of several lines still drops a face most of the text is in (the body font).
    const blocks = fromPastedHtml(word('<p><span style="font-family:楷体">第一段文字。</span></p><p><span style="font-family:楷体">第二段文字。</span></p>')).content.blocks;
    expect(JSON.stringify(blocks)).not.toContain('kai');
  });
});
