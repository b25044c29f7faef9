/**
 * Two documents in one section, the first ending with a heading (break-after: avoid), the second's start not
 * fitting under it: reduced from fuzz seed 7, cases 125 + 126 exported together
 * (tests/fixtures/document-breaks/). Paged.js carried the heading's avoid over to the next document's
 * article, moved the break before the whole previous article (the page's start), gave up on that page and
 * laid out the next document's beginning twice ("text repeated (55 characters extra)"). Exported through the
 * real print page and Chromium; the PDF text (pdf.js) must be the model's text, each title printed once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { GazetteDocument } from '../common/model';
import type { FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('docbreaks');

/** The fixture's documents (whole, so a change in the fuzz generator cannot change them) as fuzz cases. */
function fixtureCases(name: string): FuzzCase[] {
  const docs = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/document-breaks', `${name}.json`), 'utf8')) as GazetteDocument[];
  return docs.map((document) => ({ seed: 7, index: document.position, document, assets: [] }));
}

/** How often `needle` occurs in the kept PDF of `cases` (white space removed). */
function occurrences(cases: FuzzCase[], needle: string): number {
  return exporter.pdfPages(cases[0]).join('').split(needle.replace(/\s+/g, '')).length - 1;
}

it('a document ending with a heading, the next one not fitting under it: both print once, in order', async () => {
  const cases = fixtureCases('heading-ends-document');
  expect(await exporter.problems(cases)).toEqual([]);
  // The second document's number prints once (its beginning was laid out twice).
  expect(occurrences(cases, '格政办发〔2024〕131号')).toBe(1);
}, 300_000);
