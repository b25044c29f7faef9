/**
 * Long paragraphs whose text repeats (a pasted list of similar entries) export whole: Paged.js used to
 * resume a split paragraph at an earlier copy of its text, and the export failed with "text differs"
 * (renderer/print/textBreaks.ts). Also an empty document, a marked run inside the repeating text, and
 * CJK Extension A/B characters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BlockElement, GazetteDocument, IssueTree } from '../common/model';
import { issueJob } from '../common/render/printJob';
import { exportTreePdf } from '../main/export/exportPdf';
import { badCharacters, compareIssueText, pdfjsPageTexts } from './pdf-text';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-long-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

it('exports paragraphs of 3,000 and 12,000 repeating characters, rare characters and an empty document, text complete', async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const base = tree.sections[0].documents[0];
  const doc = (id: string, title: string, blocks: BlockElement[]): GazetteDocument => ({ ...base, id, title, content: { schemaVersion: 1, blocks } });
  const unit = '格尔木市人民政府办公室关于进一步做好有关工作的通知。';
  const twelve = repeat(unit, 12_000);
  const long = doc('long', '关于长段落的通知', [
    { type: 'doc-title', children: [{ text: '关于长段落的通知' }] },
    { type: 'paragraph', children: [{ text: repeat('现将有关事项通知如下。', 3_000) }] },
    // The same text before and after a bold run: the continuation must find the right text node.
    { type: 'paragraph', children: [{ text: twelve.slice(0, 6_000) }, { text: unit, bold: true }, { text: twelve.slice(6_000) }] },
    // CJK Extension A and B print from the HanaMin fallback face (no empty boxes, no U+0000 in the text).
    { type: 'paragraph', children: [{ text: '生僻字：𠀋𪚥𠮷𡈽㐀㑇㒰䶵。结束标记。' }] },
  ]);
  const empty = doc('empty', '', [{ type: 'paragraph', children: [{ text: '' }] }]);
  tree.sections = [{ ...tree.sections[0], documents: [long, empty] }];
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'long.pdf'), printMemory: false });
  const pages = await pdfjsPageTexts(result.pdfPath);
  expect(badCharacters(pages.join('\n'))).toEqual([]);
  expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  const body = pages.join('').replace(/\s+/g, '');
  expect(body).toContain('生僻字：𠀋𪚥𠮷𡈽㐀㑇㒰䶵。结束标记。');
  expect(result.pageMap.units.long.count).toBeGreaterThanOrEqual(8);
}, 600_000);

it('breaks a word longer than the line (Greek letters, a URL without spaces) instead of running it off the page', async () => {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const base = tree.sections[0].documents[0];
  // A Latin or Greek "word" does not break between letters: 400 letters without a space ran past the column.
  const greek = 'Ελληνι'.repeat(70);
  const url = `https://www.geermu.gov.cn/xxgk/${'zfwj/'.repeat(30)}index.html`;
  const doc: GazetteDocument = {
    ...base,
    id: 'words',
    title: '关于长单词的通知',
    content: {
      schemaVersion: 1,
      blocks: [
        { type: 'doc-title', children: [{ text: '关于长单词的通知' }] },
        { type: 'paragraph', children: [{ text: `开始${greek}中间` }] },
        { type: 'paragraph', children: [{ text: `网址：${url}。结束标记。` }] },
      ],
    },
  };
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'words.pdf'), printMemory: false });
  const pages = await pdfjsPageTexts(result.pdfPath);
  expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  expect(pages.join('').replace(/\s+/g, '')).toContain(`中间网址：${url}。结束标记。`);
}, 600_000);
