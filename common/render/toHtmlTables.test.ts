import { describe, expect, it } from 'vitest';
import type { PrintSettings, TableCellElement, TableElement } from '../model';
import { columnPercents, isFillInRow, renderTable, rotationFor } from './toHtml';

const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });
const table = (rows: string[][], extra: Partial<TableElement> = {}): TableElement => ({
  type: 'table',
  headerRows: 0,
  children: rows.map((r) => ({ type: 'table-row', children: r.map(cell) })),
  ...extra,
});
const settings = {} as PrintSettings;

describe('table column widths in the HTML', () => {
  it('emits a colgroup and fixed layout for data tables', () => {
    const html = renderTable(table([['负责人', '根据项目实施的总体安排，由实施单位负责项目的组织实施和资金管理，确保资金安全。']]), settings, 't1');
    expect(html).toContain('gz-table--fixed');
    const widths = [...html.matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeGreaterThan(7);
    expect(widths[0]).toBeLessThan(20);
  });

  it('honours colWidths from the model', () => {
    expect(columnPercents(table([['a', 'b']], { colWidths: [1, 3] }), false)).toEqual([25, 75]);
  });

  it('leaves leader lists to their own layout, gives name lists 3 em name columns', () => {
    expect(columnPercents(table([['组长：', '张三', '副市长']], { variant: 'leader-list' }), false)).toBeUndefined();
    const names = columnPercents(table([['袁萍', '经理', '马彩萍', '记者']], { variant: 'name-list' }), false)!;
    expect(names[0]).toBeCloseTo(names[2]);
    expect(names[1]).toBeGreaterThan(names[0] * 4);
  });

  it('rotates a table whose minimum width exceeds the type area', () => {
    const wide = table([Array.from({ length: 8 }, () => '2024年度补贴金额12345678.00元')]);
    expect(rotationFor(wide, settings)).toBe('yes');
    expect(rotationFor(table([['a', 'b']]), settings)).toBe('auto');
  });

  it('marks only empty fill-in rows of forms as tall', () => {
    expect(isFillInRow(table([['1', '', '', '400', '']]).children[0])).toBe(true);
    expect(isFillInRow(table([['项目名称', '格尔木市2024年度藜麦产业扶持资金补贴项目', '']]).children[0])).toBe(false);
    const html = renderTable(table([['序号', '姓名'], ['1', '']], { variant: 'form', headerRows: 1 }), settings, 't2');
    expect(html).toContain('<tr class="gz-fillrow">');
  });
});
