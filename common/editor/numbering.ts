/**
 * Literal heading numbering (一、 （一） 1. （1）): the editor renumbers after every structural change so the
 * text on disk always reads right. Pure; numbering is text in the first leaf, never generated at print time.
 */
import type { BlockElement, HeadingElement, HeadingLevel, TextLeaf } from '../model';
import { chineseNumeral, CN_NUMERAL as CN } from '../text/chineseNumerals';

/** The literal prefix of a heading at `level` numbered `n`. */
export function headingPrefix(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** Any of the four number forms, full- or half-width, at the start of a heading. */
const PREFIX = new RegExp(`^(?:${CN}[、，,.．]|[（(]${CN}[）)]|\\d+[.．、](?!\\d)|[（(]\\d+[）)])\\s*`);
/** Headings that carry their own article/chapter number are left alone. */
const ARTICLE = new RegExp(`^第${CN}[章节条部分]`);

/** Split a heading's text into its number prefix (possibly '') and the rest. */
export function splitHeadingNumber(text: string): { prefix: string; rest: string } {
  const m = PREFIX.exec(text);
  return m ? { prefix: m[0], rest: text.slice(m[0].length) } : { prefix: '', rest: text };
}

/**
 * Whether a caret after `textBefore` in a heading reading `text` stands at the start of its words: at the
 * line's start or just after its number (Word's number is not text, so both are the same place there).
 */
export function atHeadingStart(text: string, textBefore: string): boolean {
  return textBefore === '' || textBefore === splitHeadingNumber(text).prefix;
}

function replacePrefix(children: TextLeaf[], prefix: string): TextLeaf[] {
  const first = children[0] ?? { text: '' };
  const { rest } = splitHeadingNumber(first.text);
  const text = prefix + rest;
  if (text === first.text) return children;
  return [{ ...first, text }, ...children.slice(1)];
}

/**
 * Renumber every heading: counters reset at each title or attachment heading (an attachment or an
 * issued 方案 starts its own numbering) and below each higher-level heading. Returns the same array when
 * nothing changed, so callers can skip work.
 */
export function renumberHeadings(blocks: BlockElement[]): BlockElement[] {
  const counters = [0, 0, 0, 0, 0];
  let changed = false;
  const out = blocks.map((block) => {
    if (block.type === 'doc-title' || block.type === 'attachment-heading') {
      counters.fill(0);
      return block;
    }
    if (block.type !== 'heading') return block;
    const text = block.children.map((c) => c.text).join('');
    if (ARTICLE.test(text)) return block;
    counters[block.level] += 1;
    for (let deeper = block.level + 1; deeper <= 4; deeper++) counters[deeper] = 0;
    const children = replacePrefix(block.children, headingPrefix(block.level, counters[block.level]));
    if (children === block.children) return block;
    changed = true;
    const renumbered: HeadingElement = { ...block, children };
    return renumbered;
  });
  return changed ? out : blocks;
}
