import { Node, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import { pastedBlocks } from './paste';
import type { GazetteEditor } from './types';
import { editorWith } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });
/** A clipboard with plain text only (Notepad, a browser's address bar, WPS as text). */
const plain = (text: string) => ({ types: ['text/plain'], getData: (k: string) => (k === 'text/plain' ? text : '') }) as unknown as DataTransfer;
const texts = (e: GazetteEditor) => e.children.map((b) => Node.string(b));

describe('pasting plain text (Word habits)', () => {
  it('one line copied with its line end goes in at the caret, not as a new block', () => {
    for (const clip of ['插入\r\n', '插入\n', '插入\n\n']) {
      expect(pastedBlocks(plain(clip))).toEqual([{ type: 'paragraph', children: [{ text: '插入' }] }]);
      const e = editorWith([p('甲乙丙'), p('下段')]);
      Transforms.select(e, { path: [0, 0], offset: 1 });
      e.insertData(plain(clip));
      expect(texts(e)).toEqual(['甲插入乙丙', '下段']);
    }
  });

  it('several lines pasted over a selection replace the selected text', () => {
    const e = editorWith([p('甲段一'), p('乙段二')]);
    Transforms.select(e, { anchor: { path: [0, 0], offset: 1 }, focus: { path: [1, 0], offset: 2 } });
    e.insertData(plain('第一行。\n\n　　第二行。'));
    const after = texts(e).join('|');
    expect(after).not.toContain('段一');
    expect(after).not.toContain('乙段');
    expect(after).toContain('第一行。');
    expect(after).toContain('第二行。');
    // Split where the selection was, like Word: the text before it, the pasted lines, the text after it.
    expect(texts(e)).toEqual(['甲', '第一行。', '第二行。', '二']);
    e.undo();
    expect(texts(e)).toEqual(['甲段一', '乙段二']);
  });

  it('one line pasted over a selection replaces it', () => {
    const e = editorWith([p('甲乙丙')]);
    Transforms.select(e, { anchor: { path: [0, 0], offset: 1 }, focus: { path: [0, 0], offset: 2 } });
    e.insertData(plain('丁\n'));
    expect(texts(e)).toEqual(['甲丁丙']);
  });

  it('several lines pasted in the middle of a paragraph split it at the caret, in one undo step', () => {
    const e = editorWith([p('甲乙丙'), p('下段')]);
    Transforms.select(e, { path: [0, 0], offset: 1 });
    e.insertData(plain('第一行。\n第二行。'));
    expect(texts(e)).toEqual(['甲', '第一行。', '第二行。', '乙丙', '下段']);
    expect(e.children.map((b) => (b as { type: string }).type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    // The caret stands after the pasted text.
    e.insertText('丁');
    expect(texts(e)).toEqual(['甲', '第一行。', '第二行。丁', '乙丙', '下段']);
    e.undo();
    e.undo();
    expect(texts(e)).toEqual(['甲乙丙', '下段']);
  });

  it('at a paragraph start the lines go before it, at its end after it, and an empty paragraph gives its place', () => {
    const at = (blocks: unknown[], path: number[], offset: number) => {
      const e = editorWith(blocks);
      Transforms.select(e, { path, offset });
      e.insertData(plain('第一行。\n第二行。'));
      return texts(e);
    };
    expect(at([p('甲乙丙'), p('下段')], [0, 0], 0)).toEqual(['第一行。', '第二行。', '甲乙丙', '下段']);
    expect(at([p('甲乙丙'), p('下段')], [0, 0], 3)).toEqual(['甲乙丙', '第一行。', '第二行。', '下段']);
    expect(at([p('甲乙丙'), p(''), p('下段')], [1, 0], 0)).toEqual(['甲乙丙', '第一行。', '第二行。', '下段']);
  });

  it('in a table cell the lines become paragraphs of the cell at the caret; the table keeps its shape', () => {
    const cell = (text: string) => ({ type: 'table-cell', children: [p(text)] });
    const e = editorWith([{ type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [cell('甲乙'), cell('丙')] }] }, p('下段')]);
    Transforms.select(e, { path: [0, 0, 0, 0, 0], offset: 1 });
    e.insertData(plain('第一行。\n第二行。'));
    const table = e.children[0] as unknown as { children: Array<{ children: Array<{ children: unknown[] }> }> };
    expect(table.children[0].children.map((c) => c.children.map((para) => Node.string(para as Node)))).toEqual([['甲', '第一行。', '第二行。', '乙'], ['丙']]);
    expect(texts(e)[1]).toBe('下段');
  });

  it('a title is never split: the lines go after it', () => {
    const e = editorWith([{ type: 'doc-title', children: [{ text: '关于开展检查的通知' }] }, p('正文。')]);
    Transforms.select(e, { path: [0, 0], offset: 2 });
    e.insertData(plain('第一行。\n第二行。'));
    expect(texts(e)).toEqual(['关于开展检查的通知', '第一行。', '第二行。', '正文。']);
  });
});
