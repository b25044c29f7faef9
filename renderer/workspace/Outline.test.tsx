/** The outline names a document without title 「（无标题）」, marked so that it shows grey, not as an empty line. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GazetteDocument, IssueTree } from '../../common/model';
import { Outline, type OutlineActions } from './Outline';

const doc = (id: string, title: string): GazetteDocument => ({ id, sectionId: 's', kind: 'notice', title, docNumber: '', position: 0, updatedAt: '', content: { schemaVersion: 1, blocks: [] } });

describe('Outline', () => {
  it('shows an untitled document as 「（无标题）」 in the grey placeholder style, a titled one as its title', () => {
    const tree = { issue: {} as never, sections: [{ id: 's', issueId: 'i', name: '文件', position: 0, documents: [doc('a', '关于供暖的通知'), doc('b', '')] }] } as IssueTree;
    const html = renderToStaticMarkup(<Outline tree={tree} actions={{} as OutlineActions} />);
    expect(html).toContain('<span class="doc-title">关于供暖的通知</span>');
    expect(html).toContain('<span class="doc-title untitled">（无标题）</span>');
  });
});
