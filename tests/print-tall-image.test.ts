/**
 * A tall picture that does not fit below the title (fuzz case 2026-175, reduced): the title, the picture and
 * the paragraph after it must all print on the page area, in order, with nothing lost or repeated.
 *
 * KNOWN BUG (issue #10), marked `it.fails` so the suite stays green and this turns red once it is fixed
 * (then change `it.fails` to `it`). The picture spans both columns (`column-span: all`); with 47 pt of
 * title above it the 645 pt figure does not fit the 682.5 pt column height, and Chromium lays the figure and
 * the paragraph out in extra columns far to the right of the page (x ≈ 3700 px for a 560 px page). Paged.js
 * 0.4.3 sees an overflow but its range starts at the beginning of the page content (the wrapper div,
 * offset 0), not at the figure: the figure and paragraph stay in the page DOM off the page area and never
 * print (this test), or, with more blocks after them, the next page is laid out again from the title
 * (the "text lost/repeated" cases of seed 2026 --scale 0.5 --images). Until then the integrity check
 * (checkOffPage) refuses such an export with the block named, instead of printing without it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { GazetteDocument, IssueTree } from '../common/model';
import { issueJob } from '../common/render/printJob';
import { exportTreePdf } from '../main/export/exportPdf';
import { printImages } from '../main/export/images';
import { solidPng } from './fuzz-docs';
import { compareIssueText, pdfjsPageTexts } from './pdf-text';

const dir = process.env.FUZZ_KEEP ?? mkdtempSync(path.join(tmpdir(), 'gazette-tall-image-'));
afterAll(() => { if (!process.env.FUZZ_KEEP) rmSync(dir, { recursive: true, force: true }); });

/** The reduced fuzz case: a title, a picture too tall for the room left under it, and a paragraph. */
function tallImageIssue(): { tree: IssueTree; html: ReturnType<typeof printImages>['html'] } {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const base = tree.sections[0].documents[0];
  const asset = { id: 'tall', mime: 'image/png' as const, width: 93, height: 210, bytes: solidPng(93, 210, [40, 90, 160]) };
  const title = '关于高窄图片的通知';
  const paragraph = '现将有关事项通知如下。'.repeat(18) + '结束标记。';
  const doc: GazetteDocument = {
    ...base,
    id: 'tall',
    title,
    content: {
      schemaVersion: 1,
      blocks: [
        { type: 'doc-title', children: [{ text: title }] },
        { type: 'image', assetId: 'tall', width: 552, children: [{ text: '' }] },
        { type: 'paragraph', children: [{ text: paragraph }] },
      ],
    },
  };
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  const { html } = printImages({ assets: { get: (id) => (id === 'tall' ? asset : undefined) } }, tree);
  return { tree, html };
}

// Until the layout is fixed, the integrity check must refuse the export rather than print without the picture.
it('refuses to export a picture and text laid out beside the page, naming them', async () => {
  const { tree, html } = tallImageIssue();
  await expect(exportTreePdf(tree, { pdfPath: path.join(dir, 'refused.pdf'), printMemory: false, html })).rejects.toThrow(/outside the page and would not print/);
}, 600_000);

it.fails('prints a tall narrow picture set wider than the page, and the text around it, on the page area', async () => {
  const { tree, html } = tallImageIssue();
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'tall.pdf'), printMemory: false, html });
  const pages = await pdfjsPageTexts(result.pdfPath);
  expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  expect(pages.join('').replace(/\s+/g, '')).toContain('结束标记。');
}, 600_000);
