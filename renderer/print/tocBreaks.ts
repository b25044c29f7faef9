/**
 * TOC titles wrap between words (format doc §7; issue #13: 城市体检工/作, 首套印/章). Break opportunities at
 * word boundaries in the HTML (<wbr> with keep-all) let a title grow a line and push the last entry off
 * its page, so the titles are laid out as usual and then corrected in place: where a line ends inside a
 * word (Intl.Segmenter), that word is kept whole on the next line, but only when the title keeps its
 * number of lines. The TOC's height never changes, so neither do its pages.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/** Offsets in `text` where a new line starts, from the characters' positions. */
function lineStarts(node: Text): number[] {
  const range = document.createRange();
  const starts: number[] = [];
  let lastTop = -Infinity;
  for (let i = 0; i < node.data.length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    if (rect.top > lastTop + rect.height / 2) {
      if (i > 0) starts.push(i);
      lastTop = rect.top;
    }
  }
  return starts;
}

/** The word of `text` that a line break at `at` cuts, as [start, end), or null if `at` is between words. */
export function wordAcross(text: string, at: number): [number, number] | null {
  if (!HAN.test(text[at - 1] ?? '') || !HAN.test(text[at] ?? '')) return null;
  for (const s of segmenter.segment(text)) {
    const end = s.index + s.segment.length;
    if (s.index < at && at < end) return [s.index, end];
  }
  return null;
}

/**
 * Keep the words of a title whole at its line ends, where that costs no line: the word cut by the first
 * such break moves to the next line whole (a no-break span), then the text after it is looked at again.
 * Works on the title's last text node. Returns the words moved.
 */
function keepWordsWhole(title: HTMLElement): number {
  const last = title.lastChild;
  if (!last || last.nodeType !== Node.TEXT_NODE) return 0;
  const text = last as Text;
  const height = title.getBoundingClientRect().height;
  const cut = lineStarts(text)
    .map((at) => wordAcross(text.data, at))
    .find((w): w is [number, number] => w !== null && w[0] > 0);
  if (!cut) return 0;
  const word = document.createElement('span');
  word.className = 'gz-nobr';
  const inside = text.splitText(cut[0]);
  inside.splitText(cut[1] - cut[0]);
  inside.replaceWith(word);
  word.appendChild(inside);
  if (Math.abs(title.getBoundingClientRect().height - height) > 0.5) {
    word.replaceWith(inside);
    title.normalize();
    return 0;
  }
  return 1 + keepWordsWhole(title);
}

/** Mend every TOC title in the laid-out TOC pages. Returns how many words were moved to the next line. */
export function mendTocTitleBreaks(toc: ParentNode): number {
  let moved = 0;
  for (const title of Array.from(toc.querySelectorAll('.gz-toc-title, .gz-toc-oneline .gz-toc-text')) as HTMLElement[]) {
    // Titles are plain text (escaped in common/render/toHtmlFront.ts); anything else is left as it is.
    if (title.childNodes.length === 1 && title.firstChild?.nodeType === Node.TEXT_NODE) moved += keepWordsWhole(title);
  }
  return moved;
}
