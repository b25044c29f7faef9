/** The web edition's pure parts: tables for reading, page ranges from the page map, metadata, font subsets. */
import { describe, expect, it } from 'vitest';
import type { GazetteDocument, IssueTree, TableElement } from '../model';
import { isoDateOf, webDocumentBody, webMetadata, webPageRanges, webSearchScript, webTable } from './toWeb';
import { parseUnicodeRange, usedSubsets } from './webFonts';

const cell = (text: string, extra: object = {}) => ({ type: 'table-cell' as const, ...extra, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
const row = (...cells: ReturnType<typeof cell>[]) => ({ type: 'table-row' as const, children: cells });

describe('webTable', () => {
  it('marks header rows with th scope=col (colgroup when spanning) and leaves blank header cells plain', () => {
    const table: TableElement = { type: 'table', headerRows: 1, children: [row(cell('序号'), cell('指标', { colSpan: 2 }), cell('')), row(cell('1'), cell('绿地'), cell('面积'), cell('<b>'))] };
    const html = webTable(table, '表1');
    expect(html).toContain('<th scope="col">序号</th><th scope="colgroup" colspan="2">指标</th><td></td>');
    expect(html).toContain('<td>&lt;b&gt;</td>');
    expect(html).toContain('role="region" tabindex="0" aria-label="表1"');
  });

  it('gives a table without header rows its first column as row headers', () => {
    const table: TableElement = { type: 'table', headerRows: 0, children: [row(cell('项目名称'), cell('藜麦')), row(cell('', {}), cell('x'))] };
    const html = webTable(table, '表');
    expect(html).toContain('<th scope="row">项目名称</th><td>藜麦</td>');
    expect(html).toContain('<td></td><td>x</td>');
  });
});

const doc = (id: string, blocks: GazetteDocument['content']['blocks']): GazetteDocument => ({
  id,
  sectionId: 's',
  kind: 'notice',
  title: `标题${id}`,
  docNumber: '',
  position: 0,
  updatedAt: '',
  content: { schemaVersion: 1, blocks },
});

describe('webDocumentBody', () => {
  it('sets the title as h1, headings one level down, and each attachment as a section', () => {
    const html = webDocumentBody(
      doc('a', [
        { type: 'doc-title', children: [{ text: '关于 2024 年的通知' }] },
        { type: 'heading', level: 1, children: [{ text: '一、目标' }] },
        { type: 'attachment-heading', children: [{ text: '附件1' }] },
        { type: 'doc-title', children: [{ text: '方案' }] },
        { type: 'heading', level: 1, children: [{ text: '一、范围' }] },
        { type: 'image', assetId: 'img', alt: '流程图', children: [{ text: '' }] },
      ]),
      { assetUrl: (id) => `../images/${id}.png` },
    );
    expect(html).toContain('<h1 class="doc-title">关于2024年的通知</h1>');
    expect(html).toContain('<h2>一、目标</h2>');
    expect(html).toMatch(/<section class="attachment" aria-labelledby="(attachment-\d+)"><h2 id="\1"><span class="attachment-heading">附件1<\/span><span class="attachment-title">方案<\/span><\/h2>/);
    expect(html).toContain('<h3>一、范围</h3>');
    expect(html).toContain('<img src="../images/img.png" alt="流程图" loading="lazy">');
    expect(html.trim().endsWith('</section>')).toBe(true);
  });

  it("sets a 纪要's 「机关 日期」 head as one line (organ, date) and keeps a 落款 as 署名 over date", () => {
    const html = webDocumentBody(
      doc('m', [
        { type: 'doc-title', children: [{ text: '县政府第3次专题会议纪要' }] },
        { type: 'doc-number', children: [{ text: '〔2025〕3号' }] },
        { type: 'signature', children: [{ text: '县人民政府办公室' }] },
        { type: 'date-line', children: [{ text: '2025年3月4日' }] },
        { type: 'paragraph', children: [{ text: '会议议定如下。' }] },
      ]),
    );
    expect(html).toContain('<p class="minutes-head"><span class="organ">县人民政府办公室</span><span class="date">2025年3月4日</span></p>');
    expect(html).not.toContain('class="signature"');
    expect(html).not.toContain('class="date-line"');
    const notice = webDocumentBody(
      doc('n', [
        { type: 'doc-title', children: [{ text: '关于春耕的通知' }] },
        { type: 'signature', children: [{ text: '县人民政府办公室' }] },
        { type: 'date-line', children: [{ text: '2025年3月4日' }] },
      ]),
    );
    expect(notice).toContain('<p class="signature">县人民政府办公室</p>');
    expect(notice).not.toContain('minutes-head');
  });
});

describe('webPageRanges and webMetadata', () => {
  const tree = {
    issue: { journalName: '期刊', year: 2024, number: 6, cumulativeNumber: 191, date: '2024-07-31', frontMatter: {} },
    sections: [
      { name: '文件', documents: [doc('a', [{ type: 'doc-title', issuer: '市政府办公室', children: [{ text: '市政府办公室关于甲的通知' }] }, { type: 'date-line', children: [{ text: '2024年7月5日' }] }])] },
      { name: '人事任免', documents: [doc('b', []), doc('c', [])] },
    ],
  } as unknown as IssueTree;
  const pageMap = { documents: { a: 3, b: 9, c: 9 }, units: { a: { first: 3, count: 6 }, b: { first: 9, count: 2 } } };

  it('ends a document where the next in its unit starts, else at the end of its unit', () => {
    expect(webPageRanges(tree, pageMap)).toEqual({ a: { first: 3, last: 8 }, b: { first: 9, last: 9 }, c: { first: 9, last: 10 } });
  });

  it('lists every document with issuer, ISO date, section, pages and files', () => {
    const meta = webMetadata(tree, { pages: webPageRanges(tree, pageMap), pdfPages: 12 });
    expect(meta.documents[0]).toEqual({
      id: 'a',
      title: '标题a',
      docNumber: '',
      issuer: '市政府办公室',
      date: '2024-07-05',
      dateText: '2024年7月5日',
      section: '文件',
      pages: { first: 3, last: 8 },
      files: { html: 'docs/a.html', pdf: 'pdf/a.pdf' },
    });
    expect(webMetadata(tree, null).documents[0].files.pdf).toBeNull();
    expect(isoDateOf('二〇二四年')).toBe('');
  });

  it('search data cannot close a script element', () => {
    expect(webSearchScript([{ title: '</script><script>x', docNumber: '', section: '', href: 'docs/a.html', text: '' }])).not.toContain('</script>');
  });
});

describe('web font subsets', () => {
  const css = [
    "@font-face { font-family: 'Noto Serif SC'; src: url(./files/a-0-400.woff2) format('woff2'); unicode-range: U+4e00-4e0f,U+3000; }",
    "@font-face { font-family: 'Noto Serif SC'; src: url(./files/a-1-400.woff2) format('woff2'); unicode-range: U+9f??; }",
  ].join('\n');
  it('keeps only the subsets holding characters in use', () => {
    expect(parseUnicodeRange('U+4e00-4e0f,U+3000,U+9f??')).toEqual([[0x4e00, 0x4e0f], [0x3000, 0x3000], [0x9f00, 0x9fff]]);
    expect(usedSubsets(css, new Set([0x3000])).map((s) => s.file)).toEqual(['./files/a-0-400.woff2']);
    expect(usedSubsets(css, new Set([0x9f50, 0x4e01])).map((s) => s.file)).toEqual(['./files/a-0-400.woff2', './files/a-1-400.woff2']);
    expect(usedSubsets(css, new Set([0x41]))).toEqual([]);
  });
});
