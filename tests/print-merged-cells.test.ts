/**
 * What the randomised export test found in tables (tests/fuzz-export.ts, seeds 7 and 2026), as small
 * documents: a merged cell whose long text makes its rows taller than a page, upright and rotated (its
 * rows could not be split: text clipped on the rotated page, "Layout repeated" or text lost on the upright
 * one); a leader list flowing in a text column with a row taller than the column (cut off in the PDF); a
 * page break right before a rotated table. Every text must be in the PDF once, in reading order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BlockElement, GazetteDocument, IssueTree, TableCellElement, TableElement } from '../common/model';
import { issueJob } from '../common/render/printJob';
import { exportTreePdf } from '../main/export/exportPdf';
import { compareIssueText, pageBody, pdfjsPageTexts } from './pdf-text';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-merged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sentences = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}第${i + 1}句说明文字。`).join('');
const cell = (text: string, extra: Partial<TableCellElement> = {}): TableCellElement => ({ type: 'table-cell', ...extra, children: [{ type: 'paragraph', children: [{ text }] }] });

/** A table whose second column holds two merged cells of long text, each over three short rows. */
function mergedTable(tag: string, cols: number, sentencesInCell: number, rotate?: TableElement['rotate']): TableElement {
  const row = (r: number, withMerged: boolean) => ({
    type: 'table-row' as const,
    children: Array.from({ length: cols }, (_, c) => (c === 1 ? (withMerged ? [cell(sentences(`${tag}合并`, sentencesInCell), { rowSpan: 3 })] : []) : [cell(`${tag}${r}行${c}列`)])).flat(),
  });
  return {
    type: 'table',
    headerRows: 1,
    ...(rotate ? { rotate } : {}),
    children: [
      { type: 'table-row', children: Array.from({ length: cols }, (_, c) => cell(`${tag}表头${c}`)) },
      row(1, true),
      row(2, false),
      row(3, false),
      row(4, true),
      row(5, false),
      row(6, false),
    ],
  };
}

it('prints merged cells taller than a page, leader-list rows taller than a column, and a break before a rotated table, text complete and once', async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const base = tree.sections[0].documents[0];
  const doc = (id: string, title: string, blocks: BlockElement[]): GazetteDocument => ({ ...base, id, title, content: { schemaVersion: 1, blocks: [{ type: 'doc-title', children: [{ text: title }] }, ...blocks] } });
  const upright = doc('upright', '关于竖排合并单元格的通知', [
    { type: 'paragraph', children: [{ text: '正文开头。' }] },
    mergedTable('甲', 4, 90),
    { type: 'paragraph', children: [{ text: '甲表之后的正文。' }] },
  ]);
  const rotated = doc('rotated', '关于横排合并单元格的通知', [
    { type: 'paragraph', children: [{ text: '正文开头。' }] },
    { type: 'page-break', children: [{ text: '' }] },
    mergedTable('乙', 10, 120, 'always'),
    { type: 'paragraph', children: [{ text: '乙表之后的正文。' }] },
  ]);
  const leaders = doc('leaders', '关于名单的通知', [
    {
      type: 'table',
      headerRows: 0,
      variant: 'leader-list',
      children: [
        { type: 'table-row', children: [cell('组长：'), cell('顾丽萍'), cell('市长')] },
        { type: 'table-row', children: [cell('成员：'), cell(sentences('丙', 70)), cell('各部门')] },
        { type: 'table-row', children: [cell('联络员：'), cell('王义'), cell('办公室')] },
      ],
    },
    { type: 'paragraph', children: [{ text: '名单之后的正文。' }] },
  ]);
  tree.sections = [{ ...tree.sections[0], documents: [upright, rotated, leaders] }];
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'merged.pdf'), printMemory: false });
  const pages = await pdfjsPageTexts(result.pdfPath);
  expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  const all = pages.join('').replace(/\s+/g, '');
  // Each long text is printed once (a merged cell is not repeated after the page cut): no sentence more
  // often than the document has it. A sentence cut at a page or row part end has other text in between,
  // so only nearly all are found whole (the text check above found all of them in order).
  for (const [tag, n, copies] of [['甲合并', 90, 2], ['乙合并', 120, 2], ['丙', 70, 1]] as const) {
    const found = Array.from({ length: n }, (_, i) => all.split(`${tag}第${i + 1}句`).length - 1);
    expect(Math.max(...found), tag).toBe(copies);
    expect(found.filter((k) => k === copies).length, tag).toBeGreaterThanOrEqual(n - 8);
  }
  // No blank page: every body page has text besides its running head and folio.
  const heads = [issueJob(tree).evenHead, tree.sections[0].name];
  for (const { first, count } of Object.values(result.pageMap.units)) {
    for (let n = first; n < first + count; n++) expect(pageBody(pages[result.pageMap.frontPages + n - 1], n, heads).length, `page ${n}`).toBeGreaterThan(0);
  }
}, 600_000);
