/**
 * Column mode per page. A document is cut into regions (main text, each attachment), every one starting
 * on a new page; regions with tables or forms are full width, the others two columns. Before Paged.js lays
 * out a page we look at the region its first node belongs to and switch the page's columns. Tall tables
 * therefore never have to break as column-spanning blocks, which Paged.js cannot fragment.
 */
import { Handler } from 'pagedjs';

/** The region ('cols' | 'full') a source node belongs to; the unit's first region when at its start. */
export function regionModeOf(node: Node | null | undefined, content: ParentNode): 'cols' | 'full' {
  const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
  const region = el?.closest('[data-region]') ?? el?.querySelector('[data-region]') ?? content.querySelector('[data-region]');
  return region?.getAttribute('data-region') === 'full' ? 'full' : 'cols';
}

export class RegionColumns extends Handler {

  beforePageLayout(page: { element: HTMLElement }, content: ParentNode, breakToken?: { node?: Node }): void {
    const mode = regionModeOf(breakToken?.node ?? content.firstChild, content);
    page.element.classList.toggle('gz-page-full', mode === 'full');
  }
}
