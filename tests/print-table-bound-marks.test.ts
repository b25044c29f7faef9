/**
 * A long seven-column table whose header reads 投资（万元）: a table cell keeps （万元） on one line (its marks
 * are bound to their neighbours), but the column widths counted it as breakable, so the column came out
 * narrower than （万元） and the export failed ("text of a table cell sticks 2 pt out of its cell").
 * Now the column holds it, and every page of the table repeats the header.
 */
import { expect, it } from 'vitest';
import type { BlockElement, TableCellElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('table-bound-marks');
const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });

it('exports a table whose header has a bracketed unit, the header on every page', async () => {
  const rows = Array.from({ length: 60 }, (_, k) => ({
    type: 'table-row' as const,
    children: [String(k + 1), `格尔木市第${k + 1}片区农村饮水安全巩固提升工程`, `${((k * 137) % 900) + 100}.5`, String(((k * 53) % 70) + 3), `2026年${(k % 12) + 1}月`, '市水利局、市财政局、市自然资源局', '按期推进，已完成可研批复和初步设计'].map(cell),
  }));
  const blocks: BlockElement[] = [
    { type: 'doc-title', children: [{ text: '2026年度民生实事项目清单' }] },
    { type: 'table', headerRows: 1, children: [{ type: 'table-row', children: ['序号', '项目名称', '投资（万元）', '受益户数', '完成时限', '责任单位', '进展情况'].map(cell) }, ...rows] },
  ];
  const base = fuzzCase(2026, 3, { scale: 0.2 });
  const c: FuzzCase = { ...base, assets: [], document: { ...base.document, kind: 'notice', content: { ...base.document.content, blocks } } };
  expect(await exporter.problems([c])).toEqual([]);
  const tablePages = exporter.pdfPages(c).filter((p) => p.includes('片区农村饮水'));
  expect(tablePages.length).toBeGreaterThan(1);
  for (const page of tablePages) for (const head of ['项目名称', '（万元）', '责任单位']) expect(page).toContain(head);
}, 300_000);
