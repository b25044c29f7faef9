import { describe, expect, it } from 'vitest';
import { plainText, type BlockElement, type TableElement } from '../model';
import { importDocumentFromText } from './fromText';
import { splitLines } from './lines';
import { collectTable } from './tables';
import { findCut, sequenceColumn, splitAtShapeChange, type TablePart } from './tableSplit';

const run = (text: string) => {
  const lines = splitLines(text);
  return collectTable(lines, 0, lines.length).table;
};
const rowsOf = (p: TablePart) => (p.kind === 'table' ? p.raw.rows : [[p.text]]);

describe('a run of tab lines that holds two tables', () => {
  it('is cut where text moves into the 序号 column after the numbering ends', () => {
    const parts = splitAtShapeChange(
      run(['序号\t指标项\t单位\t说明', '1\t甲\t市住建局\t甲的说明', '2\t乙\t市民政局\t乙的说明', '住房\t存在安全隐患的住宅数量\t\t', '小区\t未达标的养老服务设施数量\t\t'].join('\n')),
    );
    expect(parts.map((p) => [p.kind, p.kind === 'table' ? p.raw.lines : p.line, p.cut])).toEqual([
      ['table', [1, 2, 3], undefined],
      ['table', [4, 5], 'numbering'],
    ]);
    // The cut-off part drops the padding cells: it is a two-column table, not rows under 序号.
    expect(rowsOf(parts[1])).toEqual([['住房', '存在安全隐患的住宅数量'], ['小区', '未达标的养老服务设施数量']]);
  });

  it('cuts before caption rows of the second table that start in the label column, and keeps rows that fill the right of a numbered row', () => {
    const text = ['序号\t名称\t说明', '1\t甲\t说明一', '\t\t说明一的第二行', '重点指标\t\t', '维度\t\t', '住房\t三项指标\t'].join('\n');
    const parts = splitAtShapeChange(run(text));
    expect(parts[0].kind === 'table' && parts[0].raw.lines).toEqual([1, 2, 3]);
    expect(rowsOf(parts[1])).toEqual([['重点指标'], ['维度'], ['住房', '三项指标']]);
  });

  it('turns a cut-off part of single cells into paragraphs (notes under a table)', () => {
    const parts = splitAtShapeChange(run(['序号\t名称\t数量', '1\t甲\t3', '2\t乙\t4', '注：数量为年末数。\t\t', '表中单位为个。\t\t'].join('\n')));
    expect(parts.slice(1)).toEqual([
      { kind: 'text', text: '注：数量为年末数。', line: 4, cut: 'numbering' },
      { kind: 'text', text: '表中单位为个。', line: 5, cut: 'numbering' },
    ]);
  });

  it('is cut at a second header row that heads rows of data', () => {
    const parts = splitAtShapeChange(run(['序号\t姓名\t单位', '1\t张三\t市财政局', '2\t李四\t市民政局', '项目\t金额\t备注', '道路\t20\t新建', '绿化\t10\t改造'].join('\n')));
    expect(parts.map((p) => p.kind === 'table' && p.raw.rows[0][0])).toEqual(['序号', '项目']);
    expect(parts[1].cut).toBe('header');
  });

  it('merges a copy of its own header inside the run (the print repeated it)', () => {
    const parts = splitAtShapeChange(run(['序号\t指标项\t单位', '1\t甲\t市住建局', '2\t乙\t市民政局', '序号\t指标项\t单位', '3\t丙\t市财政局'].join('\n')));
    expect(parts).toHaveLength(1);
    expect(parts[0].kind === 'table' && parts[0].raw.repeatedHeaderLines).toEqual([4]);
    expect(rowsOf(parts[0]).map((r) => r[0])).toEqual(['序号', '1', '2', '3']);
  });

  it('leaves one table alone: totals under the numbers, continuation rows, forms, name lists', () => {
    const none = (text: string) => expect(splitAtShapeChange(run(text))).toHaveLength(1);
    none(['序号\t项目\t金额', '1\t道路\t20', '2\t绿化\t10', '合计\t\t30'].join('\n'));
    none(['序号\t项目\t说明', '1\t道路\t新建', '\t\t另有改造', '2\t绿化\t新建'].join('\n'));
    // A form: its label rows look like headers, but the run is one form.
    none(['项目名称\t藜麦补贴\t\t', '资金情况\t年度金额：\t82万元\t', '绩效指标\t一级指标\t二级指标\t指标值', '\t产出指标\t数量指标\t400元/亩'].join('\n'));
    // Two name–post pairs a line, the last lines with one pair: same columns, no numbering.
    none(['张玉才\t工程公司法人代表\t曹伟祥\t石油分公司经理助理', '万红兵\t建筑公司总经理\t马全华\t销售分公司副部长', '马 芳\t如是酒店经理\t\t', '马翠英\t餐饮公司负责人\t\t'].join('\n'));
  });

  it('finds the 序号 column by its header or by rising numbers', () => {
    expect(sequenceColumn([['维度', '序号', '名称'], ['住房', '1', '甲']], 1)).toBe(1);
    expect(sequenceColumn([['全省', '11', '甲', '20'], ['', '12', '乙', '5'], ['', '13', '丙', '7']], 0)).toBe(1);
    expect(sequenceColumn([['甲', '说明'], ['乙', '说明']], 0)).toBe(-1);
    expect(findCut([['甲', '说明'], ['乙', '说明']], 0)).toBeNull();
  });
});

