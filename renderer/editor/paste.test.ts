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
    expect(texts(e)[0]).toBe('甲二');
    e.undo();
    expect(texts(e)).toEqual(['甲段一', '乙段二']);
  });

  it('one line pasted over a selection replaces it', () => {
    const e = editorWith([p('甲乙丙')]);
    Transforms.select(e, { anchor: { path: [0, 0], offset: 1 }, focus: { path: [0, 0], offset: 2 } });
    e.insertData(plain('丁\n'));
    expect(texts(e)).toEqual(['甲丁丙']);
  });

});
