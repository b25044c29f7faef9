/** The library's image assets as the print page and the DOCX export take them. */
import type { IssueTree } from '../../common/model';
import { imageDataUrl, imageUses, missingImageWarnings } from '../../common/render/images';
import type { HtmlOptions } from '../../common/render/toHtml';

/** The part of the library this needs (main/store's Library satisfies it). */
export interface AssetSource {
  assets: { get(id: string): { mime: string; bytes: Uint8Array } | undefined };
}

const PRINTABLE = /^image\/(png|jpeg|gif|webp|svg\+xml|bmp)$/;

/**
 * toHtml options resolving every image of `tree` to a data: URL (each asset read once), and a warning per
 * image that is missing (printed as a placeholder box).
 */
export function printImages(library: AssetSource, tree: IssueTree): { html: HtmlOptions; warnings: string[] } {
  const urls = new Map<string, string>();
  for (const { assetId } of imageUses(tree)) {
    if (urls.has(assetId)) continue;
    const asset = library.assets.get(assetId);
    if (asset && PRINTABLE.test(asset.mime)) urls.set(assetId, imageDataUrl(asset.mime, Buffer.from(asset.bytes).toString('base64')));
  }
  return { html: { assetUrl: (id) => urls.get(id) }, warnings: missingImageWarnings(tree, (id) => urls.has(id)) };
}
