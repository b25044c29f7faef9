/** toHtml: escaping, literal numbering, units, regions, TOC. */
import { describe, expect, it } from 'vitest';
import { normalizeContent, type GazetteDocument, type IssueTree } from '../common/model';
import { escapeHtml } from '../common/render/html';
import { documentRegions, paginationUnits, renderDocument, spreadName, tableColumnCount } from '../common/render/toHtml';
import { tocHtml, tocSections } from '../common/render/toHtmlFront';
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
});
