/**
 * Baseline grid (format doc §2): column text after a spanning block (a title block, a table or figure set
 * across both columns) resumes on the next grid line. Before pagination, each spanning block of a
 * two-column region is measured and given the space below it that makes its height a whole number of
 * 17.5 pt grid lines, so every line of column text below it stays on the grid and the two columns stay in
 * register. Blocks are measured at the type width with the journal CSS (as splitTables.ts does).
 */
import { measureBox } from './measureBox';

export const GRID_PT = 17.5;
const PX_PER_PT = 96 / 72;
const TYPE_WIDTH_PT = 420;

/** Spanning blocks whose height is rounded up to whole grid lines. */
const SPANNING = ':scope .gz-region--cols > .gz-titleblock, :scope .gz-region--cols > .gz-tablewrap:not(.gz-tablewrap--leader-list), :scope .gz-region--cols > .gz-figure';

/** Space (pt) to add below a block of `heightPt` (margins included) so that it takes whole grid lines. */
export function gridRemainder(heightPt: number, grid = GRID_PT): number {
  const lines = Math.ceil(heightPt / grid - 0.01);
  return Math.max(0, lines * grid - heightPt);
}

/** Round every spanning block of the unit's content (a fragment) up to whole grid lines. */
export function snapSpanningBlocks(content: ParentNode): number {
  const regions = Array.from(content.querySelectorAll('.gz-region--cols')) as HTMLElement[];
  if (regions.length === 0) return 0;
  const box = measureBox(TYPE_WIDTH_PT, 'gz-measure');
  let snapped = 0;
  try {
    for (const region of regions) {
      if (!region.querySelector(SPANNING.replace(/:scope \.gz-region--cols > /g, ':scope > '))) continue;
      const marker = document.createComment('region');
      region.replaceWith(marker);
      box.appendChild(region);
      for (const block of Array.from(region.querySelectorAll(SPANNING.replace(/:scope \.gz-region--cols > /g, ':scope > '))) as HTMLElement[]) {
        const style = getComputedStyle(block);
        const heightPt = (block.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom)) / PX_PER_PT;
        const extra = gridRemainder(heightPt);
        if (extra > 0.05) {
          block.style.marginBottom = `${(parseFloat(style.marginBottom) / PX_PER_PT + extra).toFixed(3)}pt`;
          snapped++;
        }
      }
      marker.replaceWith(region);
    }
  } finally {
    box.remove();
  }
  return snapped;
}
