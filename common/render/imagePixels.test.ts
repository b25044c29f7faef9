import { describe, expect, it } from 'vitest';
import { pixelSize, svgSize, webpSize } from './imagePixels';

const bytes = (base64: string) => Uint8Array.from(Buffer.from(base64, 'base64'));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Made with ImageMagick (`convert -size WxH xc:COLOUR -define webp:lossless=… NAME.webp`). */
const WEBP = {
  // 37 × 23, lossy: a 'VP8 ' chunk.
  lossy: 'UklGRk4AAABXRUJQVlA4IEIAAABQAwCdASolABcAPpFGnkslo6KhpWgAsBIJZwDO3oAAK/fDcAD+7qY//2LOWwLx//7nA/7nA/7nA/jbB+29aoAAAAA=',
  // 301 × 17, lossless: 'VP8L'.
  lossless: 'UklGRiIAAABXRUJQVlA4TBUAAAAvLAEEAAcQ0f/+B4CE8H++FNH/lBAA',
  // 1203 × 5, lossy with alpha: 'VP8X' (the canvas), then ALPH and 'VP8 '.
  extended:
    'UklGRpYAAABXRUJQVlA4WAoAAAAQAAAAsgQABAAAQUxQSAoAAAABB9C/iAhERP8DVlA4IGYAAADQBwCdASqzBAUAPpFIoUylpCMiIGgAsBIJaW7hdUlwH4AfgAAA7odVSbJiHVUmyYh1VJsmIdVSbJiHVUmyYh1VJsmIdVSYgAD+/ZVv//0YLgOB76X//7GY/aM/zjuEs0oQAAAAAAA=',
};

describe('webpSize', () => {
  it('reads lossy, lossless and extended WebP headers', () => {
    expect(webpSize(bytes(WEBP.lossy))).toEqual({ width: 37, height: 23 });
    expect(webpSize(bytes(WEBP.lossless))).toEqual({ width: 301, height: 17 });
    expect(webpSize(bytes(WEBP.extended))).toEqual({ width: 1203, height: 5 });
  });

  it('reads nothing from other RIFF files or cut-off headers', () => {
    const wave = bytes(WEBP.lossy);
    wave.set(utf8('WAVE'), 8);
    expect(webpSize(wave)).toBeUndefined();
    expect(webpSize(bytes(WEBP.lossy).subarray(0, 20))).toBeUndefined();
  });
});

describe('svgSize', () => {
  // Each expected size is what Chromium's <img> gives the same SVG (naturalWidth × naturalHeight).
  const svg = (attrs: string) => utf8(`<?xml version="1.0"?>\n<!-- <svg width="1" height="1"> -->\n<svg xmlns="http://www.w3.org/2000/svg" ${attrs}><rect width="1" height="1"/></svg>`);

  it('takes the root width and height, in any absolute unit', () => {
    expect(svgSize(svg('width="200" height="100"'))).toEqual({ width: 200, height: 100 });
    expect(svgSize(svg('width="30pt" height="15mm"'))).toEqual({ width: 40, height: 57 });
    expect(svgSize(svg("width='10em' height='5em'"))).toEqual({ width: 160, height: 80 });
    expect(svgSize(svg('width="2in" height="1cm" viewBox="0 0 10 10"'))).toEqual({ width: 192, height: 38 });
  });

  it('takes a missing side from the viewBox, and fits a viewBox alone in 300 × 150', () => {
    expect(svgSize(svg('width="100" viewBox="0 0 400 800"'))).toEqual({ width: 100, height: 200 });
    expect(svgSize(svg('height="50" viewBox="0,0,400,100"'))).toEqual({ width: 200, height: 50 });
    expect(svgSize(svg('viewBox="0 0 400 800"'))).toEqual({ width: 75, height: 150 });
    expect(svgSize(svg('viewBox="0 0 4000 100"'))).toEqual({ width: 300, height: 8 });
    expect(svgSize(svg('width="100%" height="50%" viewBox="0 0 400 200"'))).toEqual({ width: 300, height: 150 });
    expect(svgSize(svg(''))).toEqual({ width: 300, height: 150 });
  });

  it('reads nothing from a file that is not SVG', () => {
    expect(svgSize(utf8('<html><body>not a picture</body></html>'))).toBeUndefined();
  });
});

describe('pixelSize', () => {
  it('reads every printable format: the DOCX ones through imageInfo, WebP and SVG too', () => {
    // The first 24 bytes of a 600 × 1600 PNG (ImageMagick): signature and IHDR.
    const png = bytes('iVBORw0KGgoAAAANSUhEUgAAAlgAAAZA');
    expect(pixelSize(png)).toEqual({ width: 600, height: 1600 });
    expect(pixelSize(bytes(WEBP.extended))).toEqual({ width: 1203, height: 5 });
    expect(pixelSize(utf8('<svg width="900" height="40"></svg>'))).toEqual({ width: 900, height: 40 });
    expect(pixelSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
