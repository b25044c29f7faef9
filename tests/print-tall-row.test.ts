/**
 * A table row taller than a whole page on an upright page (a pasted cell of 8,000 characters): the row is
 * split where each page ends, with the header repeated, instead of the layout failing its text check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { IssueTree, TableCellElement } from '../common/model';
import { exportTreePdf } from '../main/export/exportPdf';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-tall-row-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (text: string): TableCellElement => ({ type: 'table-cell', children: [{ type: 'paragraph', children: [{ text }] }] });

it('splits an upright table row taller than a page across pages, losing no text', async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const doc = tree.sections[0].documents[0];
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  const long = Array.from({ length: 160 }, (_, i) => `第${i + 1}句说明文字用于检验超高单元格的分页处理是否完整。`).join('');
  doc.content.blocks.push(
    { type: 'attachment-heading', children: [{ text: '附件3' }] },
    {
      type: 'table',
      headerRows: 1,
      children: [
        { type: 'table-row', children: [cell('项目'), cell('说明')] },
        { type: 'table-row', children: [cell('超高行'), cell(long)] },
        { type: 'table-row', children: [cell('末行'), cell('结束标记')] },
      ],
    },
  );
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'tall.pdf') });
  const pages = execFileSync('pdftotext', ['-layout', result.pdfPath, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ''));
  const all = pages.join('');
  // A sentence cut at a page end has the running head and folio in between: look for its start, and count
  // the whole ones.
  for (let i = 1; i <= 160; i++) expect(all, `sentence ${i}`).toContain(`第${i}句`);
  expect(all.split('用于检验超高单元格的分页处理是否完整。').length - 1).toBeGreaterThanOrEqual(155);
  expect(all).toContain('结束标记');
  const tablePages = pages.filter((p) => p.includes('超高单元格'));
  expect(tablePages.length).toBeGreaterThanOrEqual(2);
  for (const page of tablePages) expect(page).toContain('项目说明');
  // The row starts right under the 附件3 label instead of leaving that page empty.
  expect(pages.find((p) => p.includes('附件3'))).toContain('第1句');
});
