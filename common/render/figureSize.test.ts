/** Pictures larger than the type area: printed size, and the warning that names the document and the picture. */
import { describe, expect, it } from 'vitest';
import type { BlockElement, IssueTree } from '../model';
import { figureSize, imageInfo, scaledFigures, scaledFigureWarning, scaledFiguresIn } from './figureSize';

/** The parts of an issue that the warnings read: sections, documents, their titles and blocks. */
const treeOf = (blocks: BlockElement[]) =>
  ({ sections: [{ name: '市政府办公室文件', documents: [{ id: 'doc-1', title: '关于图片的通知', content: { schemaVersion: 1, blocks } }] }] }) as unknown as IssueTree;
const image = (assetId: string, width?: number, alt?: string): BlockElement => ({ type: 'image', assetId, ...(width ? { width } : {}), ...(alt ? { alt } : {}), children: [{ text: '' }] });

describe('figureSize', () => {
  it('keeps a picture that fits as asked', () => {
    expect(figureSize({ width: 640, height: 400 }, 199.5)).toEqual({ widthPt: 199.5, heightPt: 124.6875, scale: 1 });
  });
  it('narrows a picture wider than the type area to 420 pt', () => {
    // 1120 px at 96 dpi = 840 pt asked, 420 printed.
    expect(figureSize({ width: 1120, height: 100 })).toMatchObject({ widthPt: 420, scale: 0.5 });
  });
  it('shrinks a picture taller than 640 pt whole, aspect ratio kept', () => {
    const size = figureSize({ width: 600, height: 1600 }, 420);
    expect(size.heightPt).toBeCloseTo(640);
    expect(size.widthPt).toBeCloseTo(240);
    expect(size.scale).toBeCloseTo(240 / 420);
  });
});

describe('scaled pictures', () => {
  const pixels = { tall: { width: 600, height: 1600 }, small: { width: 640, height: 400 }, wide: { width: 1400, height: 700 } };
  const pixelsOf = (id: string) => pixels[id as keyof typeof pixels];

  it('lists only the pictures that print smaller than asked, by block, with their description or number', () => {
    const blocks: BlockElement[] = [
      { type: 'paragraph', children: [{ text: '正文' }] },
      image('small', 199.5, 'small.png'),
      image('tall', 420, 'x.png'),
      image('wide'),
      image('unknown', 420, 'gone.png'),
    ];
    expect(scaledFiguresIn(blocks, pixelsOf)).toEqual([
      { blockIndex: 2, name: '图片“x.png”', percent: 57 },
      { blockIndex: 3, name: '第3张图片', percent: 40 },
    ]);
  });

  it('names the document in the export warning', () => {
    const tree = treeOf([image('tall', 420, 'x.png')]);
    const found = scaledFigures(tree, pixelsOf);
    expect(found.map(scaledFigureWarning)).toEqual(['《关于图片的通知》中的图片“x.png”超出版心，已缩小到 57% 印出']);
    expect(found[0]).toMatchObject({ documentId: 'doc-1', blockIndex: 0 });
  });

  it('never says 100 % for a picture scaled by a hair', () => {
    // 421 pt asked: 420 / 421 = 99.76 %.
    expect(scaledFiguresIn([image('small', 421)], pixelsOf)).toEqual([{ blockIndex: 0, name: '第1张图片', percent: 99 }]);
  });
});

describe('imageInfo', () => {
  it('reads the pixel size of a PNG header', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 600);
    new DataView(png.buffer).setUint32(20, 1600);
    expect(imageInfo(png)).toEqual({ type: 'png', width: 600, height: 1600 });
    expect(imageInfo(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
