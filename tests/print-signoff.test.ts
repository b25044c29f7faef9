/**
 * 落款 after a table prints as after text: 署名 on the line right above the date, both at the right.
 * (Below a short table that spans the two text columns, the two lines were balanced into two columns:
 * the date top right, 署名 below it on the left.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { IssueTree, TableCellElement } from '../common/model';
import { exportTreePdf } from '../main/export/exportPdf';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-signoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });

it('sets 署名 directly above the date, right-aligned, after a full-width table', async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const doc = tree.sections[0].documents[0];
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  doc.content.blocks = [
    { type: 'doc-title', children: [{ text: '关于公布检查结果的通知' }] },
    { type: 'doc-number', children: [{ text: '格政办〔2024〕9号' }] },
    { type: 'paragraph', children: [{ text: '现将检查结果公布如下。' }] },
    {
      type: 'table',
      headerRows: 1,
      children: [
        { type: 'table-row', children: ['序号', '单位', '检查项目', '结果', '备注'].map(cell) },
        ...Array.from({ length: 6 }, (_, i) => ({ type: 'table-row' as const, children: [String(i + 1), '市住房和城乡建设局', '安全生产责任制落实情况', '合格', '无'].map(cell) })),
      ],
    },
    { type: 'signature', children: [{ text: '格尔木市人民政府办公室' }] },
    { type: 'date-line', children: [{ text: '2024年7月31日' }] },
  ];
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'signoff.pdf') });
  const pages = execFileSync('pdftotext', ['-layout', result.pdfPath, '-'], { encoding: 'utf8' }).split('\f');
  const page = pages.find((p) => p.includes('安全生产责任制') && p.includes('2024年7月31日'))!;
  const lines = page.split('\n').filter((l) => l.trim());
  const sig = lines.findIndex((l) => l.includes('格尔木市人民政府办公室'));
  const date = lines.findIndex((l) => l.includes('2024年7月31日'));
  expect(date).toBe(sig + 1);
  const width = Math.max(...lines.map((l) => l.length));
  // Both in the right half of the line, the date's end under the end of 署名 (±4 characters).
  expect(lines[sig].indexOf('格')).toBeGreaterThan(width / 3);
  expect(lines[date].indexOf('2')).toBeGreaterThan(width / 3);
  expect(Math.abs(lines[sig].trimEnd().length - lines[date].trimEnd().length)).toBeLessThanOrEqual(6);
});
