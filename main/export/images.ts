/** The library's image assets as the print page and the DOCX export take them. */
import type { IssueTree } from '../../common/model';
import { scaledFigures, scaledFigureWarning, type PixelSize } from '../../common/render/figureSize';
import { pixelSize } from '../../common/render/imagePixels';
import { imageDataUrl, imageUses, missingImageWarnings } from '../../common/render/images';
import type { HtmlOptions } from '../../common/render/toHtml';

/** The part of the library this needs (main/store's Library satisfies it). */
export interface AssetSource {
  assets: { get(id: string): { mime: string; bytes: Uint8Array } | undefined };
}

const PRINTABLE = /^image\/(png|jpeg|gif|webp|svg\+xml|bmp)$/;

/**
 * toHtml options resolving every image of `tree` to a data: URL (each asset read once), and a warning per
 * image that is missing (printed as a placeholder box) or larger than the type area (printed smaller, as
 * the print page's fit-figures stage sizes it).
 */
export function printImages(library: AssetSource, tree: IssueTree): { html: HtmlOptions; warnings: string[] } {
  const urls = new Map<string, string>();
  const pixels = new Map<string, PixelSize>();
  for (const { assetId } of imageUses(tree)) {
    if (urls.has(assetId)) continue;
    const asset = library.assets.get(assetId);
    if (!asset || !PRINTABLE.test(asset.mime)) continue;
    urls.set(assetId, imageDataUrl(asset.mime, Buffer.from(asset.bytes).toString('base64')));
    const size = pixelSize(asset.bytes);
    if (size) pixels.set(assetId, size);
  }
  const warnings = [...missingImageWarnings(tree, (id) => urls.has(id)), ...scaledFigures(tree, (id) => pixels.get(id)).map(scaledFigureWarning)];
  return { html: { assetUrl: (id) => urls.get(id) }, warnings };
}
