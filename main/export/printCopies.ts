/**
 * Print-resolution copies of huge photos for the print page. A 20 MB, 8000 × 6000 camera JPEG set 420 pt
 * wide needs 1750 px at 300 dpi; carried whole, it made the PDF 22 MB and the layout decode 48 Mpx in every
 * pass. The print engine draws a copy at 300 dpi of the widest the issue prints it (downscaleTarget), which
 * prints at the same size (the print page sizes pictures from their pixels, and the copy has at least
 * 300/96 of the printed width). The library keeps the original; WebP, SVG, GIF and BMP print as they are.
 */
import type { IssueTree } from '../../common/model';
import { downscaleTarget } from '../../common/render/docxPictures';
import { imageDataUrl, imageUses } from '../../common/render/images';
import type { HtmlOptions } from '../../common/render/toHtml';
import type { DrawPicture } from './docx';
import type { AssetSource } from './images';

/** `html` with huge PNG and JPEG pictures swapped for copies drawn by `draw` (none without it). */
export async function withPrintCopies(library: AssetSource, tree: IssueTree, html: HtmlOptions, draw?: DrawPicture): Promise<HtmlOptions> {
  if (!draw || !html.assetUrl) return html;
  const original = html.assetUrl;
  const copies = new Map<string, string>();
  for (const { assetId } of imageUses(tree)) {
    const asset = copies.has(assetId) ? undefined : library.assets.get(assetId);
    const url = asset && /^image\/(png|jpeg)$/.test(asset.mime) ? original(assetId) : undefined;
    const target = url && downscaleTarget(tree, assetId, asset!.bytes);
    if (!url || !target) continue;
    const format = asset!.mime === 'image/jpeg' ? 'jpeg' : 'png';
    try {
      const copy = await draw(url, target.width, target.height, format);
      copies.set(assetId, imageDataUrl(`image/${format}`, Buffer.from(copy).toString('base64')));
    } catch {
      // Not drawn: the original prints.
    }
  }
  return copies.size === 0 ? html : { ...html, assetUrl: (id) => copies.get(id) ?? original(id) };
}
