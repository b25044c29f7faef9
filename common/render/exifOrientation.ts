/**
 * The EXIF Orientation of a JPEG (phone photos are stored sideways with a tag saying how to turn them).
 * Chromium turns the picture as the tag says (CSS image-orientation: from-image), so the print page prints
 * it upright and sizes it by its turned size. A DOCX reader may or may not obey the tag (LibreOffice does
 * not), so the DOCX gets a copy with the tag set to 1 and the turn written into the picture's DrawingML
 * transform, which every reader applies: Word, LibreOffice and the PDF then show the same picture.
 */
import type { PixelSize } from './figureSize';

/** The Orientation tag's value (1–8), 1 when the JPEG has none (or is not a JPEG). */
export function jpegOrientation(bytes: Uint8Array): number {
  return orientationTag(bytes)?.value ?? 1;
}

/** Where the Orientation value sits in the bytes, and its value. */
function orientationTag(bytes: Uint8Array): { at: number; little: boolean; value: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    if (marker === 0xda || marker === 0xd9) return undefined; // image data: no metadata after this
    const length = view.getUint16(i + 2);
    if (marker === 0xe1 && length >= 16 && String.fromCharCode(...bytes.subarray(i + 4, i + 10)) === 'Exif\0\0') {
      return tiffOrientation(view, i + 10, Math.min(bytes.length, i + 2 + length));
    }
    i += 2 + length;
  }
  return undefined;
}

/** The Orientation entry (0x0112) of the first IFD of the TIFF structure at `tiff`..`end`. */
function tiffOrientation(view: DataView, tiff: number, end: number): { at: number; little: boolean; value: number } | undefined {
  if (tiff + 8 > end) return undefined;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined;
  const little = order === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return undefined;
  const count = view.getUint16(ifd, little);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > end) return undefined;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? { at: entry + 8, little, value } : undefined;
  }
  return undefined;
}

/** Orientations 5–8 are turned a quarter: the picture shows with width and height swapped. */
export function orientedSize(size: PixelSize, orientation: number): PixelSize {
  return orientation >= 5 && orientation <= 8 ? { width: size.height, height: size.width } : size;
}

/** A copy of the JPEG with its Orientation set to 1 (the same bytes when it has none or is 1 already). */
export function withoutOrientation(bytes: Uint8Array): Uint8Array {
  const tag = orientationTag(bytes);
  if (!tag || tag.value === 1) return bytes;
  const copy = bytes.slice();
  new DataView(copy.buffer, copy.byteOffset, copy.byteLength).setUint16(tag.at, 1, tag.little);
  return copy;
}

/**
 * The DrawingML turn that shows the stored (unturned) pixels as the Orientation says: a clockwise rotation
 * in degrees, after a horizontal mirror when `flipH`. Orientation per EXIF: 2 mirror, 3 half turn, 4 mirror
 * of 3, 5 mirror then 270°… stated as the turn from stored to shown.
 */
export function orientationTurn(orientation: number): { rotation: 0 | 90 | 180 | 270; flipH: boolean } {
  switch (orientation) {
    case 2: return { rotation: 0, flipH: true };
    case 3: return { rotation: 180, flipH: false };
    case 4: return { rotation: 180, flipH: true };
    case 5: return { rotation: 270, flipH: true };
    case 6: return { rotation: 90, flipH: false };
    case 7: return { rotation: 90, flipH: true };
    case 8: return { rotation: 270, flipH: false };
    default: return { rotation: 0, flipH: false };
  }
}
