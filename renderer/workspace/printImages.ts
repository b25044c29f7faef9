/**
 * Images for the live preview: the print frame runs on another site and holds no token, so it cannot
 * fetch assets itself; the app fetches each asset once through the contract and puts it into the job's HTML
 * as a data: URL, exactly as the PDF export does in main (main/export/images.ts).
 */
import type { PixelSize } from '../../common/render/figureSize';
import { pixelSize } from '../../common/render/imagePixels';
import { imageDataUrl, imageUses } from '../../common/render/images';
import type { IssueTree } from '../../common/model';
import type { HtmlOptions } from '../../common/render/toHtml';
import { api } from '../api';

/** assetId -> data: URL, or null when the library has no such asset (printed as a placeholder). */
const urls = new Map<string, string | null>();
const loading = new Map<string, Promise<void>>();
/** assetId -> pixel size read from the image's header (the 检查 panel's picture-scale check). */
const pixels = new Map<string, PixelSize>();

function pixelSizeOf(dataBase64: string): PixelSize | undefined {
  try {
    return pixelSize(Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function load(assetId: string): Promise<void> {
  let pending = loading.get(assetId);
  if (!pending) {
    pending = api
      .getAsset(assetId)
      .then((a) => {
        urls.set(assetId, imageDataUrl(a.mime, a.dataBase64));
        const size = pixelSizeOf(a.dataBase64);
        if (size) pixels.set(assetId, size);
      })
      .catch((e: { code?: string }) => {
        // Not in the library: a placeholder. Anything else (connection lost): try again next time.
        if (e.code === 'not-found') urls.set(assetId, null);
      })
      .finally(() => loading.delete(assetId));
    loading.set(assetId, pending);
  }
  return pending;
}

/** Fetch the images of `tree` not fetched yet (one call per asset, ever). */
export async function loadImages(tree: IssueTree): Promise<void> {
  const missing = [...new Set(imageUses(tree).map((u) => u.assetId))].filter((id) => !urls.has(id));
  await Promise.all(missing.map(load));
}

/** toHtml options resolving images from what loadImages fetched. */
export const previewImages: HtmlOptions = { assetUrl: (assetId) => urls.get(assetId) ?? undefined };

/** The pixel size of an image that loadImages fetched (undefined: not fetched, missing or not read). */
export const imagePixels = (assetId: string): PixelSize | undefined => pixels.get(assetId);

/** How many pictures' pixel sizes are known (grows as loadImages fetches new ones). */
export const knownPixelSizes = (): number => pixels.size;
