/**
 * Phone photos: a JPEG stored sideways with an EXIF Orientation tag prints turned (Chromium obeys the tag),
 * so the picture-size warnings and the DOCX must use the turned size, and the DOCX must show the picture
 * turned whatever the reader does with the tag (LibreOffice ignores it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { jpegOrientation, orientationTurn, orientedSize, withoutOrientation } from '../common/render/exifOrientation';
import { figureSize, imageInfo, scaledFigures } from '../common/render/figureSize';
import { pixelSize } from '../common/render/imagePixels';
import { toDocx } from '../common/render/toDocx';
import { libraryAssets } from '../main/export/docx';
import { unzipDocx } from './docx-helpers';
import { makeJpeg, withExifOrientation } from './image-fixtures';
import { makeTree, tempDir } from './store-fixtures';

const tmp = tempDir('gazette-orientation-');
afterAll(() => tmp.cleanup());
const plain = makeJpeg(tmp.dir, 1200, 800);

describe('EXIF Orientation of a JPEG', () => {
  it('reads the tag in either byte order, and 1 when there is none', () => {
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(jpegOrientation(withExifOrientation(plain, o, 'II'))).toBe(o);
      expect(jpegOrientation(withExifOrientation(plain, o, 'MM'))).toBe(o);
    }
    expect(jpegOrientation(plain)).toBe(1);
    expect(jpegOrientation(new TextEncoder().encode('not a picture'))).toBe(1);
    expect(jpegOrientation(withExifOrientation(plain, 6).subarray(0, 20))).toBe(1); // cut off: no throw
  });

  it('the printed size is the turned one: a sideways 1200 × 800 photo shows 800 × 1200', () => {
    const sideways = withExifOrientation(plain, 6);
    expect(pixelSize(sideways)).toEqual({ width: 800, height: 1200 });
    expect(pixelSize(withExifOrientation(plain, 8, 'MM'))).toEqual({ width: 800, height: 1200 });
    expect(pixelSize(withExifOrientation(plain, 3))).toEqual({ width: 1200, height: 800 });
    expect(orientedSize({ width: 3, height: 2 }, 5)).toEqual({ width: 2, height: 3 });
  });

  it('the copy for the DOCX has the tag reset to 1 and is otherwise the same bytes', () => {
    const sideways = withExifOrientation(plain, 6, 'MM');
    const reset = withoutOrientation(sideways);
    expect(jpegOrientation(reset)).toBe(1);
    expect(jpegOrientation(sideways)).toBe(6); // the library's picture is untouched
    expect(reset.length).toBe(sideways.length);
    expect(reset.filter((b, i) => b !== sideways[i]).length).toBe(1);
    expect(withoutOrientation(plain)).toBe(plain);
  });

  it('each orientation is a clockwise turn after an optional mirror', () => {
    expect(orientationTurn(6)).toEqual({ rotation: 90, flipH: false });
    expect(orientationTurn(8)).toEqual({ rotation: 270, flipH: false });
    expect(orientationTurn(3)).toEqual({ rotation: 180, flipH: false });
    expect(orientationTurn(1)).toEqual({ rotation: 0, flipH: false });
  });
});

describe('a sideways phone photo in the DOCX and the warnings', () => {
  const sideways = withExifOrientation(plain, 6);
  const library = { assets: { get: (id: string) => (id === 'photo' ? { bytes: sideways } : undefined) } };
  const tree = makeTree({ sections: [{ name: '市政府文件', docs: [{ title: '现场照片', docNumber: '格政发〔2024〕1号', body: ['照片如下。'] }] }] });
  const doc = tree.sections[0].documents[0];
  doc.content = { ...doc.content, blocks: [...doc.content.blocks, { type: 'image', assetId: 'photo', alt: '现场', children: [{ text: '' }] }] };

  it('warns of the scale the print page uses (70 %: 600 pt wide asked, 420 pt printed), not the unturned 46 %', () => {
    const assets = libraryAssets(library);
    expect(assets('photo')).toMatchObject({ width: 800, height: 1200, orientation: 6 });
    expect(scaledFigures(tree, assets).map((f) => f.percent)).toEqual([Math.floor(figureSize({ width: 800, height: 1200 }).scale * 100)]);
    expect(scaledFigures(tree, assets)[0].percent).toBe(70);
  });

  it('embeds the stored pixels with the tag reset and a quarter turn, showing 420 × 630 pt like the PDF', async () => {
    const { bytes } = await toDocx(tree, { assets: libraryAssets(library) });
    const document = unzipDocx(bytes)['word/document.xml'];
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)!;
    // The shape is the stored (landscape) pixels, 630 × 420 pt; turned 90° it shows 420 wide, 630 tall.
    expect([Math.round(Number(extent[1]) / 12700), Math.round(Number(extent[2]) / 12700)]).toEqual([630, 420]);
    expect(document).toMatch(/<a:xfrm rot="5400000"/);
    const { unzipSync } = await import('fflate');
    const media = Object.entries(unzipSync(bytes)).filter(([name]) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(jpegOrientation(media[0][1])).toBe(1);
    expect(imageInfo(media[0][1])).toMatchObject({ width: 1200, height: 800 });
  });

  it('an upright JPEG is embedded as it is, without a turn', async () => {
    const upright = { assets: { get: () => ({ bytes: plain }) } };
    const { bytes } = await toDocx(tree, { assets: libraryAssets(upright) });
    const document = unzipDocx(bytes)['word/document.xml'];
    expect(document).not.toMatch(/rot="/);
    expect(/<wp:extent cx="(\d+)"/.exec(document)![1]).toBe(String(Math.round((420 * 96) / 72) * 9525));
  });
});
