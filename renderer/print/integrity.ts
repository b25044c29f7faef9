/**
 * Handler 5: integrity after layout. Paged.js silently drops content after an element that cannot fit,
 * so the laid-out text must equal the source text; the page count must be sane; and a layout that does
 * not finish in time fails with a message naming the unit instead of hanging.
 */
import { REPEAT_CLASS } from './tableHeaders';

const IGNORED = `.${REPEAT_CLASS}, .gz-head, .gz-folio, .gz-toc-sidebar`;

/** Text of an element without repeated headers and page furniture, all whitespace removed. */
export function contentText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll(IGNORED).forEach((el) => el.remove());
  return (copy.textContent ?? '').replace(/[\s\u3000\u200b]+/g, '');
}

export interface IntegrityProblem {
  message: string;
}

/**
 * Compare source and laid-out text; the message says what differs, where they first differ, and (from
 * `where`, given the character index in the source) which document and block that is.
 */
export function compareText(source: string, laid: string, label: string, where?: (index: number) => string): IntegrityProblem | null {
  if (source === laid) return null;
  let i = 0;
  while (i < source.length && i < laid.length && source[i] === laid[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 12), i + 24);
  const what =
    laid.length < source.length
      ? `text lost (${source.length - laid.length} characters missing)`
      : laid.length > source.length
        ? `text repeated or added (${laid.length - source.length} characters extra)`
        : 'text differs';
  const place = where?.(i);
  return {
    message: `layout of 「${label}」: ${what} at character ${i}${place ? ` (${place})` : ''}: source “${around(source)}” vs laid out “${around(laid)}”`,
  };
}

/** Names of the blocks' kinds in the print HTML, for messages. */
function blockKind(block: Element): string {
  const cls = block.getAttribute('class') ?? '';
  if (block.tagName === 'HEADER') return 'title';
  if (/gz-tablewrap|gz-rot/.test(cls) || block.tagName === 'TABLE') return 'table';
  if (block.tagName === 'FIGURE') return 'image';
  if (block.tagName === 'H2') return 'heading';
  const named = /gz-(chronicle|check|date|signature|addressee|attlist|docno)\b/.exec(cls);
  return named ? named[1] : 'paragraph';
}

/**
 * The document and block that hold character `index` of `contentText(root)`: "document 「title」, block 7
 * (paragraph “为进一步…”), character 120 of it". Blocks are the children of the regions (print HTML).
 */
export function locateCharacter(root: Element, index: number): string {
  let offset = 0;
  const docs = Array.from(root.querySelectorAll('article[data-doc-id]'));
  const lastBlock = docs.length ? docs[docs.length - 1].querySelector('.gz-region:last-child > :last-child') : null;
  for (const doc of docs.length ? docs : [root]) {
    const blocks = Array.from(doc.querySelectorAll('.gz-region > *'));
    const title = contentText(doc.querySelector('.gz-title') ?? doc).slice(0, 30);
    for (let b = 0; b < blocks.length; b++) {
      const text = contentText(blocks[b]);
      // Text added after the end of the source is reported in the last block.
      if (index < offset + text.length || (blocks[b] === lastBlock && index === offset + text.length)) {
        return `document 「${title}」, block ${b + 1} of ${blocks.length} (${blockKind(blocks[b])} “${text.slice(0, 16)}…”, ${text.length} characters), character ${index - offset} of it`;
      }
      offset += text.length;
    }
  }
  return index >= offset ? 'after the last block' : '';
}

/** Same characters in any order (tables prepared for pagination may reorder text, never lose it). */
export function sameCharacters(source: string, prepared: string, label: string): IntegrityProblem | null {
  if (source === prepared) return null;
  const count = new Map<string, number>();
  for (const ch of source) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of prepared) count.set(ch, (count.get(ch) ?? 0) - 1);
  const off = [...count].filter(([, n]) => n !== 0).map(([ch, n]) => `${ch}${n > 0 ? '-' : '+'}${Math.abs(n)}`);
  if (off.length === 0) return null;
  return { message: `layout of 「${label}」: preparing tables changed the text (${off.slice(0, 10).join(' ')})` };
}

/** A unit's page count is sane when it is at least 1, no page is empty, and it is not absurdly large. */
export function checkPageCount(pages: HTMLElement[], sourceChars: number, label: string): IntegrityProblem | null {
  if (pages.length === 0) return { message: `layout of 「${label}」 produced no pages` };
  // Generous: forms and rotated tables hold few characters per page; this catches runaway layouts.
  const limit = Math.max(20, Math.ceil(sourceChars / 20));
  if (pages.length > limit) return { message: `layout of 「${label}」 produced ${pages.length} pages for ${sourceChars} characters` };
  const empty = pages.findIndex((p) => contentText(p.querySelector('.pagedjs_page_content') ?? p).length === 0 && !p.querySelector('img, .gz-rot-page'));
  if (empty >= 0 && sourceChars > 0) return { message: `layout of 「${label}」 left page ${empty + 1} of ${pages.length} empty` };
  return null;
}

