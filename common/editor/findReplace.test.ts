import { describe, expect, it } from 'vitest';
import type { DocumentContent, IssueTree } from '../model';
import { findInContent, findInIssue, replaceInContent } from './findReplace';

const content = (blocks: unknown[]): DocumentContent => ({ schemaVersion: 1, blocks: blocks as DocumentContent['blocks'] });

const doc = content([
  { type: 'paragraph', children: [{ text: '格尔木市人民政府' }, { text: '格尔木', bold: true }] },
  {
    type: 'table',
    children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '格尔木市统计局、格尔木市财政局' }] }] }] }],
  },
]);

describe('find and replace over a document', () => {
  it('finds every hit in every leaf, tables included, with its path, offset and context', () => {
    const hits = findInContent(doc, '格尔木');
    expect(hits.map((h) => [h.path, h.offset])).toEqual([
      [[0, 0], 0],
      [[0, 1], 0],
      [[1, 0, 0, 0, 0], 0],
      [[1, 0, 0, 0, 0], 8],
    ]);
    expect(hits[3].before).toBe('格尔木市统计局、');
    expect(hits[3].after).toBe('市财政局');
  });

  it('replaces all, keeping marks, and leaves the input untouched', () => {
    const { content: out, count } = replaceInContent(doc, '格尔木', '海西州');
    expect(count).toBe(4);
    expect(JSON.stringify(out)).not.toContain('格尔木');
    expect((out.blocks[0].children[1] as { bold?: boolean }).bold).toBe(true);
    expect(JSON.stringify(doc)).toContain('格尔木');
  });

  it('replaces one hit only where the text still matches', () => {
    const one = replaceInContent(doc, '格尔木', '海西州', { path: [1, 0, 0, 0, 0], offset: 8 });
    expect(one.count).toBe(1);
    expect(findInContent(one.content, '海西州').map((h) => h.offset)).toEqual([8]);
    expect(replaceInContent(doc, '格尔木', 'x', { path: [1, 0, 0, 0, 0], offset: 3 }).count).toBe(0);
  });

  it('lists hits by document across the issue, from the latest content where given', () => {
    const tree = {
      sections: [
        { name: '政府文件', documents: [{ id: 'a', title: '甲', content: doc }, { id: 'b', title: '乙', content: content([{ type: 'paragraph', children: [{ text: '无' }] }]) }] },
        { name: '部门文件', documents: [{ id: 'c', title: '丙', tocTitleOverride: '丙目录', content: content([{ type: 'paragraph', children: [{ text: '无' }] }]) }] },
      ],
    } as unknown as IssueTree;
    const latestC = content([{ type: 'paragraph', children: [{ text: '格尔木' }] }]);
    const found = findInIssue(tree, '格尔木', (id) => (id === 'c' ? latestC : undefined));
    expect(found.map((d) => [d.documentId, d.title, d.sectionName, d.hits.length])).toEqual([
      ['a', '甲', '政府文件', 4],
      ['c', '丙目录', '部门文件', 1],
    ]);
  });
});
