import { createEditor, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { normalizeContent, plainText, type BlockElement } from '../../common/model';
import type { GazetteEditor } from './types';
import { applyRenumbering, withGazette } from './withGazette';
import { editorWith } from './testEditor';


describe('withGazette', () => {
  it('normalises every top-level block through common/model', () => {
    const editor = editorWith([
      { type: 'mystery', children: [{ text: '未知类型' }] },
      { type: 'heading', level: 9, children: [{ text: '一、层级越界' }] },
      { type: 'table', headerRows: 5, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: '裸文字' }] }] }] },
      { type: 'paragraph', bogus: true, children: [{ text: '多余属性', weird: 1 }] },
    ]);
    const blocks = editor.children as BlockElement[];
    expect(normalizeContent({ blocks }).blocks).toEqual(blocks);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'table', 'paragraph']);
    expect(blocks[1]).toMatchObject({ level: 4 });
    expect(blocks[2]).toMatchObject({ headerRows: 1 });
    expect(plainText(blocks[2])).toBe('裸文字');
    expect(blocks[3]).not.toHaveProperty('bogus');
  });

  it('renumbers headings after a structural change, as one undo step with it', () => {
    const editor = editorWith([
      { type: 'heading', level: 1, children: [{ text: '一、甲' }] },
      { type: 'heading', level: 1, children: [{ text: '二、乙' }] },
    ]);
    Transforms.insertNodes(editor, { type: 'heading', level: 1, children: [{ text: '新增' }] }, { at: [1] });
    applyRenumbering(editor);
    expect((editor.children as BlockElement[]).map((b) => plainText(b))).toEqual(['一、甲', '二、新增', '三、乙']);
    editor.undo();
    expect((editor.children as BlockElement[]).map((b) => plainText(b))).toEqual(['一、甲', '二、乙']);
  });
});

describe('attachment list numbering', () => {
  it('numbers the items again after an item is split off or removed', () => {
    const editor = editorWith([
      {
        type: 'attachment-list',
        children: [
          { type: 'attachment-item', number: '1.', children: [{ text: '名单' }] },
          { type: 'attachment-item', number: '2.', children: [{ text: '制度' }] },
        ],
      },
    ]);
    Transforms.splitNodes(editor, { at: { path: [0, 0, 0], offset: 1 } });
    applyRenumbering(editor);
    const list = editor.children[0] as BlockElement;
    expect(list.type === 'attachment-list' && list.children.map((i) => i.number)).toEqual(['1.', '2.', '3.']);
    Transforms.removeNodes(editor, { at: [0, 2] });
    Transforms.removeNodes(editor, { at: [0, 1] });
    applyRenumbering(editor);
    const single = editor.children[0] as BlockElement;
    expect(single.type === 'attachment-list' && single.children.map((i) => i.number)).toEqual(['']);
  });

  it('splits a table cell paragraph or an attachment item and keeps the caret there (Enter)', async () => {
    const cell = (text: string) => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });
    const editor = editorWith([
      { type: 'paragraph', children: [{ text: '前' }] },
      { type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [cell('甲'), cell('表格单元')] }] },
      { type: 'attachment-list', children: [{ type: 'attachment-item', number: '1.', children: [{ text: '一' }] }, { type: 'attachment-item', number: '2.', children: [{ text: '二' }] }] },
    ]);
    Transforms.select(editor, { path: [1, 0, 1, 0, 0], offset: 0 });
    editor.insertBreak();
    // The caret is at the start of the cell's second paragraph, not thrown to the table's start.
    expect(editor.selection?.anchor).toEqual({ path: [1, 0, 1, 1, 0], offset: 0 });
    expect(plainText(editor.children[1] as BlockElement)).toBe('甲\t\n表格单元');
    Transforms.select(editor, { path: [2, 1, 0], offset: 0 });
    editor.insertBreak();
    expect(editor.selection?.anchor).toEqual({ path: [2, 2, 0], offset: 0 });
    await new Promise((r) => setTimeout(r, 0)); // renumbering runs in onChange
    expect((editor.children[2] as { children: Array<{ number: string }> }).children.map((c) => c.number)).toEqual(['1.', '2.', '3.']);
  });

  // The editor saves on an onChange that carries content operations (GazetteEditor's onValueChange).
  it('reports a renumbered change in an onChange that carries its operations, so it is saved', async () => {
    const base = withHistory(createEditor()) as GazetteEditor;
    const reported: string[] = [];
    base.onChange = () => {
      if (base.operations.some((op) => op.type !== 'set_selection')) reported.push(Node.string(base.children[1]));
    };
    const editor = withGazette(base);
    const h = (text: string) => ({ type: 'heading', level: 1, children: [{ text }] });
    editor.children = [h('一、总体要求'), h('二、工作目标')] as Descendant[];
    Transforms.setNodes(editor, { level: 2 } as never, { at: [1] });
    await new Promise((r) => setTimeout(r, 0));
    expect(reported).toEqual(['（一）工作目标']);
  });
});
