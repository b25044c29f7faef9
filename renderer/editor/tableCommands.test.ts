import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { TableElement } from '../../common/model';
import { newTable } from '../../common/editor/table';
import { runTableCommand } from './tableCommands';
import type { GazetteEditor } from './types';
import { withGazette } from './withGazette';

/** An editor holding one new table, the caret in cell (row, col). */
function editorWithTable(rows: number, cols: number, row: number, col: number): GazetteEditor {
  const editor = withGazette(withHistory(createEditor()) as GazetteEditor);
  editor.children = [newTable(rows, cols)] as unknown as Descendant[];
  Editor.normalize(editor, { force: true });
  Transforms.select(editor, Editor.start(editor, [0, row, col]));
  return editor;
}

describe('table size commands', () => {
  it('fixes a table to 六号 or 小五 and returns it to automatic', () => {
    const editor = editorWithTable(2, 2, 1, 0);
    const table = () => editor.children[0] as unknown as TableElement;
    runTableCommand(editor, 'size-compact');
    expect(table().size).toBe('compact');
    runTableCommand(editor, 'size-normal');
    expect(table().size).toBe('normal');
    runTableCommand(editor, 'size-auto');
    expect(table()).not.toHaveProperty('size');
    expect(table().children).toHaveLength(2);
  });
});

describe('column width commands', () => {
  it('widens the current column from the automatic widths, and returns to automatic widths', () => {
    const editor = editorWithTable(2, 3, 1, 1);
    const table = () => editor.children[0] as unknown as TableElement;
    runTableCommand(editor, 'col-wider');
    const widths = table().colWidths!;
    expect(widths).toHaveLength(3);
    expect(widths[1]).toBeGreaterThan(widths[0]);
    expect(widths[1]).toBeGreaterThan(widths[2]);
    runTableCommand(editor, 'col-narrower');
    expect(table().colWidths![1]).toBeLessThan(widths[1]);
    runTableCommand(editor, 'col-auto');
    expect(table()).not.toHaveProperty('colWidths');
  });
});

describe('merging a selected range', () => {
  it('merges the rectangle from the anchor cell to the focus cell into one cell', () => {
    const editor = editorWithTable(3, 3, 1, 0);
    Transforms.select(editor, { anchor: Editor.start(editor, [0, 1, 0]), focus: Editor.end(editor, [0, 2, 1]) });
    runTableCommand(editor, 'merge-selection');
    const table = editor.children[0] as unknown as TableElement;
    expect(table.children[1].children[0]).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect(table.children[1].children).toHaveLength(2);
    expect(table.children[2].children).toHaveLength(1);
  });
});
