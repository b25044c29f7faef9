/**
 * Word import keeps images (issue 10.6): each picture becomes an image block where it stood, at the width Word
 * showed it (DrawingML inline and floating pictures, VML shapes), with its bytes unchanged; a 印章 floating over
 * the signature stays an image. The images come from ImageMagick and the Word file from the `docx` package.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HorizontalPositionRelativeFrom, ImageRun, Packer, Paragraph, TextRun, VerticalPositionRelativeFrom } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockElement, ImageElement } from '../common/model/index';
import { markImageSizes, readSizeMark } from '../main/import/docxPackage';
import { importDocxIntoLibrary } from '../main/import/docxIntoLibrary';
import { openLibrary, type Library } from '../main/store/index';
import { tempDir } from './store-fixtures';

const { dir, cleanup } = tempDir('gazette-docx-images-');
let library: Library;
const images: Record<string, Buffer> = {};

function makeImage(name: string, args: string[]): Buffer {
  const file = path.join(dir, name);
  execFileSync('convert', [...args, file]);
  return readFileSync(file);
}

beforeAll(async () => {
  library = openLibrary(path.join(dir, 'library.sqlite'));
  images.png = makeImage('map.png', ['-size', '600x300', 'gradient:red-blue']);
  images.jpeg = makeImage('photo.jpg', ['-size', '800x500', 'gradient:yellow-green', '-quality', '90']);
  images.seal = makeImage('seal.png', ['-size', '300x300', 'xc:none', '-fill', 'none', '-stroke', '#d00000', '-strokewidth', '12', '-draw', 'circle 150,150 150,10']);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('格尔木市人民政府办公室关于城市更新示意图的通知')] }),
          new Paragraph({ children: [new TextRun('各乡（镇）人民政府，市政府各部门：')] }),
          new Paragraph({ children: [new TextRun('现将示意图印发给你们。图一如下：')] }),
          // 300 × 150 px = 225 pt wide, centred on its own line.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: images.png, transformation: { width: 300, height: 150 }, altText: { name: '图一', description: '项目位置示意图', title: '图一' } })],
          }),
          // 480 px = 360 pt, inside a line of text.
          new Paragraph({ children: [new TextRun('图二为现场照片：'), new ImageRun({ type: 'jpg', data: images.jpeg, transformation: { width: 480, height: 300 } }), new TextRun('以上请认真落实。')] }),
          // The seal floats over the signature, behind the text (160 px = 120 pt).
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun('格尔木市人民政府办公室'),
              new ImageRun({
                type: 'png',
                data: images.seal,
                transformation: { width: 160, height: 160 },
                altText: { name: '印章', description: '印章', title: '印章' },
                floating: {
                  horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: 3_600_000 },
                  verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: -500_000 },
                  behindDocument: true,
                },
              }),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2024年7月20日')] }),
        ],
      },
    ],
  });
  writeFileSync(path.join(dir, 'images.docx'), await Packer.toBuffer(doc));
});

afterAll(() => {
  library?.close();
  cleanup();
});

describe('Word import keeps images', () => {
  it('imports every picture as an image block in place, at its Word width, bytes unchanged; the 印章 stays an image', async () => {
    const result = await importDocxIntoLibrary(library, path.join(dir, 'images.docx'), { timeoutMs: 120_000 });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const blocks = library.documents.get(result.documentId).content.blocks;
    const order = blocks.map((b: BlockElement) => (b.type === 'image' ? `image:${b.alt ?? ''}` : b.type));
    // Each image right after the paragraph that held it; the seal after the signature.
    expect(order).toEqual(['doc-title', 'addressee', 'paragraph', 'image:项目位置示意图', 'paragraph', 'image:', 'signature', 'image:印章', 'date-line']);
    const found = blocks.filter((b): b is ImageElement => b.type === 'image');
    expect(found.map((b) => b.width)).toEqual([225, 360, 120]);
    const bytes = found.map((b) => Buffer.from(library.assets.get(b.assetId)!.bytes));
    expect(bytes[0].equals(images.png)).toBe(true);
    expect(bytes[1].equals(images.jpeg)).toBe(true);
    expect(bytes[2].equals(images.seal)).toBe(true);
    expect(found.map((b) => library.assets.get(b.assetId)!.mime)).toEqual(['image/png', 'image/jpeg', 'image/png']);
  }, 180_000);

  it('reads the width of DrawingML (inline, floating) and VML pictures, keeping the description', () => {
    const xml = [
      '<wp:inline><wp:extent cx="2533650" cy="100"/><wp:docPr id="1" name="p" descr="示意图"/></wp:inline>',
      '<wp:anchor behindDoc="1"><wp:extent cx="1524000" cy="1524000"/><wp:docPr id="2" name="s" title="印章"/></wp:anchor>',
      '<w:pict><v:shape id="s1" style="position:absolute;width:2in;height:1in"><v:imagedata r:id="rId9" o:title="旧版印章"/></v:shape></w:pict>',
      '<w:pict><v:shape id="s2" style="width:5cm"><v:imagedata r:id="rId10"/></v:shape></w:pict>',
    ].join('');
    const marked = markImageSizes(xml);
    const descriptions = [...marked.matchAll(/(?:descr|o:title)="([^"]*)"/g)].map((m) => readSizeMark(m[1]));
    expect(descriptions).toEqual([
      { widthPt: 199.5, alt: '示意图' },
      { widthPt: 120, alt: '印章' },
      { widthPt: 144, alt: '旧版印章' },
      { widthPt: 141.73, alt: '' },
    ]);
    expect(readSizeMark('没有尺寸')).toEqual({ alt: '没有尺寸' });
  });
});
