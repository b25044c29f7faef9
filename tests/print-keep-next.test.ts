/**
 * A 条例's chapter lines (第二章 组成人员职责: centred, wholly in 黑体) are headings: never the last line of a
 * column, apart from the articles they head. The blocks are 国发〔2004〕18号 (国务院工作规则) as the importer
 * reads it from a LibreOffice .docx of the gov.cn page (tests/fixtures/keep-next/guofa-2004-18.json). Before,
 * 第二章 ended the left column of its first page and 五、 opened the right one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('keep-next');

function rulesCase(): FuzzCase {
  const blocks = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/keep-next/guofa-2004-18.json'), 'utf8')) as BlockElement[];
  const base = fuzzCase(2026, 1, { scale: 0.2 });
  return { ...base, assets: [], document: { ...base.document, kind: 'notice', content: { ...base.document.content, blocks } } };
}

it('never leaves a chapter line last in its column', async () => {
  const c = rulesCase();
  expect(await exporter.problems([c])).toEqual([]);
  const words = exporter.wordBoxes(c);
  const chapters = words.filter((w) => /^第[一二三四五六七八九十]+章$/.test(w.text));
  expect(new Set(chapters.map((w) => w.text)).size).toBeGreaterThanOrEqual(8);
  // The A4 page's middle (297.6 pt) parts the two text columns.
  const column = (x: number) => (x < 297.6 ? 'left' : 'right');
  for (const ch of chapters) {
    // The line under it (about 20 pt down), in the same column and page; the folio is another line of text
    // but lies outside the columns' x.
    const next = words.find((w) => w.page === ch.page && column(w.xMin) === column(ch.xMin) && w.yMin > ch.yMin + 5 && w.yMin < ch.yMin + 40 && !/^[—\d]+$/.test(w.text));
    expect(next, `${ch.text} on page ${ch.page + 1}`).toBeTruthy();
  }
}, 300_000);
