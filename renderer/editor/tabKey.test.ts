import { Editor, Node, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../../common/model';
import { pressTab } from './tabKey';
import { editorWith } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string) => ({ type: 'table-cell', children: [p(text)] });
const table = () => ({ type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [cell('甲'), cell('乙')] }] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Tab and Shift+Tab (Word habits)', () => {
  it('moves between cells and adds a row after the last cell, the caret in its first cell', () => {
    const e = editorWith([table(), p('后段')]);
    Transforms.select(e, Editor.end(e, [0, 0, 0]));
    pressTab(e, false);
    expect(e.selection?.anchor.path).toEqual([0, 0, 1, 0, 0]);
    pressTab(e, false);
    const t = e.children[0] as BlockElement & { children: Node[] };
    expect(t.children).toHaveLength(2);
    expect(e.selection?.anchor).toEqual({ path: [0, 1, 0, 0, 0], offset: 0 });
    expect(Node.string(e.children[1])).toBe('后段');
    pressTab(e, true);
    expect(e.selection?.anchor.path).toEqual([0, 0, 1, 0, 0]);
  });

  it('Shift+Tab in the first cell stays there', () => {
    const e = editorWith([p('前段'), table()]);
    Transforms.select(e, Editor.start(e, [1, 0, 0]));
    pressTab(e, true);
    expect(e.selection?.anchor.path).toEqual([1, 0, 0, 0, 0]);
  });

  const h = (text: string) => ({ type: 'heading', level: 1, children: [{ text }] });
  const level = (e: { children: unknown[] }, i: number) => (e.children[i] as BlockElement & { level: number }).level;

  it('moves a heading a level down and up with the caret at its start, and its number follows', async () => {
    const e = editorWith([h('一、总体要求'), h('二、工作目标')]);
    Transforms.select(e, Editor.start(e, [1]));
    pressTab(e, false);
    e.onChange();
    await tick();
    expect(level(e, 1)).toBe(2);
    expect(Node.string(e.children[1])).toBe('（一）工作目标');
    pressTab(e, true);
    e.onChange();
    await tick();
    expect(Node.string(e.children[1])).toBe('二、工作目标');
    Transforms.select(e, Editor.start(e, [0]));
    pressTab(e, true);
    expect(level(e, 0)).toBe(1);
  });

  it('just after the number counts as the start of the heading', () => {
    const e = editorWith([h('一、总体要求'), h('二、工作目标')]);
    Transforms.select(e, { path: [1, 0], offset: 2 });
    pressTab(e, false);
    expect(level(e, 1)).toBe(2);
  });

  // Word: Tab in a heading's words (or inside its number, at its end) does what it does in body text.
  it('leaves the level alone with the caret inside the words, inside the number or at the end', () => {
    for (const offset of [1, 4, 6]) {
      const e = editorWith([h('一、总体要求'), h('二、工作目标')]);
      Transforms.select(e, { path: [1, 0], offset });
      pressTab(e, false);
      expect(e.children, `Tab at ${offset}`).toEqual([h('一、总体要求'), h('二、工作目标')]);
      const back = editorWith([h('一、总体要求'), { ...h('（一）工作目标'), level: 2 }]);
      Transforms.select(back, { path: [1, 0], offset: offset + 1 });
      pressTab(back, true);
      expect(level(back, 1), `Shift+Tab at ${offset + 1}`).toBe(2);
    }
  });

  it('moves a wholly selected heading (a triple click hanging into the next line too), not a part of one', () => {
    const e = editorWith([h('一、总体要求'), h('二、工作目标'), p('正文。')]);
    Transforms.select(e, { anchor: Editor.start(e, [1]), focus: Editor.end(e, [1]) });
    pressTab(e, false);
    expect(level(e, 1)).toBe(2);
    Transforms.select(e, { anchor: Editor.start(e, [1]), focus: Editor.start(e, [2]) });
    pressTab(e, true);
    expect(level(e, 1)).toBe(1);
    Transforms.select(e, { anchor: Editor.start(e, [1]), focus: { path: [1, 0], offset: 4 } });
    pressTab(e, false);
    expect(level(e, 1)).toBe(1);
  });

  it('leaves a 正文 paragraph as it is', () => {
    const e = editorWith([p('正文。')]);
    Transforms.select(e, Editor.end(e, [0]));
    pressTab(e, false);
    expect(e.children).toEqual([p('正文。')]);
  });
});
