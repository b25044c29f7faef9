/**
 * A 纪要 typed with its 「机关 日期」 line under the title (imported from text) prints that line as one line
 * across the page, the organ at the left edge and the date at the right (GB/T 9704 纪要格式). It printed as a
 * 署名 over a date, both at the right of a column.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { IssueTree } from '../common/model';
import { importDocumentFromText } from '../common/import';
import { exportTreePdf } from '../main/export/exportPdf';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-minutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MINUTES = [
  '格尔木市人民政府',
  '城市环境整治专题会议纪要',
  '',
  '〔2024〕9号',
  '',
  '格尔木市人民政府办公室\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u30002024年4月18日',
  '',
  '\u3000\u30004月17日，副市长主持召开城市环境整治专题会议，研究背街小巷改造和垃圾分类工作。纪要如下：',
  '\u3000\u3000一、关于背街小巷改造',
  '\u3000\u3000会议要求，各有关部门要优先改造排水不畅、路面破损严重的街巷，年底前完成第一批改造任务。',
  '\u3000\u3000二、关于垃圾分类工作',
  '\u3000\u3000会议强调，市城市管理局要加快分类设施建设，做好宣传引导，逐步提高居民参与率。',
].join('\n');

it("prints a 纪要's 「机关 日期」 line under its title as one line: organ at the left edge, date at the right", async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const doc = tree.sections[0].documents[0];
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  doc.content = importDocumentFromText(MINUTES).content;
  expect(doc.content.blocks.slice(2, 4).map((b) => b.type)).toEqual(['signature', 'date-line']);
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'minutes.pdf') });
  const pages = execFileSync('pdftotext', ['-layout', result.pdfPath, '-'], { encoding: 'utf8' }).split('\f');
  const page = pages.find((p) => p.includes('2024年4月18日'))!;
  const lines = page.split('\n').filter((l) => l.trim());
  const line = lines.find((l) => l.includes('2024年4月18日'))!;
  // One line, the organ first and flush left (as the body's left edge), the date last at the right end.
  expect(line).toMatch(/^\s*格尔木市人民政府办公室\s{8,}2024年4月18日\s*$/);
  const width = Math.max(...lines.map((l) => l.trimEnd().length));
  expect(line.indexOf('格')).toBeLessThanOrEqual(2);
  expect(line.trimEnd().length).toBeGreaterThanOrEqual(width - 4);
  // Between the 文号 and the text.
  const at = lines.indexOf(line);
  expect(lines[at - 1]).toContain('〔2024〕9号');
  expect(lines[at + 1]).toContain('4月17日');
});
