/**
 * A huge photo prints from a 300 dpi copy (main/export/printCopies.ts): the PDF carries the pixels its
 * printed size needs, not the whole camera file, and the picture prints at the same size and place as the
 * original would. The library keeps the original.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BlockElement } from '../common/model';
import { LayoutCache } from '../main/export/layoutCache';
import { exportTreePdf } from '../main/export/exportPdf';
import { printImages } from '../main/export/images';
import { withPrintCopies } from '../main/export/printCopies';
import { makeTree, tempDir } from './store-fixtures';
import { chromiumPerFile } from './chromium-per-file';

const tmp = tempDir('gazette-huge-photo-');
const chromium = chromiumPerFile();
afterAll(() => tmp.cleanup());

/** pdfimages -list rows: page, width, height, x-ppi. */
function pdfImages(pdf: string): Array<{ page: number; width: number; height: number; ppi: number }> {
  const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return rows.map((row) => row.trim().split(/\s+/)).filter((f) => f[2] === 'image').map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]), ppi: Number(f[12]) }));
}

it('a 3000 × 2000 photo of several MB set one column wide prints from an 831 px copy, at the same place', async () => {
  const file = path.join(tmp.dir, 'photo.jpg');
  execFileSync('convert', ['-size', '3000x2000', 'xc:gray', '+noise', 'Random', '-type', 'TrueColor', '-quality', '95', file]);
  const bytes = new Uint8Array(readFileSync(file));
  expect(bytes.length).toBeGreaterThan(2 << 20);
  const library = { assets: { get: (id: string) => (id === 'photo' ? { mime: 'image/jpeg', bytes } : undefined) } };
  const tree = makeTree({ sections: [{ name: '市政府文件', docs: [{ title: '现场照片', docNumber: '格政发〔2024〕3号', body: ['照片如下。'] }] }] });
  const doc = tree.sections[0].documents[0];
  const blocks: BlockElement[] = [...doc.content.blocks, { type: 'image', assetId: 'photo', alt: '现场', width: 199.5, children: [{ text: '' }] }, { type: 'paragraph', children: [{ text: '照片之后的段落。' }] }];
  doc.content = { ...doc.content, blocks };

  const original = printImages(library, tree).html;
  const copied = await withPrintCopies(library, tree, original, chromium.engine.rasterize.bind(chromium.engine));
  expect(copied.assetUrl!('photo')).toMatch(/^data:image\/jpeg;base64,/);
  expect(copied.assetUrl!('photo')!.length).toBeLessThan(original.assetUrl!('photo')!.length / 3);

  const whole = await exportTreePdf(tree, { pdfPath: path.join(tmp.dir, 'whole.pdf'), engine: chromium.engine, cache: new LayoutCache(), printMemory: false, html: original });
  const small = await exportTreePdf(tree, { pdfPath: path.join(tmp.dir, 'small.pdf'), engine: chromium.engine, cache: new LayoutCache(), printMemory: false, html: copied });
  const [before] = pdfImages(path.join(tmp.dir, 'whole.pdf'));
  const [after] = pdfImages(path.join(tmp.dir, 'small.pdf'));
  expect(before).toMatchObject({ width: 3000, height: 2000 });
  // 199.5 pt at 300 dpi: 831 px; same page, same pages in all, same document page map.
  expect(after).toMatchObject({ page: before.page, width: 831, height: 554, ppi: 300 });
  expect(small.pages).toBe(whole.pages);
  expect(small.pageMap.documents).toEqual(whole.pageMap.documents);
  // Same place on the page: the page images at 40 dpi are the same but for the photo's noise.
  const png = (name: string) => {
    execFileSync('pdftoppm', ['-r', '40', '-f', String(before.page), '-l', String(before.page), '-png', '-singlefile', path.join(tmp.dir, `${name}.pdf`), path.join(tmp.dir, name)]);
    return path.join(tmp.dir, `${name}.png`);
  };
  const differing = execFileSync('sh', ['-c', `compare -metric AE -fuzz 25% '${png('whole')}' '${png('small')}' null: 2>&1 || true`], { encoding: 'utf8' });
  expect(Number(differing.trim().split(/\s/)[0])).toBeLessThan(40);
}, 300_000);

it('leaves small files and pictures near their print size as they are', async () => {
  const file = path.join(tmp.dir, 'small.jpg');
  execFileSync('convert', ['-size', '3000x2000', 'xc:white', '-quality', '90', file]); // big in pixels, tiny as a file
  const bytes = new Uint8Array(readFileSync(file));
  const library = { assets: { get: () => ({ mime: 'image/jpeg', bytes }) } };
  const tree = makeTree({ sections: [{ name: '市政府文件', docs: [{ title: '图', docNumber: '格政发〔2024〕4号', body: ['图。'] }] }] });
  const doc = tree.sections[0].documents[0];
  doc.content = { ...doc.content, blocks: [...doc.content.blocks, { type: 'image', assetId: 'x', children: [{ text: '' }] }] };
  const original = printImages(library, tree).html;
  expect(await withPrintCopies(library, tree, original, chromium.engine.rasterize.bind(chromium.engine))).toBe(original);
});
