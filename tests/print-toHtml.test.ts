/** toHtml: escaping, literal numbering, units, regions, TOC. */
import { describe, expect, it } from 'vitest';
import { normalizeContent, type GazetteDocument, type IssueTree } from '../common/model';
import { escapeHtml } from '../common/render/html';
import { documentRegions, paginationUnits, renderDocument, spreadName, tableColumnCount } from '../common/render/toHtml';
import { tocHtml, tocSections, untitledTocWarnings } from '../common/render/toHtmlFront';
import { fixtureIssue } from './fixtures/docx-issue-fixture';

function doc(blocks: unknown[], kind: GazetteDocument['kind'] = 'notice'): GazetteDocument {
  return { id: 'd1', sectionId: 's', kind, title: 't', docNumber: '', position: 0, content: normalizeContent({ schemaVersion: 1, blocks }), updatedAt: '' };
}

describe('toHtml', () => {
  it('escapes untrusted text everywhere', () => {
    const html = renderDocument(doc([{ type: 'paragraph', children: [{ text: '<script>alert(1)</script>&"' }] }]), fixtureIssue().issue.settings);
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>&"'));
  });

  it('keeps numbering literal and marks headings', () => {
    const html = renderDocument(doc([{ type: 'heading', level: 2, children: [{ text: '（一）加强领导' }] }]), fixtureIssue().issue.settings);
    expect(html).toContain('class="gz-h gz-h2"');
    expect(html).toContain('（一）加强领导');
  });

  it('prints a title as its text: an issuer the text no longer begins with adds nothing (the editor shows only the text)', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    // Imported 「格尔木市人民政府办公室关于…」 keeps its issuer; the editor then cut the issuer off the title.
    const edited = renderDocument(doc([{ type: 'doc-title', issuer: '格尔木市人民政府办公室', children: [{ text: '关于做好冬季道路养护工作的通知' }] }]), fixtureIssue().issue.settings);
    expect(text(edited)).not.toContain('格尔木市人民政府办公室');
    expect(text(edited)).toContain('关于做好冬季道路养护工作的通知');
    // A title that begins with its issuer still sets it on a line of its own when it wraps.
    const whole = renderDocument(doc([{ type: 'doc-title', issuer: '格尔木市人民政府办公室', children: [{ text: '格尔木市人民政府办公室关于做好冬季道路养护工作的通知' }] }]), fixtureIssue().issue.settings);
    expect(whole).toContain('<span class="gz-title-issuer gz-own-line">格尔木市人民政府办公室</span>');
    expect(text(whole).match(/格尔木市人民政府办公室/g)).toHaveLength(1);
  });

  it("sets a 纪要's 「机关 日期」 line under its title as one line, organ left, date right; other 落款 stay 署名 over date", () => {
    const settings = fixtureIssue().issue.settings;
    const organ = { type: 'signature', children: [{ text: '格尔木市人民政府办公室' }] };
    const date = { type: 'date-line', children: [{ text: '2024年3月5日' }] };
    const body = { type: 'paragraph', children: [{ text: '会议研究了有关工作。纪要如下：' }] };
    const minutes = renderDocument(doc([{ type: 'doc-title', children: [{ text: '格尔木市人民政府常务会议纪要' }] }, { type: 'doc-number', children: [{ text: '〔2024〕5号' }] }, organ, date, body], 'other'), settings);
    // In the spanning title block, after the 文号: both halves of one line.
    expect(minutes).toMatch(
      /<header[^>]*gz-titleblock[^>]*>.*<p class="gz-docno">〔2024〕5号<\/p><p class="gz-minuteshead"><span class="gz-minuteshead-organ">格尔木市人民政府办公室<\/span><span class="gz-minuteshead-date">2024年3月5日<\/span><\/p><\/header>/s,
    );
    expect(minutes).not.toContain('class="gz-signature');
    expect(minutes).not.toContain('class="gz-date');
    // Without a 文号 too.
    expect(renderDocument(doc([{ type: 'doc-title', children: [{ text: '城市更新工作专题会议纪要' }] }, organ, date, body], 'other'), settings)).toContain('<p class="gz-minuteshead">');
    // A 纪要 whose 落款 closes it, and a 通知 with a 落款 under its title, keep 署名 over date.
    for (const blocks of [
      [{ type: 'doc-title', children: [{ text: '格尔木市人民政府常务会议纪要' }] }, body, organ, date],
      [{ type: 'doc-title', children: [{ text: '关于做好冬季道路养护工作的通知' }] }, organ, date, body],
    ]) {
      const html = renderDocument(doc(blocks), settings);
      expect(html).not.toContain('gz-minuteshead');
      expect(html).toContain('<p class="gz-signature">格尔木市人民政府办公室</p>\n<p class="gz-date">2024年3月5日</p>');
    }
  });

  it('puts attachments in their own regions and tables in full-width regions', () => {
    const d = doc([
      { type: 'paragraph', children: [{ text: '正文' }] },
      { type: 'attachment-heading', children: [{ text: '附件1' }] },
      { type: 'doc-title', children: [{ text: '名单' }] },
      { type: 'table', headerRows: 1, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: 'x' }] }] }] }] },
    ]);
    expect(documentRegions(d).map((r) => r.mode)).toEqual(['cols', 'full']);
    expect(renderDocument(d, fixtureIssue().issue.settings)).toContain('gz-region--newpage');
  });

  it('groups consecutive personnel notices into one unit', () => {
    const tree: IssueTree = fixtureIssue();
    const units = paginationUnits(tree);
    const personnel = units.find((u) => u.documentIds.length > 1);
    expect(personnel?.sectionName).toBe('人事任免');
    expect(new Set(units.map((u) => u.hash)).size).toBe(units.length);
  });

  it('spreads two-character names and counts grid columns', () => {
    expect(spreadName('袁 萍')).toBe('<span class="gz-name2">袁萍</span>');
    expect(spreadName('马彩萍')).toBeUndefined();
    const table = fixtureIssue().sections[0].documents[0].content.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? tableColumnCount(table) : 0).toBeGreaterThan(0);
  });

  it('builds the TOC with page numbers as （N）', () => {
    const tree = fixtureIssue();
    const sections = tocSections(tree);
    const first = sections[0].entries[0];
    const html = tocHtml(sections, { [first.documentId]: 3 });
    expect(html).toContain('（3）');
    expect(html).toContain('gz-toc-leader');
  });

  it('warns at export of a TOC entry without title (it prints only its leader and page), not of one with a TOC title', () => {
    const tree = fixtureIssue();
    expect(untitledTocWarnings(tree)).toEqual([]);
    const docs = tree.sections[0].documents;
    docs.push({ ...docs[0], id: 'untitled', title: '', docNumber: '' }, { ...docs[0], id: 'renamed', title: '', tocTitleOverride: '关于供暖的通知' });
    expect(untitledTocWarnings(tree)).toEqual([`目录中栏目「${tree.sections[0].name}」第${docs.length - 1}篇文件没有标题，只印了页码`]);
  });

  it('sets a long title without 文号 on its own lines, its leader and page on the line below', () => {
    // A 司法解释 (no 文号 of its own) printed its leader and page beside the first of three title lines.
    const entry = (documentId: string, title: string) => ({ documentId, title, docNumber: '', oneLine: true });
    const html = tocHtml(
      [{ name: '市政府办公室文件', entries: [entry('a', '最高人民法院最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释（法释〔2016〕29号）'), entry('b', '7月份大事记')] }],
      { a: 19, b: 54 },
    );
    expect(html).toContain(
      '<p class="gz-toc-title">最高人民法院最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释（法释〔2016〕29号）</p>' +
        '<p class="gz-toc-line"><span class="gz-toc-text"></span><span class="gz-toc-leader"></span><span class="gz-toc-page">（19）</span></p>',
    );
    // A short one keeps its one line (7月份大事记……（54）, format §9).
    expect(html).toContain('<p class="gz-toc-line gz-toc-oneline"><span class="gz-toc-text">7月份大事记</span>');
  });
  it('sets a caption directly above a table inside the spanning table block, and leaves sentences and other lines in the column', () => {
    const cell = (t: string) => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: t }] }] });
    const table = { type: 'table', headerRows: 1, children: [{ type: 'table-row', children: [cell('序号'), cell('名称')] }, { type: 'table-row', children: [cell('1'), cell('甲')] }] };
    const p = (text: string, extra: object = {}) => ({ type: 'paragraph', children: [{ text }], ...extra });
    const settings = fixtureIssue().issue.settings;
    const html = (blocks: unknown[]) => renderDocument(doc(blocks), settings);
    const captionInWrap = (text: string) => new RegExp(`<div class="gz-tablewrap[^"]*"[^>]*><p class="gz-tablenote--above gz-tablecaption">${text}</p><table`);
    // A title-like line naming a list, a numbered 表N line, a centred line, a wholly bold line.
    expect(html([p('正文。'), p('重点排污单位名录（2025年）'), table])).toMatch(captionInWrap('重点排污单位名录（2025年）'));
    expect(html([p('表2　各乡镇补贴发放情况'), table])).toMatch(captionInWrap('表2　各乡镇补贴发放情况'));
    expect(html([p('附表'), table])).toMatch(captionInWrap('附表'));
    expect(html([p('二〇二五年度计划', { align: 'center' }), table])).toMatch(captionInWrap('二〇二五年度计划'));
    expect(html([{ type: 'paragraph', children: [{ text: '补贴标准', bold: true }] }, table])).toMatch(captionInWrap('<b>补贴标准</b>'));
    // A sentence or a lead-in before the table, a plain line, a line that only starts with 表, stay body text.
    for (const text of ['具体标准见下表。', '各单位报送情况如下：', '补贴按以下标准发放', '表示同意的单位名单如下所示的各项内容']) {
      const out = html([p(text), table]);
      expect(out, text).not.toContain('gz-tablecaption');
      expect(out, text).toContain(`<p class="gz-p">${text}</p>`);
    }
    // A caption-like line not followed by a table is a paragraph.
    expect(html([p('重点排污单位名录'), p('正文。')])).not.toContain('gz-tablecaption');
  });
});
