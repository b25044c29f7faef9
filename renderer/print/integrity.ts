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

/** Compare source and laid-out text; the message shows where they first differ. */
export function compareText(source: string, laid: string, label: string): IntegrityProblem | null {
  if (source === laid) return null;
  let i = 0;
  while (i < source.length && i < laid.length && source[i] === laid[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 12), i + 24);
  const what = laid.length < source.length ? `text lost (${source.length - laid.length} characters missing)` : 'text differs';
  return {
    message: `layout of 「${label}」: ${what} at character ${i}: source “${around(source)}” vs laid out “${around(laid)}”`,
  };
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