describe('the text importer on a run holding two tables', () => {
  const tables = (blocks: BlockElement[]) => blocks.filter((b): b is TableElement => b.type === 'table');
  const text = [
    '关于测试的通知',
    '',
    '各单位：',
    '现将有关事项通知如下。',
    '',
    '序号\t指标项\t数据提供单位',
    '1\t城市蓝绿空间占比\t市住房和城乡建设局',
    '2\t地表水达标比例\t市生态环境局',
    '',
    '全省副中心城市建设\t3\t旅游休闲街区数量\t市文体旅游广电局',
    '\t4\t生态旅游公路长度\t市交通运输局',
    '5\t枢纽经济贡献\t市物流枢纽办公室\t',
    '重点监测指标\t\t\t',
    '住房\t存在楼道安全隐患的住宅数量、存在围护安全隐患的住宅数量\t\t',
    '街区\t未达标配建的多功能运动场地数量\t\t',
    '',
  ].join('\n');

  it('sets the second table apart with a warning naming its line, and the continued part keeps its own rows only', () => {
    const { content, warnings } = importDocumentFromText(text);
    const [first, continued, other] = tables(content.blocks);
    expect(first.headerRows).toBe(1);
    // The part after the blank line continues the numbering: it gets the header back (and an empty cell over
    // the label column); row 5 lost its label cell and is moved under 序号 by content.
    expect(continued.headerRows).toBe(1);
    expect(continued.children.map((r) => r.children.map((c) => plainText(c)))).toEqual([
      ['', '序号', '指标项', '数据提供单位'],
      ['全省副中心城市建设', '3', '旅游休闲街区数量', '市文体旅游广电局'],
      ['4', '生态旅游公路长度', '市交通运输局'],
      ['5', '枢纽经济贡献', '市物流枢纽办公室'],
    ]);
    // The other table is no longer under that header, nor under any copy of it.
    expect(other.headerRows).toBe(0);
    expect(other.children.map((r) => r.children.map((c) => plainText(c)))).toEqual([
      ['重点监测指标'],
      ['住房', '存在楼道安全隐患的住宅数量、存在围护安全隐患的住宅数量'],
      ['街区', '未达标配建的多功能运动场地数量'],
    ]);
    expect(warnings.find((w) => w.code === 'table-split')).toMatchObject({ line: 13, text: '重点监测指标' });
    expect(warnings.find((w) => w.code === 'table-aligned')).toMatchObject({ line: 12 });
  });
});
