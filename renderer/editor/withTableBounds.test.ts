import { Editor, Node, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import type { GazetteEditor } from './types';
import { withParagraphFlow } from './withParagraphFlow';
import { withTableBounds } from './withTableBounds';
import { editorWith } from './testEditor';

/** The editor as GazetteEditor builds it, without React. */
const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string) => ({ type: 'table-cell', children: [p(text)] });
const table = () => ({ type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [cell('甲'), cell('乙')] }, { type: 'table-row', children: [cell('丙'), cell('丁')] }] });
/** Each top-level block as text; a table as its cells' texts, row by row. */
const shape = (e: GazetteEditor) =>
  e.children.map((b) => ((b as { type: string }).type === 'table' ? (b as { children: Node[] }).children.map((row) => (row as { children: Node[] }).children.map((c) => Node.string(c))) : Node.string(b)));
const doc = () => editorWith([p('前段'), table(), p('后段')], withTableBounds, withParagraphFlow);
const original = ['前段', [['甲', '乙'], ['丙', '丁']], '后段'];

describe('Backspace, Delete and typing at table borders (Word habits)', () => {
  it('Backspace at the start of the line after a table keeps the line out of the last cell', () => {
    const e = doc();
    Transforms.select(e, Editor.start(e, [2]));
    e.deleteBackward('character');
    expect(shape(e)).toEqual(original);
    expect(e.selection?.anchor).toEqual(Editor.end(e, [1]));
    e.insertText('X');
    expect(shape(e)).toEqual(['前段', [['甲', '乙'], ['丙', '丁X']], '后段']);
  });

  it('Backspace on an empty line after a table removes that line', () => {
    const e = editorWith([p('前段'), table(), p('')], withTableBounds, withParagraphFlow);
    Transforms.select(e, Editor.start(e, [2]));
    e.deleteBackward('character');
    expect(e.children).toHaveLength(2);
    expect(e.selection?.anchor).toEqual(Editor.end(e, [1]));
  });

  it('Backspace at the start of a cell moves no text and drops no cell', () => {
    const e = doc();
    for (const at of [[1, 0, 0], [1, 0, 1], [1, 1, 0]]) {
      Transforms.select(e, Editor.start(e, at));
      e.deleteBackward('character');
    }
    expect(shape(e)).toEqual(original);
  });

  it('Delete at the end of a cell or of the line before a table moves nothing', () => {
    const e = doc();
    Transforms.select(e, Editor.end(e, [0]));
    e.deleteForward('character');
    Transforms.select(e, Editor.end(e, [1, 0, 0]));
    e.deleteForward('character');
    expect(shape(e)).toEqual(original);
  });

  it('typing over a selection from a paragraph into a table empties what was selected and keeps the cells', () => {
    const e = doc();
    Transforms.select(e, { anchor: { path: [0, 0], offset: 1 }, focus: { path: [1, 0, 1, 0, 0], offset: 0 } });
    e.insertText('X');
    expect(shape(e)).toEqual(['前X', [['', '乙'], ['丙', '丁']], '后段']);
    e.undo();
    expect(shape(e)).toEqual(original);
  });

  it('Delete over a selection from a table into the next paragraph keeps the cells and the paragraph', () => {
    const e = doc();
    Transforms.select(e, { anchor: { path: [1, 1, 1, 0, 0], offset: 0 }, focus: { path: [2, 0], offset: 1 } });
    e.deleteFragment();
    expect(shape(e)).toEqual(['前段', [['甲', '乙'], ['丙', '']], '段']);
    expect(e.selection?.anchor).toEqual({ path: [1, 1, 1, 0, 0], offset: 0 });
  });

  it('a selection across two cells is emptied, not merged', () => {
    const e = doc();
    Transforms.select(e, { anchor: { path: [1, 0, 0, 0, 0], offset: 0 }, focus: { path: [1, 0, 1, 0, 0], offset: 1 } });
    e.insertText('Y');
    expect(shape(e)).toEqual(['前段', [['Y', ''], ['丙', '丁']], '后段']);
  });

  it('a table selected whole with the text around it goes, as in Word', () => {
    const e = editorWith([p('前段'), table(), p('后段'), table()], withTableBounds, withParagraphFlow);
    Transforms.select(e, { anchor: { path: [0, 0], offset: 1 }, focus: Editor.end(e, []) });
    e.deleteFragment();
    expect(shape(e)).toEqual(['前']);
    const all = editorWith([table(), p('中段'), table()], withTableBounds, withParagraphFlow);
    Transforms.select(all, { anchor: Editor.start(all, []), focus: Editor.end(all, []) });
    all.deleteFragment();
    expect(shape(all)).toEqual(['']);
    expect(all.selection?.anchor).toEqual({ path: [0, 0], offset: 0 });
  });

  it('selections inside one cell or between paragraphs keep Slate’s own behaviour', () => {
    const e = doc();
    Transforms.select(e, { anchor: { path: [1, 0, 0, 0, 0], offset: 0 }, focus: { path: [1, 0, 0, 0, 0], offset: 1 } });
    e.insertText('Z');
    Transforms.select(e, Editor.end(e, [2]));
    e.deleteBackward('character');
    expect(shape(e)).toEqual(['前段', [['Z', '乙'], ['丙', '丁']], '后']);
  });
});
