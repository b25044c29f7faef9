import { describe, expect, it } from 'vitest';
import type { TableCellElement, TableElement } from '../model';
import {
  CELL_PADDING_PT,
  CELL_SLACK_PT,
  FILL_IN_MIN_CHARS,
  TABLE_FONT_PT,
  columnNeeds,
  columnWidths,
  distributeWidths,
  minimumTableWidth,
  tableLines,
  tableWidthCells,
  textEm,
  unbreakableEm,
  type WidthCell,
} from './columnWidths';

const cell = (text: string, extra: Partial<TableCellElement> = {}): TableCellElement => ({
  type: 'table-cell',
  children: [{ type: 'paragraph', children: [{ text }] }],
  ...extra,
});
const table = (rows: TableCellElement[][], headerRows = 0): TableElement => ({
  type: 'table',
  headerRows,
  children: rows.map((children) => ({ type: 'table-row', children })),
});
const pt = (chars: number) => chars * TABLE_FONT_PT + CELL_PADDING_PT + CELL_SLACK_PT;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('text measures', () => {
  it('counts CJK as 1 em and ASCII narrower', () => {
    expect(textEm('负责人')).toBe(3);
    expect(textEm('2024')).toBeCloseTo(2.2);
  });
  it('keeps short labels whole and long text breakable except Latin/number runs', () => {
    expect(unbreakableEm('负责人')).toBe(3);
    expect(unbreakableEm('项目名称')).toBe(4);
    expect(unbreakableEm('根据项目实施的总体安排进行补贴发放')).toBe(1);
    expect(unbreakableEm('补贴面积12345678元')).toBeCloseTo(textEm('12345678'));
    // A table cell binds marks to their neighbours (toHtml bindMarks): 投资（万元） cannot break inside （万元）.
    expect(unbreakableEm('投资（万元）')).toBe(4);
    // In a header its brackets are half width: 3 em.
    expect(unbreakableEm('投资（万元）', true)).toBe(3);
    expect(unbreakableEm('按期推进，已完成可研批复')).toBe(2);
  });
});

