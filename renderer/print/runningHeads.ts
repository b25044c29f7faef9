/**
 * Handler 4: running heads and folios as literal strings, placed on each page after the pages are in
 * their final order (cached units are renumbered by offset, so numbers are never baked into a layout).
 * Even pages: the journal head at the left (outer) edge; odd pages: the section name at the right edge.
 * Folio `— 3 —` on the outer side. None on cover, inside cover and TOC pages.
 */

/** `— 3 —`: U+2014, half-width spaces, digits. */
export function folioText(page: number): string {
  return `\u2014 ${page} \u2014`;
}

export interface PageFurniture {
  /** Printed page number (1 = first TOC page). */
  number: number;
  /** Section name for odd pages. */
  sectionName: string;
  evenHead: string;
}

function furnitureEl(doc: Document, cls: string, text: string): HTMLElement {
  const el = doc.createElement('div');
  el.className = cls;
  el.textContent = text;
  // Page furniture, not content: out of the accessibility tree, so the tagged PDF marks it as an artifact.
  el.setAttribute('aria-hidden', 'true');
  return el;
}

/** Put the head and folio on one page element (replacing earlier ones). */
export function applyRunningHead(page: HTMLElement, f: PageFurniture): void {
  page.querySelectorAll(':scope .gz-head, :scope .gz-folio').forEach((el) => el.remove());
  const odd = f.number % 2 === 1;
  const side = odd ? 'gz-odd' : 'gz-even';
  const host = (page.querySelector('.pagedjs_sheet') as HTMLElement | null) ?? page;
  host.style.position = 'relative';
  host.appendChild(furnitureEl(page.ownerDocument, `gz-head ${side}`, odd ? f.sectionName : f.evenHead));
  host.appendChild(furnitureEl(page.ownerDocument, `gz-folio ${side}`, folioText(f.number)));
  page.dataset.folio = String(f.number);
}
