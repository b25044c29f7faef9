import { describe, expect, it } from 'vitest';
import type { TableElement } from '../model';
import { splitLines } from './lines';
import { alignShortRow, buildTable, collectTable, leaderRow, mergeSubLabel } from './tables';

const cellText = (t: TableElement) => t.children.map((r) => r.children.map((c) => c.children.map((p) => p.children[0].text).join('¶')));
const spans = (t: TableElement) => t.children.map((r) => r.children.map((c) => `${c.rowSpan ?? 1}x${c.colSpan ?? 1}`));

describe('collectTable', () => {
  it('merges the header row the print repeated on each page and counts it', () => {
    const lines = splitLines('维度\t序号\t指标项\n住房\t1\t甲\n\n维度\t序号\t指标项\t\n住房\t2\t乙\n\n正文');
    const { table, next } = collectTable(lines, 0, lines.length);
    expect(table.rows.map((r) => r[1])).toEqual(['序号', '1', '2']);
    expect(table.repeatedHeaderLines).toEqual([4]);
    expect(next).toBe(5);
  });
  it('continues a list broken by a page when the row has as many cells, else stops', () => {
    const lines = splitLines('甲\t乙\n\n丙\t丁\n\n一\t二\t三');
    const { table, next } = collectTable(lines, 0, lines.length);
    expect(table.rows).toHaveLength(2);
    expect(next).toBe(3);
  });
});

describe('buildTable', () => {
  it('recognises one header row and merges leading empty cells into the label above (rowSpan)', () => {
    const { table } = buildTable({
      rows: [['维度', '序号', '指标项'], ['住房', '1', '甲'], ['', '2', '乙'], ['小区', '3', '丙']],
      lines: [1, 2, 3, 4],
      repeatedHeaderLines: [],
    });
    expect(table.headerRows).toBe(1);
    expect(spans(table)).toEqual([['1x1', '1x1', '1x1'], ['2x1', '1x1', '1x1'], ['1x1', '1x1'], ['1x1', '1x1', '1x1']]);
    expect(cellText(table)[2]).toEqual(['2', '乙']);
  });
  it('lets the last cell of a short row span to the end and reports the guess', () => {
    const built = buildTable({ rows: [['甲', '乙', '丙'], ['长说明']], lines: [1, 2], repeatedHeaderLines: [] });
    expect(spans(built.table)[1]).toEqual(['1x3']);
    expect(built.irregular).toBe(true);
  });
  it('keeps every cell of a name list and joins the names and posts the print wrapped', () => {
    const { table } = buildTable({
      rows: [
        ['袁 萍', '格尔木市客运公司经理', '马彩萍', '记者'],
        ['史国泰', '格尔木市工业信息化和科技局 副局长', '', ''],
      ],
      lines: [1, 2],
      repeatedHeaderLines: [],
    });
    expect(table.variant).toBe('name-list');
    expect(cellText(table)).toEqual([
      ['袁萍', '格尔木市客运公司经理', '马彩萍', '记者'],
      ['史国泰', '格尔木市工业信息化和科技局副局长', '', ''],
    ]);
  });
  it('marks forms (fill-in cells, check boxes) and keeps their empty cells', () => {
    const { table } = buildTable({
      rows: [['企业信息', '企业名称', ''], ['', '信用代码', ''], ['领取方式', '<input type="checkbox"/> 现场领取', '']],
      lines: [1, 2, 3],
      repeatedHeaderLines: [],
    });
    expect(table.variant).toBe('form');
    expect(cellText(table)).toEqual([['企业信息', '企业名称', ''], ['信用代码', ''], ['领取方式', '□ 现场领取', '']]);
    expect(table.children[0].children[0].rowSpan).toBe(2);
  });
  it('recognises a leader list by its 组长 label', () => {
    const { table } = buildTable({ rows: [['组 长：', '龚国庆', '副市长'], ['成 员：', '周文良', '主任'], ['', '赵维胜', '主任']], lines: [1, 2, 3], repeatedHeaderLines: [] });
    expect(table.variant).toBe('leader-list');
    expect(cellText(table)[0]).toEqual(['组长：', '龚国庆', '副市长']);
    expect(table.children[1].children[0].rowSpan).toBe(2);
  });
});

describe('leaderRow', () => {
  it('reads label, name (also spread) and post from a plain line', () => {
    expect(leaderRow('组 长：龚国庆 副市长', true)).toEqual(['组长：', '龚国庆', '副市长']);
    expect(leaderRow('徐 锐 副市长、市公安局局长', false)).toEqual(['', '徐锐', '副市长、市公安局局长']);
    expect(leaderRow('徐 锐 副市长', true)).toBeNull();
    expect(leaderRow('成 员：市委宣传部（网信办）、市委政法委，市中级人民法院', false)).toBeNull();
  });

  it('joins an extra sub-label column before 序号 into the label cell', () => {
    expect(mergeSubLabel(['街区', '功能完善', '26*', '指标', '街道'], 1, 4)).toEqual(['<p>街区</p><p>功能完善</p>', '26*', '指标', '街道']);
    expect(mergeSubLabel(['', '特色活力', '28', '指标', '街道'], 1, 4)).toEqual(['特色活力', '28', '指标', '街道']);
    expect(mergeSubLabel(['', '', '27*', '指标', '街道'], 1, 4)).toEqual(['', '27*', '指标', '街道']);
    // Rows with 序号 in its column, or of the header's width, are left alone.
    const regular = ['', '30*', '指标', '街道', ''];
    expect(mergeSubLabel(regular, 1, 4)).toBe(regular);
    const fits = ['住房', '1*', '指标', '街道'];
    expect(mergeSubLabel(fits, 1, 4)).toBe(fits);
  });
});

describe('rows that lost their row-spanned cells', () => {
  it('moves a short row right under its number columns and merges the gap into the label above', () => {
    const lines = splitLines('类别\t序号\t项目\t金额\n住房\t1\t甲\t10\n2\t乙\t20\n交通\t3\t丙\t30\n4\t丁\t40');
    const { table } = collectTable(lines, 0, lines.length);
    const built = buildTable(table);
    expect(built.aligned).toBe(2);
    expect(cellText(built.table)).toEqual([['类别', '序号', '项目', '金额'], ['住房', '1', '甲', '10'], ['2', '乙', '20'], ['交通', '3', '丙', '30'], ['4', '丁', '40']]);
    expect(spans(built.table)[1][0]).toBe('2x1');
    expect(spans(built.table)[3][0]).toBe('2x1');
  });
  it('reads a row padded with empty cells on the right as short, and numbers under row-spanned labels as a number column', () => {
    const lines = splitLines('全省建设\t11\t甲\t市文体局\n\t12\t乙\t市交通局\n\t13\t丙\t市卫健委\n14\t丁\t市物流办\t');
    const built = buildTable(collectTable(lines, 0, lines.length).table);
    expect(built.aligned).toBe(1);
    expect(built.firstAlignedLine).toBe(4);
    expect(cellText(built.table)[3]).toEqual(['14', '丁', '市物流办']);
    expect(spans(built.table)[0][0]).toBe('4x1');
  });
  it('leaves a short row alone when its content fits where it stands', () => {
    const full = [['甲', '1', '说明'], ['乙', '2', '说明']];
    const row = ['丙', '3'];
    expect(alignShortRow(row, full, 3)).toBe(row);
  });
});
