/**
 * Runs of dashes (——, the 破折号) in the PDF's text layer. The Noto faces (宋体 tables, 黑体 headings,
 * titles) set —— as one long glyph (their ccmp feature), and Chromium shapes text across element
 * boundaries: where our HTML cut a run with a tag (a table cell's no-break span around “—、”, a marked run
 * beginning with a dash, a title's <wbr>), the PDF mapped that glyph to one dash, in every later use too.
 * Found by fuzz seed 2026 case 44 with --images (a vertical cell “，——、1.张光利10” read “，—、”: missing
 * characters: —×1). The HTML never cuts a run now (toHtml keepDashRunsWhole, typeset titleBreakOffsets).
 */
import { describe, expect, it } from 'vitest';
import type { BlockElement, TableCellElement, TextLeaf } from '../common/model';
import { keepDashRunsWhole, renderLeaves, renderTitle } from '../common/render/toHtml';
import { titleBreakOffsets } from '../common/render/typeset';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

/** A tag between two dashes: the cut this fix removes. */
const CUT_RUN = /[—―](<[^>]*>)+[—―]/;

describe('the print HTML never cuts a run of dashes', () => {
  it('a marked run that begins with dashes gives them to the run before', () => {
    expect(keepDashRunsWhole(['甲—', '—乙', '丙'])).toEqual(['甲——', '乙', '丙']);
    expect(keepDashRunsWhole(['甲―', '――', '―乙'])).toEqual(['甲――――', '', '乙']);
    // Nothing moves where no run is cut.
    expect(keepDashRunsWhole(['甲—', '乙—', '—'])).toEqual(['甲—', '乙——', '']);
    expect(keepDashRunsWhole(['甲', '—乙'])).toEqual(['甲', '—乙']);
    const html = renderLeaves([{ text: '甲—' }, { text: '—乙', underline: true }]);
    expect(html).not.toMatch(CUT_RUN);
    expect(html.replace(/<[^>]*>/g, '')).toBe('甲——乙');
  });

  it('a table cell’s no-break span around a mark takes the whole run', () => {
    const cellOptions = { bindMarks: true };
    for (const text of ['，——、1.张光利10', '（——甲', '甲——）', '甲——。', '“——”']) {
      const html = renderLeaves([{ text }], cellOptions);
      expect(html, text).not.toMatch(CUT_RUN);
      expect(html.replace(/<[^>]*>/g, ''), text).toBe(text);
    }
  });

  it('a title never breaks inside a run of dashes', () => {
    const text = '关于印发——格尔木市实施方案——的通知';
    for (const at of titleBreakOffsets(text)) expect(text[at - 1] + text[at]).not.toBe('——');
    expect(renderTitle({ type: 'doc-title', children: [{ text }] })).not.toMatch(CUT_RUN);
  });
});

const exporter = fixtureExporter('dashes');

const cell = (children: TextLeaf[], vertical = false): TableCellElement => ({ type: 'table-cell', vertical: vertical || undefined, children: [{ type: 'paragraph', children }] });

/**
 * Each run of dashes is the first in its face (the glyph's text is fixed at its first use in a font), and
 * each is cut by a tag in the old HTML: title (Noto Serif SC 700), heading (Noto Sans SC), table (Noto Serif SC).
 */
function dashCase(): FuzzCase {
  const base = fuzzCase(98, 1, { scale: 0.2 });
  const blocks: BlockElement[] = [
    { type: 'doc-title', children: [{ text: '关于印发——格尔木市实施方案——的通知（随机98-1）' }] },
    { type: 'heading', level: 1, children: [{ text: '一、高度重视—' }, { text: '—压实工作责任', underline: true }] },
    {
      type: 'table',
      headerRows: 0,
      variant: 'data',
      size: 'normal',
      children: [
        { type: 'table-row', children: [cell([{ text: '序号' }]), cell([{ text: '，——、1.张光利10' }], true), cell([{ text: '甲——。乙' }])] },
        { type: 'table-row', children: [cell([{ text: '1' }]), cell([{ text: '（——甲' }]), cell([{ text: '丙―' }, { text: '―丁', underline: true }])] },
      ],
    },
    { type: 'paragraph', children: [{ text: '请结合实际认真贯彻执行——落实确保取得实效。' }] },
  ];
  return { ...base, assets: [], document: { ...base.document, title: '关于印发——格尔木市实施方案——的通知（随机98-1）', content: { ...base.document.content, blocks } } };
}

it('every dash of a run is in the PDF text layer (pdf.js), in titles, headings and table cells', async () => {
  const c = dashCase();
  expect(await exporter.problems([c])).toEqual([]);
  // The document's page: every dash there (pdftotext reads the same ToUnicode maps).
  const page = exporter.pdfPages(c).find((p) => p.includes('张光利10'))!;
  expect(page).toContain('，——、1.张光利10');
  expect(page).toContain('高度重视——压实工作责任');
  expect(page).toContain('丙――丁');
}, 300_000);
