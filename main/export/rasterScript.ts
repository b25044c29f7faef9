/**
 * Draw a picture (a data: URL) as PNG in the print engine's page: the DOCX export's way to turn WebP and
 * SVG, which Word files cannot hold, into PNG offline with the Chromium the app already runs for printing.
 */

/** Script for the print page: the picture drawn at `width` × `height` px, as base64 PNG. */
export function rasterizeScript(dataUrl: string, width: number, height: number): string {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  return `(async () => {
    const img = new Image();
    img.src = ${JSON.stringify(dataUrl)};
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = ${w};
    canvas.height = ${h};
    const g = canvas.getContext('2d');
    g.imageSmoothingQuality = 'high';
    g.drawImage(img, 0, 0, ${w}, ${h});
    const url = canvas.toDataURL('image/png');
    canvas.width = canvas.height = 0;
    return url.slice(url.indexOf(',') + 1);
  })()`;
}
