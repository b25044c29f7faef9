import { describe, expect, it } from 'vitest';
import { plainText, type TableElement } from '../model';
import { importIssueFromText } from './fromText';
import { inheritContinuedHeader } from './tableContinuation';

const cell = (text: string, extra: object = {}) => ({ type: 'table-cell' as const, ...extra, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
const row = (...cells: ReturnType<typeof cell>[]) => ({ type: 'table-row' as const, children: cells });
const table = (headerRows: number, ...rows: ReturnType<typeof row>[]): TableElement => ({ type: 'table', headerRows, children: rows });

const first = table(1, row(cell('序号'), cell('指标项'), cell('单位')), row(cell('9'), cell('甲'), cell('市住建局')), row(cell('10'), cell('乙'), cell('市民政局')));

describe('a table continued without its header', () => {
  it('takes the header of the table above when its numbering goes on', () => {
    const part = table(0, row(cell('11'), cell('丙'), cell('市财政局')), row(cell('12'), cell('丁'), cell('市交通局')));
    const out = inheritContinuedHeader(first, part)!;
    expect(out.headerRows).toBe(1);
    expect(out.children.map((r) => r.children.map((c) => plainText(c)))).toEqual([['序号', '指标项', '单位'], ['11', '丙', '市财政局'], ['12', '丁', '市交通局']]);
  });

  it('puts an empty cell over an extra label column before 序号', () => {
    const part = table(0, row(cell('全省副中心城市建设', { rowSpan: 2 }), cell('11'), cell('丙'), cell('市财政局')), row(cell('12'), cell('丁'), cell('市交通局')));
    const out = inheritContinuedHeader(first, part)!;
    expect(out.headerRows).toBe(1);
    expect(out.children[0].children.map((c) => plainText(c))).toEqual(['', '序号', '指标项', '单位']);
  });

  it('leaves alone a table that has a header, starts a new numbering or has other columns', () => {
    expect(inheritContinuedHeader(first, table(1, row(cell('序号'), cell('名称'), cell('单位')), row(cell('11'), cell('丙'), cell('市财政局'))))).toBeNull();
    expect(inheritContinuedHeader(first, table(0, row(cell('1'), cell('丙'), cell('市财政局'))))).toBeNull();
    expect(inheritContinuedHeader(first, table(0, row(cell('11'), cell('丙'))))).toBeNull();
    expect(inheritContinuedHeader(table(0, row(cell('10'), cell('乙'), cell('市民政局'))), table(0, row(cell('11'), cell('丙'), cell('市财政局'))))).toBeNull();
  });

  it('copies no header onto a part whose 序号 column goes on with text (rows of another table glued on)', () => {
    const glued = table(
      0,
      row(cell('11'), cell('丙'), cell('市财政局')),
      row(cell('住房'), cell('存在安全隐患的住宅数量', { colSpan: 2 })),
    );
    expect(inheritContinuedHeader(first, glued)).toBeNull();
    // Numbering that goes back, or a blank and a total under the numbers, are told apart.
    expect(inheritContinuedHeader(first, table(0, row(cell('11'), cell('丙'), cell('市财政局')), row(cell('3'), cell('丁'), cell('市交通局'))))).toBeNull();
    const totals = table(0, row(cell('11'), cell('丙'), cell('市财政局')), row(cell(''), cell('丙的说明'), cell('')), row(cell('合计'), cell(''), cell('2 项')));
    expect(inheritContinuedHeader(first, totals)?.headerRows).toBe(1);
  });

  it('reads the 序号 column under row-spanned label cells', () => {
    const part = table(0, row(cell('全省副中心城市建设', { rowSpan: 2 }), cell('11'), cell('丙'), cell('市财政局')), row(cell('12'), cell('丁'), cell('市交通局')), row(cell('其他'), cell('13'), cell('戊'), cell('市水务局')));
    expect(inheritContinuedHeader(first, part)?.headerRows).toBe(1);
    const wrong = table(0, row(cell('全省副中心城市建设', { rowSpan: 2 }), cell('11'), cell('丙'), cell('市财政局')), row(cell('枢纽经济贡献'), cell('丁'), cell('市交通局')));
    expect(inheritContinuedHeader(first, wrong)).toBeNull();
  });

  it('is applied by the text importer to a table split by a blank line', () => {
    const text = ['关于测试的通知', '', '各单位：', '测试如下。', '', '序号\t指标项\t数据提供单位', '1\t城市蓝绿空间占比\t市住房和城乡建设局', '2\t地表水达标比例\t市生态环境局', '', '全省副中心城市建设\t3\t旅游休闲街区数量\t市文体旅游广电局', '\t4\t生态旅游公路长度\t市交通运输局', ''].join('\n');
    const { tree } = importIssueFromText(text);
    const tables = tree.sections.flatMap((s) => s.documents).flatMap((d) => d.content.blocks).filter((b): b is TableElement => b.type === 'table');
    expect(tables.length).toBe(2);
    expect(tables[1].headerRows).toBe(1);
    expect(plainText(tables[1].children[0])).toContain('序号');
  });
});
