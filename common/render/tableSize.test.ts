import { describe, expect, it } from 'vitest';
import type { PrintSettings, TableCellElement, TableElement } from '../model';
import { normalizeTable } from '../model/normalize';
import { COMPACT_ABOVE_PAGES, tableSizeFor } from './tableSize';
import { renderBlocks, renderTable } from './toHtml';

const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });
const table = (rows: string[][], extra: Partial<TableElement> = {}): TableElement => ({
  type: 'table',
  headerRows: 1,
  children: rows.map((r) => ({ type: 'table-row', children: r.map(cell) })),
  ...extra,
});
const long = '按照《城市社区居住区标准》等标准要求，查找社区内缺少综合服务站、托育、养老等设施的问题，形成清单。';
/** An indicator-table-like block: header plus `rows` rows of long text in 6 columns. */
const indicators = (rows: number, extra: Partial<TableElement> = {}) =>
  table([['序号', '指标项', '体检内容', '牵头单位', '指标解释', '体检方法'], ...Array.from({ length: rows }, (_, i) => [String(i + 1), '指标', long, '住建局', long, long])], extra);
const settings = {} as PrintSettings;

describe('table type size', () => {
  it('sets a table of many pages compact, an ordinary one normal', () => {
    expect(tableSizeFor(indicators(60), 420, 682.5)).toBe('compact');
    expect(tableSizeFor(indicators(5), 420, 682.5)).toBe('normal');
    expect(COMPACT_ABOVE_PAGES).toBeGreaterThanOrEqual(2);
  });

  it('follows the model when it says so, and keeps name and leader lists normal', () => {
    expect(tableSizeFor(indicators(60, { size: 'normal' }), 420, 682.5)).toBe('normal');
    expect(tableSizeFor(indicators(2, { size: 'compact' }), 420, 682.5)).toBe('compact');
    expect(tableSizeFor(indicators(60, { variant: 'leader-list' }), 420, 682.5)).toBe('normal');
  });

  it('keeps the size through normalisation and drops unknown values', () => {
    expect(normalizeTable({ ...indicators(1), size: 'compact' }).size).toBe('compact');
    expect(normalizeTable({ ...indicators(1), size: 'tiny' }).size).toBeUndefined();
  });

  it('marks compact tables and their wraps in the HTML, and offers compact widths on the others', () => {
    const big = renderTable(indicators(60), settings, 't1');
    expect(big).toMatch(/^<table[^>]*class="[^"]*gz-table--compact/);
    expect(big).not.toContain('data-compact-cols');
    const small = renderTable(indicators(3), settings, 't2');
    expect(small).not.toContain('gz-table--compact');
    const compactCols = small.match(/data-compact-cols="([\d.,]+)"/)?.[1].split(',').map(Number);
    expect(compactCols).toHaveLength(6);
    expect(compactCols!.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    const doc = { id: 'd', content: { blocks: [indicators(60)] } } as unknown as Parameters<typeof renderBlocks>[0];
    expect(renderBlocks(doc, settings)).toMatch(/class="gz-tablewrap gz-tablewrap--data gz-tablewrap--compact"/);
  });
});
