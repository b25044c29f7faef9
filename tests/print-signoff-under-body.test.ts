/**
 * 署名 and date close the text they sign: they stand under the body's last line, never at the head of the
 * right column beside it. A short 印发 notice (国发〔2004〕18号, its blocks as the importer reads a LibreOffice
 * .docx of the gov.cn page: tests/fixtures/keep-next/guofa-2004-18.json) is one row of columns between two
 * spanning titles; Chromium balanced its six lines as addressee and body on the left, 国务院 and the date at
 * the top of the right column, level with the addressee.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { fuzzCase, type FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('signoff-under-body');

function noticeCase(index: number, blocks: BlockElement[]): FuzzCase {
  const base = fuzzCase(2026, index, { scale: 0.2 });
  return { ...base, assets: [], document: { ...base.document, kind: 'notice', content: { ...base.document.content, blocks } } };
}

const rules = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/keep-next/guofa-2004-18.json'), 'utf8')) as BlockElement[];

it('sets a short 印发 notice’s 署名 and date under its body, not at the top of the right column', async () => {
  // The notice and the first chapter of the 规则 it issues.
  const c = noticeCase(1, rules.slice(0, 14));
  expect(await exporter.problems([c])).toEqual([]);
  const words = exporter.wordBoxes(c);
  const bodyEnd = words.find((w) => w.text.includes('现予印发'))!;
  const signature = words.find((w) => w.text === '国务院' && w.page === bodyEnd.page && w.xMin > 150)!;
  const date = words.find((w) => w.text.startsWith('二〇〇四年六月二十六日') || w.text.startsWith('二○○四年六月二十六日'))!;
  expect(bodyEnd && signature && date).toBeTruthy();
  // Under the body's last line (a blank grid line between), the date under 署名.
  expect(signature.yMin, '署名 under the body').toBeGreaterThan(bodyEnd.yMin + 10);
  expect(date.yMin, 'date under 署名').toBeGreaterThan(signature.yMin + 10);
  // Still above the issued 规则's title.
  const title = words.find((w) => w.text.startsWith('国务院工作规则'))!;
  expect(date.yMin).toBeLessThan(title.yMin);
}, 300_000);
