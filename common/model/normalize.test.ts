import { describe, expect, it } from 'vitest';
import {
  normalizeBlock,
  normalizeContent,
  normalizeDocNumber,
  normalizeHeadingNumber,
  normalizeLeaves,
  removeCjkLatinSpaces,
} from './normalize';
import { SCHEMA_VERSION } from './types';
import { contentPlainText, deriveTitleAndNumber } from './text';

describe('normalizeLeaves', () => {
  it('merges neighbours with equal marks and drops unknown marks', () => {
    expect(normalizeLeaves([{ text: 'a', bold: true, color: 'red' }, { text: 'b', bold: true }, { text: 'c' }])).toEqual([
      { text: 'ab', bold: true },
      { text: 'c' },
    ]);
  });
  it('flattens nested elements into their text and never returns an empty list', () => {
    expect(normalizeLeaves([{ type: 'paragraph', children: [{ text: 'x' }] }, 'y'])).toEqual([{ text: 'xy' }]);
    expect(normalizeLeaves(undefined)).toEqual([{ text: '' }]);
  });
  it('drops characters that show nothing in the editor but print (a control character as a box) or enter the PDF text', () => {
    // A BEL and a zero-width space from a web page, a soft hyphen and a word joiner from Word, a BOM mid-text.
    const leaves = normalizeLeaves([{ text: '现将有关\u0007事项\u200b通知\u00ad如下\u2060，\ufeff请遵照执行。' }, { text: '甲\t乙\u200d丙', bold: true }]);
    expect(leaves).toEqual([{ text: '现将有关事项通知如下，请遵照执行。' }, { text: '甲\t乙\u200d丙', bold: true }]);
  });
  it('keeps a known face and drops an unknown one', () => {
    expect(normalizeLeaves([{ text: '第一条', face: 'hei' }])).toEqual([{ text: '第一条', face: 'hei' }]);
    expect(normalizeLeaves([{ text: 'x', face: 'comic' }])).toEqual([{ text: 'x' }]);
  });
});

describe('normalizeBlock', () => {
  it('turns an unknown element into a paragraph with the same text', () => {
    expect(normalizeBlock({ type: 'blink', children: [{ text: '保留' }] })).toEqual({ type: 'paragraph', children: [{ text: '保留' }] });
  });
  it('clamps heading levels to 1..4', () => {
    expect(normalizeBlock({ type: 'heading', level: 9, children: [{ text: 'x' }] })).toMatchObject({ level: 4 });
    expect(normalizeBlock({ type: 'heading', level: 'a', children: [] })).toMatchObject({ level: 1 });
  });
  it('repairs a table: bare cell text becomes a paragraph, header rows clamped, spans kept', () => {
    const table = normalizeBlock({
      type: 'table',
      headerRows: 5,
      children: [{ type: 'table-row', children: [{ type: 'table-cell', colSpan: 2, children: [{ text: '序号' }] }] }],
    });
    expect(table).toEqual({
      type: 'table',
      headerRows: 1,
      children: [
        {
          type: 'table-row',
          children: [{ type: 'table-cell', colSpan: 2, children: [{ type: 'paragraph', children: [{ text: '序号' }] }] }],
        },
      ],
    });
  });
  it('an image without an asset keeps its alt text as a paragraph', () => {
    expect(normalizeBlock({ type: 'image', alt: '图1' })).toEqual({ type: 'paragraph', children: [{ text: '图1' }] });
  });
  it('void elements get their single empty child', () => {
    expect(normalizeBlock({ type: 'page-break', children: [{ text: 'junk' }] })).toEqual({ type: 'page-break', children: [{ text: '' }] });
  });
});

describe('normalizeContent', () => {
  it('upgrades a bare block array and stamps the schema version', () => {
    const content = normalizeContent([{ type: 'paragraph', children: [{ text: '正文' }] }]);
    expect(content.schemaVersion).toBe(SCHEMA_VERSION);
    expect(contentPlainText(content)).toBe('正文');
  });
  it('never returns empty content', () => {
    expect(normalizeContent(null).blocks).toHaveLength(1);
  });
  it('derives the TOC title and 文号 from the first title block', () => {
    const content = normalizeContent([
      { type: 'doc-title', children: [{ text: '关于印发某方案的通知' }] },
      { type: 'doc-number', children: [{ text: '格政办发〔2024〕62号' }] },
    ]);
    expect(deriveTitleAndNumber(content)).toEqual({ title: '关于印发某方案的通知', docNumber: '格政办发〔2024〕62号' });
  });
});

describe('text rules', () => {
  it('文号 brackets, no 第, no leading zero', () => {
    expect(normalizeDocNumber('格政办发[2024]第062号')).toBe('格政办发〔2024〕62号');
    expect(normalizeDocNumber('格政办〔2024〕9号')).toBe('格政办〔2024〕9号');
  });
  it('heading numbers become full-width brackets and half-width stops', () => {
    expect(normalizeHeadingNumber('(一)加强领导')).toBe('（一）加强领导');
    expect(normalizeHeadingNumber('(2)其他')).toBe('（2）其他');
    expect(normalizeHeadingNumber('3．工作要求')).toBe('3.工作要求');
    expect(normalizeHeadingNumber('4. 分工')).toBe('4.分工');
  });
  it('removes spaces between CJK and digits', () => {
    expect(removeCjkLatinSpaces('格尔木市 2024 年')).toBe('格尔木市2024年');
  });
});