/** Reject after `ms` with a message naming the unit. */
export function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`layout of 「${label}」 did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Overflow a rotated page may have before text counts as cut off (rounding of pt to px). */
const CLIP_TOLERANCE_PX = 2;

/**
 * Rotated table pages are fixed-size blocks that clip what does not fit (overflow: hidden): their text is
 * in the laid-out DOM but not on paper, so the text comparison cannot see it. A rotated page whose content
 * is taller or wider than the page is a problem, named by page and first text.
 */
export function checkRotatedClipping(pages: HTMLElement[], label: string): IntegrityProblem | null {
  for (let p = 0; p < pages.length; p++) {
    for (const inner of Array.from(pages[p].querySelectorAll('.gz-rot-inner')) as HTMLElement[]) {
      const over = Math.max(inner.scrollHeight - inner.clientHeight, inner.scrollWidth - inner.clientWidth);
      if (over <= CLIP_TOLERANCE_PX) continue;
      const text = contentText(inner).slice(0, 16);
      return { message: `layout of 「${label}」: rotated table on page ${p + 1} of ${pages.length} is ${Math.round((over * 72) / 96)} pt too large for its page, text would be cut off (table “${text}…”)` };
    }
  }
  return null;
}

/** How far outside its page a laid-out block may reach before it counts as off the page (rounding, bleed of rules). */
const OFF_PAGE_TOLERANCE_PX = 2;

/**
 * Chromium sets a block that fits no column (a spanning figure taller than the room left under a title) in extra
 * columns beside the page, and Paged.js 0.4.3 can leave it there: it is in the laid-out DOM, so the text
 * comparison passes, but it never prints. A picture or a text block lying wholly outside its page's box is a
 * problem, named by page and first text.
 */
export function checkOffPage(pages: HTMLElement[], label: string): IntegrityProblem | null {
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p].getBoundingClientRect();
    const content = pages[p].querySelector('.pagedjs_page_content');
    if (!content) continue;
    for (const el of Array.from(content.querySelectorAll('*'))) {
      if (!(el instanceof HTMLImageElement) && !hasOwnText(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const outside =
        box.left >= page.right + OFF_PAGE_TOLERANCE_PX || box.right <= page.left - OFF_PAGE_TOLERANCE_PX ||
        box.top >= page.bottom + OFF_PAGE_TOLERANCE_PX || box.bottom <= page.top - OFF_PAGE_TOLERANCE_PX;
      if (!outside) continue;
      const what = el instanceof HTMLImageElement ? 'a picture' : `“${contentText(el).slice(0, 16)}…”`;
      return { message: `layout of 「${label}」: ${what} on page ${p + 1} of ${pages.length} was laid out outside the page and would not print` };
    }
  }
  return null;
}

function hasOwnText(el: Element): boolean {
  for (const node of Array.from(el.childNodes)) if (node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? '')) return true;
  return false;
}

/** How far a cell's text may reach outside the cell (rounding, a squeezed mark's overhang into the padding). */
const CELL_TOLERANCE_PX = 2;

/**
 * Text that sticks out of its table cell (a word or a no-break run wider than a narrow fixed column) prints
 * over the next cell or off the page: the text comparison cannot see it. Any cell whose text reaches outside
 * its box is a problem, named by page and the cell's first text. (Box comparisons hold in rotated tables too:
 * both boxes turn alike.)
 */
export function checkCellOverflow(pages: HTMLElement[], label: string): IntegrityProblem | null {
  const range = document.createRange();
  for (let p = 0; p < pages.length; p++) {
    for (const cell of Array.from(pages[p].querySelectorAll('.pagedjs_page_content td, .pagedjs_page_content th'))) {
      if (!hasText(cell)) continue;
      range.selectNodeContents(cell);
      const text = range.getBoundingClientRect();
      if (text.width === 0 && text.height === 0) continue;
      const box = cell.getBoundingClientRect();
      const over = Math.max(box.left - text.left, text.right - box.right, box.top - text.top, text.bottom - box.bottom);
      if (over <= CELL_TOLERANCE_PX) continue;
      return {
        message: `layout of 「${label}」: text of a table cell on page ${p + 1} of ${pages.length} sticks ${Math.round((over * 72) / 96)} pt out of its cell and would print over its neighbour (cell “${contentText(cell).slice(0, 16)}…”)`,
      };
    }
  }
  return null;
}

function hasText(el: Element): boolean {
  return /\S/.test(el.textContent ?? '');
}
