/**
 * Draw a picture (a data: URL) as PNG or JPEG in the print engine's page: the DOCX export's way to turn
 * WebP and SVG, which Word files cannot hold, into PNG, and to carry a huge photo at print resolution,
 * offline, with the Chromium the app already runs for printing.
 */

/** What a drawn copy is encoded as: PNG (keeps transparency and line art) or JPEG (photos). */
export type DrawnFormat = 'png' | 'jpeg';

/**
 * Script for the print page: the picture drawn at `width` × `height` px, as base64 PNG or JPEG (quality
 * 0.92, on white). Chromium applies a JPEG's EXIF turn when it decodes, so the copy is upright.
 */
export function rasterizeScript(dataUrl: string, width: number, height: number, format: DrawnFormat = 'png'): string {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const jpeg = format === 'jpeg';
  return `(async () => {
    const img = new Image();
    img.src = ${JSON.stringify(dataUrl)};
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = ${w};
    canvas.height = ${h};
    const g = canvas.getContext('2d');
    g.imageSmoothingQuality = 'high';
    ${jpeg ? `g.fillStyle = '#fff'; g.fillRect(0, 0, ${w}, ${h});` : ''}
    g.drawImage(img, 0, 0, ${w}, ${h});
    const url = canvas.toDataURL(${jpeg ? "'image/jpeg', 0.92" : "'image/png'"});
    canvas.width = canvas.height = 0;
    return url.slice(url.indexOf(',') + 1);
  })()`;
}
