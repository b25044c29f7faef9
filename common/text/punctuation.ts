/**
 * Half-width punctuation in Chinese text (GB/T 15834; format doc §4): the obvious cases, which the
 * importer normalises (with a warning) and 公文检查 offers to fix across an issue. Pure.
 *
 * Obvious = the mark sits between two CJK characters (Han or full-width punctuation): 问题导向,各部门 ->
 * 问题导向，各部门; 打击重点:依法 -> 打击重点：依法; 格尔木农垦(集团)有限公司 -> 格尔木农垦（集团）有限公司.
 * A parenthesis pair is converted as a pair when its text holds a Han character and one of its marks
 * touches CJK outside (8月9日) or inside the pair. Numbers and Latin text keep their marks (1,000 10:30 (1)).
 */
import type { BlockElement, DocumentContent, ImportWarning, TextLeaf } from '../model';

const HAN = '\\p{Script=Han}';
const CJK_CHAR = new RegExp(`[${HAN}\\u3000-\\u303f\\uff01-\\uff60“”‘’…—]`, 'u');
const isCjk = (ch: string | undefined) => !!ch && CJK_CHAR.test(ch);
const HAS_HAN = new RegExp(HAN, 'u');

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

/** Offsets of half-width marks to make full-width in `text` (one code unit each). */
export function halfWidthPositions(text: string): number[] {
  const out = new Set<number>();
  // Parenthesis pairs (not nested) around text with a Han character, touching CJK on either side.
  const pair = /\(([^()]*)\)/g;
  for (let m = pair.exec(text); m; m = pair.exec(text)) {
    const open = m.index;
    const close = m.index + m[0].length - 1;
    const inner = m[1];
    if (!HAS_HAN.test(inner)) continue;
    const touches = isCjk(text[open - 1]) || isCjk(text[close + 1]) || (isCjk(inner[0]) && isCjk(inner[inner.length - 1]));
    if (touches) {
      out.add(open);
      out.add(close);
    }
  }
  // Then , ; : ? ! between CJK characters, counting the parentheses just made full-width (…时限）,进行).
  const cjkAt = (i: number) => out.has(i) || isCjk(text[i]);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (',;:?!'.includes(ch) && cjkAt(i - 1) && (cjkAt(i + 1) || (i + 1 === text.length && '?!'.includes(ch)))) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** `text` with the obvious half-width marks made full-width, and how many were changed. */
export function normalizeHalfWidthPunctuation(text: string): { text: string; changed: number } {
  const positions = halfWidthPositions(text);
  if (positions.length === 0) return { text, changed: 0 };
  const chars = text.split('');
  for (const i of positions) chars[i] = FULL[chars[i]] ?? chars[i];
  return { text: chars.join(''), changed: positions.length };
}

/** The leaves of one paragraph, normalised as one text (a mark at a run boundary sees both neighbours). */
export function normalizeLeaves(leaves: TextLeaf[]): { leaves: TextLeaf[]; changed: number } {
  const joined = leaves.map((l) => l.text).join('');
  const { text, changed } = normalizeHalfWidthPunctuation(joined);
  if (changed === 0) return { leaves, changed };
  let at = 0;
  const out = leaves.map((leaf) => {
    const next = { ...leaf, text: text.slice(at, at + leaf.text.length) };
    at += leaf.text.length;
    return next;
  });
  return { leaves: out, changed };
}

type Node = { children?: unknown[]; text?: unknown };

/** Normalise every run of text in a block (paragraphs, headings, table cells, attachment items). */
export function normalizeBlockPunctuation<T extends BlockElement>(block: T): { block: T; changed: number } {
  let changed = 0;
  const walk = (node: Node): Node => {
    const children = node.children;
    if (!Array.isArray(children) || children.length === 0) return node;
    if (children.every((c) => typeof (c as Node).text === 'string')) {
      const result = normalizeLeaves(children as TextLeaf[]);
      changed += result.changed;
      return result.changed ? { ...node, children: result.leaves } : node;
    }
    const next = children.map((c) => (c && typeof c === 'object' ? walk(c as Node) : c));
    return next.some((c, i) => c !== children[i]) ? { ...node, children: next } : node;
  };
  const out = walk(block as unknown as Node) as unknown as T;
  return { block: out, changed };
}

/** Normalise a whole document's content; `changed` counts the marks made full-width. */
export function normalizeContentPunctuation(content: DocumentContent): { content: DocumentContent; changed: number } {
  let changed = 0;
  const blocks = content.blocks.map((b) => {
    const r = normalizeBlockPunctuation(b);
    changed += r.changed;
    return r.block;
  });
  return { content: changed ? { ...content, blocks } : content, changed };
}

/**
 * The importer's step: normalise a document's content and say so in one warning (the text is changed, not
 * lost: only the width of the marks).
 */
export function normalizeImportedPunctuation(content: DocumentContent, warnings: ImportWarning[], label = ''): DocumentContent {
  const { content: out, changed } = normalizeContentPunctuation(content);
  if (changed > 0) {
    warnings.push({
      code: 'halfwidth-punctuation',
      message: `中文文字中的 ${changed} 处半角标点（, ; : ( ) 等）已改为全角${label ? `：${label}` : ''}`,
    });
  }
  return out;
}
