/**
 * A tall picture that does not fit below the title (fuzz case 2026-175, reduced): the title, the picture and
 * the paragraph after it must all print on the page area, in order, with nothing lost or repeated.
 *
 * The picture spans both columns (`column-span: all`); with 47 pt of title above it the picture (scaled
 * whole to 640 pt tall by the fit-figures stage) does not fit the 682.5 pt type area. Chromium then sets
 * the figure and the paragraph in extra columns beside the page and Paged.js 0.4.3 reports the overflow
 * from the start of the page: the page was laid out again from the title, or the picture never printed
 * (the integrity check, checkOffPage, refused such an export). The SpanningBreaks handler
 * (renderer/print/spanningBreaks.ts) now sends the picture whole to the next page; its fixture test and
 * the off-page check's own test are in tests/print-stages-pages.test.ts.
 */
import { execFileSync } from 'node:child_process';
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

it('prints a tall narrow picture set wider than the page, and the text around it, on the page area', async () => {
  const { tree, html } = tallImageIssue();
  const result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'tall.pdf'), printMemory: false, html });
  const pages = await pdfjsPageTexts(result.pdfPath);
  expect(compareIssueText(pages, tree, result.pageMap, issueJob(tree).evenHead)).toEqual([]);
  expect(pages.join('').replace(/\s+/g, '')).toContain('结束标记。');
  // The picture prints once, at its pixel size (pdfimages: its width and height in pixels).
  const images = execFileSync('pdfimages', ['-list', result.pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  expect(images.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'))).toEqual(['93x210']);
  // Scaled whole to 640 pt tall, the aspect ratio kept: 210 px / (640 / 72) in ≈ 24 ppi, the same across.
  const [xPpi, yPpi] = images[0].trim().split(/\s+/).slice(12, 14).map(Number);
  expect(yPpi).toBe(24);
  expect(xPpi).toBe(yPpi);
}, 600_000);
