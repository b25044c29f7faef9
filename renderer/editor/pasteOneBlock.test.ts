/**
 * Word's clipboard makes even one copied word a <p>, and the importer may read a lone line as the 标题
 * (DOMPurify needs a browser, so the importer's answer is given here; e2e-habits pastes real Word HTML).
 */
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it, vi } from 'vitest';
import type { GazetteEditor } from './types';
import { withGazette } from './withGazette';

vi.mock('./paste', () => ({
  pastedBlocks: () => [{ type: 'doc-title', children: [{ text: '词' }, { text: '语', underline: true }] }],
}));

describe('a paste the importer reads as one block', () => {
  it('goes in at the caret with its marks, not as a block of its own', () => {
    const editor = withGazette(withHistory(createEditor()) as GazetteEditor);
    editor.children = [{ type: 'paragraph', children: [{ text: '甲乙丙' }] }, { type: 'paragraph', children: [{ text: '下段' }] }] as Descendant[];
    Transforms.select(editor, { path: [0, 0], offset: 1 });
    editor.insertData({ types: ['text/html'], getData: () => '<p>词语</p>' } as unknown as DataTransfer);
    expect(editor.children.map((b) => Node.string(b))).toEqual(['甲词语乙丙', '下段']);
    expect(editor.children[0]).toEqual({ type: 'paragraph', children: [{ text: '甲词' }, { text: '语', underline: true }, { text: '乙丙' }] });
    expect(editor.selection?.anchor).toEqual(Editor.end(editor, [0, 1]));
  });
});
