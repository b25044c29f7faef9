import { describe, expect, it } from 'vitest';
import { MAX_RASTER_SIDE, needsDownscale, notInDocxWarning, rasterPixels } from './docxPictures';

describe('rasterPixels: the size a WebP or SVG is drawn at for the DOCX', () => {
  it('draws at 300 dpi of the printed width', () => {
    // 420 pt = 5.83 in: 1750 px; the SVG's own 400 × 200 does not limit a vector picture.
    expect(rasterPixels({ width: 400, height: 200 }, 420, true)).toEqual({ width: 1750, height: 875 });
  });

  it('never draws a raster picture larger than its own pixels (a 40 px icon stays 40 px)', () => {
    expect(rasterPixels({ width: 40, height: 40 }, 30, false)).toEqual({ width: 40, height: 40 });
    expect(rasterPixels({ width: 8000, height: 6000 }, 420, false)).toEqual({ width: 1750, height: 1313 });
  });

  it('keeps the longest side within the cap, aspect ratio kept', () => {
    const tall = rasterPixels({ width: 100, height: 20000 }, 32, true);
    expect(tall.height).toBeLessThanOrEqual(MAX_RASTER_SIDE);
    expect(tall.width).toBe(20);
  });
});

it('says which picture is not in the Word file and why, not that it is missing', () => {
  const text = notInDocxWarning('关于图片的通知', 'map.webp', 'WebP');
  expect(text).toContain('《关于图片的通知》');
  expect(text).toContain('“map.webp”');
  expect(text).toContain('WebP');
  expect(text).not.toContain('不存在');
});

describe('needsDownscale: when the DOCX carries a print-resolution copy', () => {
  const target = rasterPixels({ width: 4000, height: 3000 }, 420, false); // 1750 px
  it('a big phone photo set at the type width', () => {
    expect(needsDownscale({ width: 4000, height: 3000 }, target, 4_000_000)).toBe(true);
  });
  it('not a small file, nor one near its print size', () => {
    expect(needsDownscale({ width: 4000, height: 3000 }, target, 600_000)).toBe(false);
    expect(needsDownscale({ width: 2400, height: 1800 }, rasterPixels({ width: 2400, height: 1800 }, 420, false), 3_000_000)).toBe(false);
  });
});
