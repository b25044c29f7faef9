/**
 * Which picture files the editor's 插入图片 takes: the formats the print page prints (and the contract's
 * assets.put accepts). Anything else gets one sentence naming the file and what to do, before any upload.
 */

/** MIME types of the pictures the editor inserts (the file picker's accept list). */
export const INSERTABLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/bmp'] as const;

/** Format names users know, by file extension, for the sentence. */
const FORMAT_BY_EXTENSION: Record<string, string> = { tif: 'TIFF', tiff: 'TIFF', heic: 'HEIC', heif: 'HEIF', avif: 'AVIF', psd: 'PSD', ico: 'ICO', emf: 'EMF', wmf: 'WMF', jxl: 'JPEG XL' };

/** Why `file` cannot be inserted as a picture, or undefined when it can. */
export function insertImageProblem(file: { name: string; type: string }): string | undefined {
  if ((INSERTABLE_IMAGE_TYPES as readonly string[]).includes(file.type)) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1].toLowerCase() ?? '';
  const format = FORMAT_BY_EXTENSION[extension] ?? (file.type.startsWith('image/') ? file.type.slice(6).toUpperCase() : undefined);
  if (!format) return `“${file.name}”不是图片文件，不能插入`;
  return `“${file.name}”是 ${format} 格式的图片，不能插入：请先另存为 PNG 或 JPEG 格式再插入`;
}
