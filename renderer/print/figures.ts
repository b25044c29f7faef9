/**
 * Pictures (`figure.gz-figure`, set across both columns) placed as a typesetter places them: a picture is
 * never cut, never split and never printed beside the page.
 *
 * - Before pagination (`loadFigureImages`, then the unit stage `fit-figures`): every picture gets its
 *   printed size in pt from its pixels and the width the editor chose: never wider than the type area,
 *   and one taller than a page's type area allows is scaled down, aspect ratio kept, to fit it whole. The
 *   figure notes the scale (`data-gz-scaled`); the export and the 检查 panel warn of it from the same
 *   sizing (common/render/figureSize.ts). With the size fixed before layout, the blocks measured before
 *   pagination (grid snap, table splitting) and Paged.js see the picture as it will print, before the
 *   image has even decoded in the page.
 * - During pagination, a picture that does not fit in the room left on the page goes whole to the next
 *   page (spanningBreaks.ts).
 */
import { figureSize, SCALED_BELOW } from '../../common/render/figureSize';

export { FIGURE_MAX_HEIGHT_PT, FIGURE_MAX_WIDTH_PT, figureSize, type FigureSize } from '../../common/render/figureSize';
const FIGURE_IMAGES = '.gz-figure img';

/** Wait until every picture of the content has decoded (its pixel size is known); broken ones are skipped. */
export async function loadFigureImages(content: ParentNode, timeoutMs = 15_000): Promise<void> {
  const images = Array.from(content.querySelectorAll<HTMLImageElement>(FIGURE_IMAGES));
  await Promise.all(
    images.map((img) =>
      Promise.race([img.decode().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]),
    ),
  );
}

/** Give every decoded picture of the content its printed size; returns how many were scaled down. */
export function fitFigures(content: ParentNode): number {
  let scaled = 0;
  for (const img of Array.from(content.querySelectorAll<HTMLImageElement>(FIGURE_IMAGES))) {
    if (!img.naturalWidth || !img.naturalHeight) continue; // not decoded: the CSS limits apply
    const asked = img.style.width.endsWith('pt') ? parseFloat(img.style.width) : undefined;
    const size = figureSize({ width: img.naturalWidth, height: img.naturalHeight }, asked);
    img.style.width = `${size.widthPt.toFixed(2)}pt`;
    img.style.height = `${size.heightPt.toFixed(2)}pt`;
    const figure = img.closest('.gz-figure') as HTMLElement;
    if (size.scale < SCALED_BELOW) {
      // Noted on the figure: the whole picture prints, smaller than asked (never cropped).
      figure.dataset.gzScaled = size.scale.toFixed(3);
      scaled++;
    }
  }
  return scaled;
}
