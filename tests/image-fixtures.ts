/**
 * Pictures as phones and other programs write them, made with ImageMagick (installed with the test tools):
 * a JPEG with an EXIF Orientation tag (phones store the sensor's pixels and say how to turn them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A JPEG of `width` × `height` stored pixels: white, a red band at the top left, a blue disc bottom right. */
export function makeJpeg(dir: string, width: number, height: number, name = 'photo.jpg'): Uint8Array {
  const file = path.join(dir, name);
  const band = `rectangle 0,0 ${Math.round(width / 2)},${Math.round(height / 4)}`;
  const disc = `circle ${Math.round(width * 0.8)},${Math.round(height * 0.8)} ${Math.round(width * 0.8)},${Math.round(height * 0.7)}`;
  execFileSync('convert', ['-size', `${width}x${height}`, 'xc:white', '-fill', 'red', '-draw', band, '-fill', 'blue', '-draw', disc, '-quality', '90', file]);
  return new Uint8Array(readFileSync(file));
}

/**
 * The JPEG with an EXIF APP1 segment right after its start marker holding one tag, Orientation, in the
 * byte order given (Intel "II" or Motorola "MM"), as a camera writes it.
 */
export function withExifOrientation(jpeg: Uint8Array, orientation: number, order: 'II' | 'MM' = 'II'): Uint8Array {
  const little = order === 'II';
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write(order, 0, 'latin1');
  const u16 = (value: number, at: number) => (little ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (value: number, at: number) => (little ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  u16(42, 2);
  u32(8, 4); // the first IFD right after the header
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14); // one value
  u16(orientation, 18); // the value, left-aligned in the 4-byte field
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)]));
}
