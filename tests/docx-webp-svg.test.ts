/**
 * WebP and SVG pictures print in the PDF and now go into the DOCX too: drawn as PNG at print resolution
 * by the print Chromium (main/export/docx.ts rasterizedAssets), the library keeping the originals. Without
 * a drawing engine the export says plainly which picture is not in the Word file (it used to claim the
 * picture was missing from the library).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { DOWNSCALE_FROM_BYTES } from '../common/render/docxPictures';
import { jpegOrientation } from '../common/render/exifOrientation';
import { imageInfo } from '../common/render/figureSize';
import { exportLibraryIssueDocx, type DocxLibrary } from '../main/export/docx';
import { partText } from './docx-helpers';
import { withExifOrientation } from './image-fixtures';
import { makeTree, tempDir } from './store-fixtures';
import { chromiumPerFile } from './chromium-per-file';

// 400 × 300 lossy WebP, made with ImageMagick (`convert -size 400x300 gradient:orange-purple pic.webp`).
const WEBP = new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', 'gradient-400x300.webp')));
// 400 × 200: a blue band with a yellow disc.
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#0088cc"/><circle cx="200" cy="100" r="80" fill="#ffcc00"/></svg>',
);

const tmp = tempDir('gazette-docx-webp-');
const chromium = chromiumPerFile();
afterAll(() => tmp.cleanup());

function library(): DocxLibrary {
  const tree = makeTree({ sections: [{ name: '市政府文件', docs: [{ title: '关于图片格式的通知', docNumber: '格政发〔2024〕2号', body: ['图如下。'] }] }] });
  const doc = tree.sections[0].documents[0];
  const blocks: BlockElement[] = [
    ...doc.content.blocks,
    { type: 'image', assetId: 'webp', alt: '区位图.webp', children: [{ text: '' }] },
    // Asked at the type width: the SVG is drawn for 420 pt at 300 dpi.
    { type: 'image', assetId: 'svg', alt: '流程图.svg', width: 420, children: [{ text: '' }] },
  ];
  doc.content = { ...doc.content, blocks };
  const assets: Record<string, { bytes: Uint8Array }> = { webp: { bytes: WEBP }, svg: { bytes: SVG } };
  return { issues: { getTree: () => tree }, pageMaps: { get: () => ({ pages: {} }) }, assets: { get: (id) => assets[id] } };
}

function media(file: string): Uint8Array[] {
  return Object.entries(unzipSync(new Uint8Array(readFileSync(file))))
    .filter(([name]) => name.startsWith('word/media/'))
    .map(([, bytes]) => bytes);
}

describe('WebP and SVG pictures in the DOCX', () => {
  it('embeds both as PNG drawn by the print Chromium, at the size the PDF prints them', async () => {
    const file = path.join(tmp.dir, 'drawn.docx');
    const result = await exportLibraryIssueDocx(library(), 'issue', file, {}, chromium.engine.rasterize.bind(chromium.engine));
    expect(result.warnings).toEqual([]);
    const pictures = media(file).map((bytes) => imageInfo(bytes));
    // The WebP at its own 400 × 300 (printed 300 pt wide: 1250 px at 300 dpi would blow it up); the SVG at 1750 × 875.
    expect(pictures).toEqual(expect.arrayContaining([{ type: 'png', width: 400, height: 300 }, { type: 'png', width: 1750, height: 875 }]));
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    expect(document.match(/<w:drawing>/g)).toHaveLength(2);
    expect(partText(document)).not.toContain('［图片');
    // Printed sizes as on the print page: 400 px at 96 dpi = 300 pt; the SVG asked at 420 pt.
    const widths = [...document.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Math.round(Number(m[1]) / 12700));
    expect(widths).toEqual([300, 420]);
  }, 120_000);

  it('draws the pixels themselves: the SVG copy shows its blue band and yellow disc', async () => {
    const png = await chromium.engine.rasterize(`data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`, 400, 200);
    const file = path.join(tmp.dir, 'svg.png');
    writeFileSync(file, png);
    const pixel = (x: number, y: number) => execFileSync('convert', [file, '-format', `%[pixel:p{${x},${y}}]`, 'info:'], { encoding: 'utf8' });
    expect(pixel(10, 10)).toMatch(/srgba?\(0,136,204/);
    expect(pixel(200, 100)).toMatch(/srgba?\(255,204,0/);
  }, 60_000);

  it('carries a huge sideways photo at print resolution, upright, as JPEG; the library keeps the original', async () => {
    // 2400 × 1600 stored, noise (so the file is big), a red band along the stored top; EXIF 6 turns it
    // a quarter clockwise: it shows 1600 × 2400 with the band down the right edge.
    const stored = path.join(tmp.dir, 'phone.jpg');
    execFileSync('convert', ['-size', '2400x1600', 'xc:gray', '+noise', 'Random', '-fill', 'red', '-draw', 'rectangle 0,0 2400,200', '-type', 'TrueColor', '-quality', '95', stored]);
    const photo = withExifOrientation(new Uint8Array(readFileSync(stored)), 6);
    expect(photo.length).toBeGreaterThan(DOWNSCALE_FROM_BYTES);
    const lib = library();
    const tree = lib.issues.getTree('issue');
    const doc = tree.sections[0].documents[0];
    // Set at one column (199.5 pt): 831 px at 300 dpi.
    doc.content.blocks = [...doc.content.blocks.filter((b) => b.type !== 'image'), { type: 'image', assetId: 'photo', alt: '现场.jpg', width: 199.5, children: [{ text: '' }] }];
    const withPhoto: DocxLibrary = { ...lib, assets: { get: (id) => (id === 'photo' ? { bytes: photo } : undefined) } };
    const file = path.join(tmp.dir, 'photo.docx');
    const result = await exportLibraryIssueDocx(withPhoto, 'issue', file, {}, chromium.engine.rasterize.bind(chromium.engine));
    expect(result.warnings).toEqual([]);
    const [copy] = media(file);
    expect(imageInfo(copy)).toEqual({ type: 'jpg', width: 831, height: 1247 });
    expect(jpegOrientation(copy)).toBe(1);
    expect(copy.length).toBeLessThan(photo.length / 3);
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    expect(document).not.toMatch(/rot="/);
    const widths = [...document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((m) => [Math.round(Number(m[1]) / 12700), Math.round(Number(m[2]) / 12700)]);
    expect(widths).toEqual([[200, 299]]); // 266 × 399 px at 96 dpi, as for the original
    // Upright: the band is down the right edge, not along the top.
    const drawn = path.join(tmp.dir, 'copy.jpg');
    writeFileSync(drawn, copy);
    const red = (x: number, y: number) => /^srgb\((2[0-5]\d|1[6-9]\d),([0-6]?\d),([0-6]?\d)\)/.test(execFileSync('convert', [drawn, '-format', `%[pixel:p{${x},${y}}]`, 'info:'], { encoding: 'utf8' }));
    expect(red(825, 600)).toBe(true);
    expect(red(400, 5)).toBe(false);
  }, 120_000);

  it('without a drawing engine says which pictures are not in the Word file, not that they are missing', async () => {
    const file = path.join(tmp.dir, 'undrawn.docx');
    const result = await exportLibraryIssueDocx(library(), 'issue', file);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('“区位图.webp”是 WebP 格式');
    expect(result.warnings[1]).toContain('“流程图.svg”是 SVG 格式');
    for (const warning of result.warnings) expect(warning).not.toContain('不存在');
  });
});
