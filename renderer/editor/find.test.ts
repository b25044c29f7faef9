import { createEditor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { plainText, type BlockElement } from '../../common/model';
import { findMatches, replaceAll } from './find';
import type { GazetteEditor } from './types';

describe('find and replace', () => {
  it('finds every occurrence, including inside table cells, and replaces all in one step', () => {
    const editor = withHistory(createEditor()) as GazetteEditor;
    editor.children = [
      { type: 'paragraph', children: [{ text: '城市体检，城市体检。' }] },
      { type: 'table', headerRows: 0, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '城市体检指标' }] }] }] }] },
    ] as Descendant[];
    expect(findMatches(editor, '城市体检')).toHaveLength(3);
    expect(replaceAll(editor, '城市体检', '城检')).toBe(3);
    expect((editor.children as BlockElement[]).map((b) => plainText(b))).toEqual(['城检，城检。', '城检指标']);
    editor.undo();
    expect(plainText(editor.children[0] as BlockElement)).toBe('城市体检，城市体检。');
  });
});
