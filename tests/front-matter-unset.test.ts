import { describe, expect, it } from 'vitest';
import { emptyFrontMatter, type IssueTree } from '../common/model';
import { fixtureIssue } from './fixtures/docx-issue-fixture';
import { toDocx } from '../common/render/toDocx';
import { coverHtml, insideCoverHtml, tocSidebarHtml } from '../common/render/toHtmlFront';
import { unzipDocx, partText } from './docx-helpers';

/** An issue as a first import into a new library makes it: nothing filled in under 本期设置. */
function unsetIssue(journalName: string): IssueTree {
  const tree = fixtureIssue();
  tree.issue = { ...tree.issue, journalName, frontMatter: emptyFrontMatter() };
  return tree;
}

const text = (html: string) => html.replace(/<[^>]+>/g, '|');

describe('front matter with nothing set in 本期设置', () => {
  it('prints no bare label on the cover or the inside cover, and the journal name as the cover name', () => {
    const tree = unsetIssue('某某市人民政府政务公开信息');
    const cover = coverHtml(tree);
    expect(cover).toContain('某某市人民政府政务公开信息');
    expect(tocSidebarHtml(tree)).toContain('某某市人民政府政务公开信息');
    expect(text(cover)).not.toMatch(/主管：|主办：|准印证号：/);
    expect(text(cover)).toContain('内部资料\u3000免费交流|');
    const inside = insideCoverHtml(tree);
    expect(text(inside)).not.toContain('委员：');
    expect(inside).not.toContain('gz-colophon');
    expect(inside).not.toContain('gz-ic-title');
  });

  it('prints every label that has its value, as before', () => {
    const tree = fixtureIssue();
    const fm = tree.issue.frontMatter;
    Object.assign(fm, { supervisor: '某某市人民政府', sponsor: '某某市人民政府办公室', permitNumber: '青0000001', membersNote: '以姓氏笔画为序', committeeTitle: '编辑委员会' });
    fm.colophon = [{ label: '编辑出版', value: '某某市人民政府办公室' }];
    const cover = text(coverHtml(tree));
    expect(cover).toContain('主管：某某市人民政府|');
    expect(cover).toContain('主办：某某市人民政府办公室|');
    expect(cover).toContain('内部资料\u3000免费交流\u3000准印证号：青0000001|');
    const inside = text(insideCoverHtml(tree));
    expect(inside).toContain('委员：|以姓氏笔画为序');
    expect(inside).toContain('编辑出版：某某市人民政府办公室');
    expect(inside).toContain('编辑委员会');
  });

  it('writes the same into the DOCX', async () => {
    const { bytes } = await toDocx(unsetIssue('某某市人民政府政务公开信息'), {});
    const body = unzipDocx(bytes)['word/document.xml'];
    const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => partText(m[0]));
    expect(paragraphs).toContain('某某市人民政府政务公开信息');
    expect(paragraphs).toContain('内部资料\u3000免费交流');
    for (const bare of ['主管：', '主办：', '委员：']) expect(paragraphs.filter((p) => p.startsWith(bare))).toEqual([]);
  });
});
