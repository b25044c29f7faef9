/**
 * The off-screen box in which print steps measure blocks before Paged.js lays them out: in the page (so the
 * journal CSS applies), out of sight, at a given width (the type area, a text column, a rotated page). The
 * caller removes it when done.
 */
export function measureBox(widthPt: number, className = ''): HTMLDivElement {
  const box = document.createElement('div');
  if (className) box.className = className;
  box.style.cssText = `position:absolute;left:-10000px;top:0;visibility:hidden;width:${widthPt}pt;`;
  document.body.appendChild(box);
  return box;
}

/** Run `measure` with `el` moved into `box` (laid out there), then put `el` back where it was. */
export function measuredIn<T>(box: HTMLElement, el: Element, measure: () => T): T {
  const marker = document.createComment('measured');
  el.replaceWith(marker);
  box.appendChild(el);
  try {
    return measure();
  } finally {
    marker.replaceWith(el);
  }
}
