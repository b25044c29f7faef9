/**
 * The export's picture-scale warning (main/export/images.ts printImages) for WebP and SVG pictures: their
 * pixel size is read from their bytes (common/render/imagePixels.ts), so a picture that prints smaller than
 * it was set is named, whatever its format.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BlockElement, GazetteDocument, IssueTree } from '../common/model';
import { printImages } from '../main/export/images';

// 1203 × 5 WebP, lossy with alpha (VP8X), made with ImageMagick.
const WIDE_WEBP = Buffer.from(
  'UklGRpYAAABXRUJQVlA4WAoAAAAQAAAAsgQABAAAQUxQSAoAAAABB9C/iAhERP8DVlA4IGYAAADQBwCdASqzBAUAPpFIoUylpCMiIGgAsBIJaW7hdUlwH4AfgAAA7odVSbJiHVUmyYh1VJsmIdVSbJiHVUmyYh1VJsmIdVSYgAD+/ZVv//0YLgOB76X//7GY/aM/zjuEs0oQAAAAAAA=',
  'base64',
);
// An SVG 100 px wide and 2,000 px tall: taller than a page at any width it is asked.
const TALL_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="2000"><rect width="100" height="2000"/></svg>');

function issueWith(assetIds: string[]): IssueTree {
  const tree = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
  const base = tree.sections[0].documents[0];
  const doc: GazetteDocument = {
    ...base,
    id: 'pictures',
    title: '关于图片格式的通知',
    content: {
      schemaVersion: 1,
      blocks: [
        { type: 'doc-title', children: [{ text: '关于图片格式的通知' }] },
        // Set at their own size (no width asked): 1203 px is 902 pt, wider than the 420 pt type area.
        ...assetIds.map((assetId): BlockElement => ({ type: 'image', assetId, children: [{ text: '' }] })),
      ],
    },
  };
  tree.sections = [{ ...tree.sections[0], documents: [doc] }];
  return tree;
}

it('warns of WebP and SVG pictures printed smaller than they are set', () => {
  const assets: Record<string, { mime: string; bytes: Uint8Array }> = {
    webp: { mime: 'image/webp', bytes: WIDE_WEBP },
    svg: { mime: 'image/svg+xml', bytes: TALL_SVG },
  };
  const { warnings } = printImages({ assets: { get: (id) => assets[id] } }, issueWith(['webp', 'svg']));
  expect(warnings).toHaveLength(2);
  // 420 pt of 902 pt: 46 %; 640 pt of 1500 pt tall: 42 %.
  expect(warnings[0]).toMatch(/46\s*%/);
  expect(warnings[1]).toMatch(/42\s*%/);
});
