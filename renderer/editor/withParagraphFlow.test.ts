import { Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../../common/model';
import { setBlockType, toAttachmentList } from './commands';
import type { GazetteEditor } from './types';
import { withParagraphFlow } from './withParagraphFlow';
import { editorWith } from './testEditor';

const tick = () => new Promise((r) => setTimeout(r, 0));
const types = (e: GazetteEditor) => (e.children as BlockElement[]).map((b) => b.type);
const type = (e: GazetteEditor, text: string) => {
  for (const ch of text) e.insertText(ch);
};

describe('paragraph flow in the editor', () => {
  it('types a document straight through: 标题, 文号, 主送, 正文', () => {
    const editor = editorWith([{ type: 'doc-title', children: [{ text: '' }] }], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [0]));
    type(editor, '关于开展检查的通知');
    editor.insertBreak();
    type(editor, '格政办〔2024〕9号');
    editor.insertBreak();
    type(editor, '各乡（镇）人民政府：');
    editor.insertBreak();
    type(editor, '现将有关事项通知如下。');
    editor.insertBreak();
    type(editor, '第二段。');
    expect(types(editor)).toEqual(['doc-title', 'doc-number', 'addressee', 'paragraph', 'paragraph']);
    expect(Editor.string(editor, [1])).toBe('格政办〔2024〕9号');
  });

  it('turns a typed 一、 into a heading that one undo reverts', async () => {
    const editor = editorWith([{ type: 'paragraph', children: [{ text: '前文。' }] }, { type: 'paragraph', children: [{ text: '' }] }], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [1]));
    type(editor, '一、');
    await tick();
    expect(editor.children[1]).toMatchObject({ type: 'heading', level: 1 });
    type(editor, '总体要求');
    await tick();
    editor.insertBreak();
    expect(types(editor)).toEqual(['paragraph', 'heading', 'paragraph']);
    // Undo the Enter, the words, then the conversion: the paragraph with 一、 as typed.
    editor.undo();
    editor.undo();
    expect(editor.children[1]).toMatchObject({ type: 'heading' });
    editor.undo();
    expect(editor.children[1]).toMatchObject({ type: 'paragraph', children: [{ text: '一、' }] });
  });

  it('recognises （一） 1. （1） and 附件：', async () => {
    for (const [prefix, level] of [['（一）', 2], ['1.', 3], ['（1）', 4]] as const) {
      const editor = editorWith([{ type: 'paragraph', children: [{ text: '' }] }], withParagraphFlow);
      Transforms.select(editor, Editor.start(editor, [0]));
      type(editor, prefix);
      expect(editor.children[0]).toMatchObject({ type: 'heading', level });
    }
    const editor = editorWith([{ type: 'paragraph', children: [{ text: '' }] }], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [0]));
    type(editor, '附件：');
    type(editor, '实施方案');
    expect(editor.children[0]).toMatchObject({ type: 'attachment-list', children: [{ type: 'attachment-item', children: [{ text: '实施方案' }] }] });
    editor.insertBreak();
    type(editor, '评分表');
    await tick();
    expect((editor.children[0] as { children: unknown[] }).children).toHaveLength(2);
    // Enter in the empty last item leaves the list.
    editor.insertBreak();
    editor.insertBreak();
    type(editor, '正文');
    expect(types(editor)).toEqual(['attachment-list', 'paragraph']);
    expect(Editor.string(editor, [1])).toBe('正文');
  });

  it('converts paragraphs to a 附件说明 and back from the style menu', () => {
    const editor = editorWith([
      { type: 'paragraph', children: [{ text: '附件：1.实施方案' }] },
      { type: 'paragraph', children: [{ text: '2.评分表' }] },
    ], withParagraphFlow);
    Transforms.select(editor, { anchor: Editor.start(editor, [0]), focus: Editor.end(editor, [1]) });
    toAttachmentList(editor);
    expect(editor.children).toHaveLength(1);
    expect(editor.children[0]).toMatchObject({ type: 'attachment-list', children: [{ children: [{ text: '实施方案' }] }, { children: [{ text: '评分表' }] }] });
    Transforms.select(editor, Editor.start(editor, [0]));
    setBlockType(editor, 'paragraph');
    expect(types(editor)).toEqual(['paragraph', 'paragraph']);
    expect(Editor.string(editor, [1])).toBe('评分表');
  });

  it('does not indent twice when two full-width spaces are typed first (Word habit)', () => {
    const editor = editorWith([{ type: 'paragraph', children: [{ text: '' }] }, { type: 'signature', children: [{ text: '' }] }], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [0]));
    type(editor, '\u3000\u3000现将有关事项\u3000通知如下。');
    expect(Editor.string(editor, [0])).toBe('现将有关事项\u3000通知如下。');
    Transforms.select(editor, Editor.start(editor, [1]));
    type(editor, '\u3000\u3000格尔木市人民政府');
    expect(Editor.string(editor, [1])).toBe('\u3000\u3000格尔木市人民政府');
  });

  it('Backspace at the start of a numbered heading drops the number, not the line break (Word habit)', async () => {
    const editor = editorWith([
      { type: 'heading', level: 1, children: [{ text: '一、总体要求' }] },
      { type: 'heading', level: 2, children: [{ text: '（一）指导思想' }] },
      { type: 'heading', level: 2, children: [{ text: '（二）工作目标' }] },
    ], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    editor.onChange();
    await tick();
    expect(types(editor)).toEqual(['heading', 'paragraph', 'heading']);
    expect(editor.children.map((b) => Editor.string(editor, [editor.children.indexOf(b)]))).toEqual(['一、总体要求', '指导思想', '（一）工作目标']);
    // The caret just after the number does the same; a second Backspace joins the lines as usual.
    Transforms.select(editor, { path: [2, 0], offset: 3 });
    editor.deleteBackward('character');
    editor.onChange();
    await tick();
    expect(Editor.string(editor, [2])).toBe('工作目标');
    editor.deleteBackward('character');
    expect(Editor.string(editor, [1])).toBe('指导思想工作目标');
    editor.undo();
    editor.undo();
    await tick();
    expect(types(editor)).toEqual(['heading', 'paragraph', 'heading']);
    expect(Editor.string(editor, [2])).toBe('（一）工作目标');
  });

  it('Enter at the start of a heading (or just after its number) opens a 正文 line above; the heading keeps its number', () => {
    for (const offset of [0, 2]) {
      const editor = editorWith(
        [{ type: 'paragraph', children: [{ text: '前文。' }] }, { type: 'heading', level: 1, children: [{ text: '一、总体要求' }] }, { type: 'heading', level: 1, children: [{ text: '二、工作' }] }],
        withParagraphFlow,
      );
      Transforms.select(editor, { path: [1, 0], offset });
      editor.insertBreak();
      editor.onChange();
      expect((editor.children as BlockElement[]).map((b) => `${b.type}:${Editor.string(editor, [editor.children.indexOf(b)])}`)).toEqual(['paragraph:前文。', 'paragraph:', 'heading:一、总体要求', 'heading:二、工作']);
      expect(editor.selection?.anchor).toEqual({ path: [2, 0], offset });
      editor.undo();
      expect(types(editor)).toEqual(['paragraph', 'heading', 'heading']);
    }
  });

  it('Enter at the start of a 标题 or 署名 opens a 正文 line above instead of an empty copy', () => {
    const editor = editorWith([{ type: 'doc-title', children: [{ text: '关于开展检查的通知' }] }, { type: 'signature', children: [{ text: '市政府办公室' }] }], withParagraphFlow);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.insertBreak();
    Transforms.select(editor, Editor.start(editor, [0]));
    editor.insertBreak();
    expect(types(editor)).toEqual(['paragraph', 'doc-title', 'paragraph', 'signature']);
    // In the middle of a heading Enter still splits it.
    const split = editorWith([{ type: 'heading', level: 1, children: [{ text: '一、总体要求' }] }], withParagraphFlow);
    Transforms.select(split, { path: [0, 0], offset: 4 });
    split.insertBreak();
    expect(types(split)).toEqual(['heading', 'heading']);
  });
});

