/**
 * The pixel size of any picture the print page prints (main/export/images.ts PRINTABLE: PNG, JPEG, GIF, BMP,
 * WebP, SVG), read from its bytes, for the picture-scale warning (figureSize.ts scaledFigures): the size
 * Chromium's <img> gives it (naturalWidth × naturalHeight), so the warning says what prints. imageInfo
 * (figureSize.ts) stays the reader of the formats a DOCX can embed.
 */
import { jpegOrientation, orientedSize } from './exifOrientation';
import { imageInfo, type PixelSize } from './figureSize';

/** Pixel size of a PNG, JPEG, GIF, BMP, WebP or SVG picture (undefined when it cannot be read). */
export function pixelSize(bytes: Uint8Array): PixelSize | undefined {
  const info = imageInfo(bytes);
  // A JPEG with an EXIF turn shows (and prints) turned: Chromium applies it.
  if (info) return orientedSize({ width: info.width, height: info.height }, info.type === 'jpg' ? jpegOrientation(bytes) : 1);
  return webpSize(bytes) ?? svgSize(bytes);
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/** Size of a WebP from its first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended: the canvas). */
export function webpSize(bytes: Uint8Array): PixelSize | undefined {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = ascii(bytes, 12, 4);
  let size: PixelSize | undefined;
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    // A key frame: the start code, then 14-bit width and height (the top two bits are scaling).
    size = { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  } else if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    // After the signature: width − 1 and height − 1 in 14 bits each, least significant first.
    const bits = view.getUint32(21, true);
    size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  } else if (chunk === 'VP8X') {
    // Flags and 3 reserved bytes, then the canvas width − 1 and height − 1 in 24 bits each.
    const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    size = { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** CSS pixels per unit of an SVG length (Chromium takes em as 16 px in an <img>). */
const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, em: 16 };
/** The size Chromium gives an SVG <img> without a width or height of its own (CSS's default object size). */
const DEFAULT_SVG = { width: 300, height: 150 };

/** An absolute length in px, or undefined (a percentage, an unknown unit, nothing). */
function svgLength(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^\s*(\d*\.?\d+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? PX_PER_UNIT[m[2].toLowerCase()] : undefined;
  const px = m && unit ? Number(m[1]) * unit : NaN;
  return px > 0 && Number.isFinite(px) ? px : undefined;
}

/**
 * Size of an SVG as Chromium's <img> lays it out: the root's width and height; a missing one from the
 * viewBox's aspect ratio; neither: the viewBox's shape fitted in 300 × 150 (or 300 × 150 itself).
 */
export function svgSize(bytes: Uint8Array): PixelSize | undefined {
  const text = new TextDecoder().decode(bytes.subarray(0, 65536));
  const root = /<svg\b([^>]*)>/i.exec(text.replace(/<!--[\s\S]*?-->/g, ''));
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(root[1])?.slice(2).find((v) => v !== undefined);
  const width = svgLength(attr('width'));
  const height = svgLength(attr('height'));
  const box = (attr('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const ratio = box.length === 4 && box[2] > 0 && box[3] > 0 ? box[2] / box[3] : undefined;
  let size: PixelSize;
  if (width && height) size = { width, height };
  else if (width) size = { width, height: ratio ? width / ratio : DEFAULT_SVG.height };
  else if (height) size = { width: ratio ? height * ratio : DEFAULT_SVG.width, height };
  else if (ratio) size = ratio > DEFAULT_SVG.width / DEFAULT_SVG.height ? { width: DEFAULT_SVG.width, height: DEFAULT_SVG.width / ratio } : { width: DEFAULT_SVG.height * ratio, height: DEFAULT_SVG.height };
  else size = { ...DEFAULT_SVG };
  return { width: Math.round(size.width), height: Math.round(size.height) };
}