describe('columnWidths', () => {
  const long = '根据格尔木市2024年度藜麦种植补贴方案对种植户进行补贴，计划补贴面积2065.08亩，实际补贴面积以实际测量为准。';

  it('gives a label column its natural width instead of one character per line', () => {
    const t = table([
      [cell('负责人'), cell(long)],
      [cell('项目名称'), cell(long + long)],
      [cell('建设单位'), cell('格尔木市农牧业技术推广服务中心')],
    ]);
    const widths = columnWidths(tableWidthCells(t), 2, 420);
    expect(sum(widths)).toBeCloseTo(420);
    expect(widths[0]).toBeGreaterThanOrEqual(pt(4) - 0.01);
    expect(widths[0]).toBeLessThan(80);
    expect(widths[1]).toBeGreaterThan(330);
  });

  it('lets long text columns share the rest by how much text they hold', () => {
    const t = table([
      [cell('序号'), cell('指标项'), cell('体检内容'), cell('指标解释')],
      [cell('1'), cell('存在结构安全隐患的住宅数量'), cell(long), cell(long + long + long)],
      [cell('2'), cell('存在燃气安全隐患的住宅数量'), cell(long), cell(long + long + long)],
    ]);
    const widths = columnWidths(tableWidthCells(t), 4, 682.5);
    expect(sum(widths)).toBeCloseTo(682.5);
    expect(widths[0]).toBeLessThan(pt(3));
    expect(widths[0]).toBeGreaterThanOrEqual(pt(2) - 0.01);
    expect(widths[3]).toBeGreaterThan(widths[2]);
    expect(widths[2]).toBeGreaterThan(widths[1]);
  });

  it('makes the estimated table shorter than equal columns do', () => {
    const t = table([
      [cell('序号'), cell('内容'), cell('单位'), cell('说明')],
      [cell('1'), cell(long + long), cell('市住房和城乡建设局'), cell(long)],
      [cell('2'), cell(long), cell('市自然资源局'), cell(long + long + long)],
    ]);
    const cells = tableWidthCells(t);
    const widths = columnWidths(cells, 4, 420);
    expect(tableLines(cells, widths)).toBeLessThan(tableLines(cells, [105, 105, 105, 105]));
  });

  it('uses the preferred widths, grown in proportion, when everything fits on one line', () => {
    const t = table([[cell('姓名'), cell('联系电话'), cell('备注')]]);
    const widths = columnWidths(tableWidthCells(t), 3, 420);
    expect(sum(widths)).toBeCloseTo(420);
    expect(widths[1]).toBeGreaterThan(widths[0]);
    expect(widths[0]).toBeCloseTo(widths[2]);
  });

  it('counts a spanning cell across its columns', () => {
    const t = table([
      [cell(long + long, { colSpan: 2 }), cell('备注')],
      [cell('1'), cell('2'), cell('备注')],
    ]);
    const cells = tableWidthCells(t);
    expect(cells.map((c) => c.col)).toEqual([0, 2, 0, 1, 2]);
    const widths = columnWidths(cells, 3, 420);
    expect(widths[0] + widths[1]).toBeGreaterThan(300);
  });

  it('places cells after row spans from above', () => {
    const t = table([
      [cell('住房', { rowSpan: 2 }), cell('a'), cell('b')],
      [cell('c'), cell('d')],
    ]);
    expect(tableWidthCells(t).map((c) => [c.row, c.col])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
  });

  it('never goes below two characters, and scales minimums when even they do not fit', () => {
    const cells: WidthCell[] = Array.from({ length: 30 }, (_, col) => ({ col, colSpan: 1, lines: ['说明文字很长很长很长很长'] }));
    expect(minimumTableWidth(cells, 30)).toBeCloseTo(30 * pt(2));
    const widths = columnWidths(cells, 30, 420);
    expect(sum(widths)).toBeCloseTo(420);
    expect(new Set(widths.map((w) => w.toFixed(3))).size).toBe(1);
  });

  it('gives empty fill-in columns of forms room for handwriting', () => {
    const t = table([
      [cell('种植户姓名'), cell(''), cell('联系电话'), cell('')],
      [cell('种植户身份证号'), cell(''), cell('开户网点'), cell('')],
    ]);
    const cells = tableWidthCells(t);
    const plain = columnWidths(cells, 4, 420);
    const form = columnWidths(cells, 4, 420, { form: true });
    expect(form[1]).toBeGreaterThanOrEqual(pt(FILL_IN_MIN_CHARS) - 0.01);
    expect(form[1] / form[0]).toBeGreaterThan(plain[1] / plain[0]);
  });
});

describe('distributeWidths (incremental height)', () => {
  // The greedy as first written: the whole table's height re-estimated for every trial widening.
  function naiveWidths(cells: WidthCell[], columns: number, available: number): number[] {
    const cols = columnNeeds(cells, columns);
    const widths = cols.map((c) => c.min);
    let left = available - sum(widths);
    let height = tableLines(cells, widths);
    while (left > 1e-6) {
      const delta = Math.min(TABLE_FONT_PT / 2, left);
      let best = -1;
      let bestHeight = height;
      for (let c = 0; c < columns; c++) {
        if (widths[c] >= cols[c].pref) continue;
        widths[c] += delta;
        const h = tableLines(cells, widths);
        widths[c] -= delta;
        if (h < bestHeight - 1e-9) [best, bestHeight] = [c, h];
      }
      if (best < 0) break;
      widths[best] += delta;
      height = bestHeight;
      left -= delta;
    }
    return widths;
  }

  it('hands out width exactly as re-estimating the whole table would, with row and column spans', () => {
    const text = (n: number) => '根据项目实施的总体安排由实施单位负责组织'.repeat(4).slice(0, n);
    const t = table([
      [cell('维度', { rowSpan: 3 }), cell('序号'), cell(text(30)), cell(text(12), { colSpan: 2 })],
      [cell('1'), cell(text(55)), cell(text(8)), cell(text(40))],
      [cell('2'), cell(text(5)), cell(text(70), { colSpan: 2 })],
      [cell('住房'), cell('3'), cell(text(64)), cell(text(22)), cell(text(3))],
    ]);
    const cells = tableWidthCells(t);
    const naive = naiveWidths(cells, 5, 420);
    // columnWidths scales the result to the available width; before the remainder step both are the same.
    const fast = distributeWidths(cells, columnNeeds(cells, 5), 420);
    const scale = 420 / sum(naive);
    naive.forEach((w, i) => expect(fast[i]).toBeCloseTo(w * scale, 6));
  });
});
