/**
 * Half-width punctuation in Chinese text (GB/T 15834; format doc §4): the obvious cases, which the
 * importer normalises (with a warning) and 公文检查 offers to fix across an issue. Pure.
 *
 * Obvious = the mark sits between two CJK characters (Han or full-width punctuation): 问题导向,各部门 ->
 * 问题导向，各部门 (also with spaces typed after a comma or semicolon: 数据, 含 -> 数据，含); 打击重点:依法 -> 打击重点：依法; 格尔木农垦(集团)有限公司 -> 格尔木农垦（集团）有限公司.
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
  return [...markEdits(text)].filter(([, to]) => to !== '').map(([i]) => i).sort((a, b) => a - b);
}

const SPACE = /[ \t\u00a0]/;

/**
 * What to change in `text`, by offset: a half-width mark -> its full-width form, and the spaces typed after
 * a comma or semicolon made full-width ("数据, 含" -> "数据，含": the full-width mark has its own space).
 */
function markEdits(text: string): Map<number, string> {
  const out = new Map<number, string>();
  // Parenthesis pairs (not nested) around text with a Han character, touching CJK on either side.
  const pair = /\(([^()]*)\)/g;
  for (let m = pair.exec(text); m; m = pair.exec(text)) {
    const open = m.index;
    const close = m.index + m[0].length - 1;
    const inner = m[1];
    if (!HAS_HAN.test(inner)) continue;
    const touches = isCjk(text[open - 1]) || isCjk(text[close + 1]) || (isCjk(inner[0]) && isCjk(inner[inner.length - 1]));
    if (touches) {
      out.set(open, FULL['(']);
      out.set(close, FULL[')']);
    }
  }
  // Then , ; : ? ! between CJK characters, counting the parentheses just made full-width (…时限）,进行).
  const cjkAt = (i: number) => out.has(i) || isCjk(text[i]);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!',;:?!'.includes(ch) || !cjkAt(i - 1)) continue;
    if (cjkAt(i + 1) || (i + 1 === text.length && '?!'.includes(ch))) {
      out.set(i, FULL[ch]);
      continue;
    }
    // A comma or semicolon, spaces typed after it, then Chinese or a number: 数据, 含 / 百分点; 2025年.
    // (A colon before spaces stays: 填报单位: 盖章 may be a form's blank to fill in.)
    if (!',;'.includes(ch)) continue;
    let j = i + 1;
    while (j < text.length && SPACE.test(text[j])) j++;
    if (j === i + 1 || j === text.length || !(cjkAt(j) || /\d/.test(text[j]))) continue;
    out.set(i, FULL[ch]);
    for (let k = i + 1; k < j; k++) out.set(k, '');
  }
  return out;
}

/** Each code unit of `text` as it becomes (a mark made full-width, a dropped space ''), and how many marks changed. */
function editedUnits(text: string): { units: string[]; changed: number } {
  const edits = markEdits(text);
  const units = text.split('');
  let changed = 0;
  for (const [i, to] of edits) {
    units[i] = to;
    if (to) changed++;
  }
  return { units, changed };
}

/** `text` with the obvious half-width marks made full-width, and how many were changed. */
export function normalizeHalfWidthPunctuation(text: string): { text: string; changed: number } {
  const { units, changed } = editedUnits(text);
  return changed ? { text: units.join(''), changed } : { text, changed };
}

/** The leaves of one paragraph, normalised as one text (a mark at a run boundary sees both neighbours). */
export function normalizeLeaves(leaves: TextLeaf[]): { leaves: TextLeaf[]; changed: number } {
  const { units, changed } = editedUnits(leaves.map((l) => l.text).join(''));
  if (changed === 0) return { leaves, changed };
  let at = 0;
  const out = leaves.map((leaf) => {
    const next = { ...leaf, text: units.slice(at, at + leaf.text.length).join('') };
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

/**
 * Normalise a whole document's content; `changed` counts the marks made full-width, `firstChanged` is the index
 * of the first block changed (-1 when none).
 */
export function normalizeContentPunctuation(content: DocumentContent): { content: DocumentContent; changed: number; firstChanged: number } {
  let changed = 0;
  let firstChanged = -1;
  const blocks = content.blocks.map((b, i) => {
    const r = normalizeBlockPunctuation(b);
    if (r.changed && firstChanged < 0) firstChanged = i;
    changed += r.changed;
    return r.block;
  });
  return { content: changed ? { ...content, blocks } : content, changed, firstChanged };
}

/** Text of a block's leaves, for quoting it in a warning (the import report locates a warning by its quote). */
function quote(block: BlockElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (typeof node.text === 'string') parts.push(node.text);
    if (Array.isArray(node.children)) for (const c of node.children) if (c && typeof c === 'object') walk(c as Node);
  };
  walk(block as unknown as Node);
  const text = parts.join('').trim();
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

/**
 * The importer's step: normalise a document's content and say so in one warning (the text is changed, not
 * lost: only the width of the marks).
 */
export function normalizeImportedPunctuation(content: DocumentContent, warnings: ImportWarning[], label = ''): DocumentContent {
  const { content: out, changed, firstChanged } = normalizeContentPunctuation(content);
  if (changed > 0) {
    // Quoting the first block changed lets the report's 定位 put the caret on the first such place.
    const text = quote(out.blocks[firstChanged]);
    warnings.push({
      code: 'halfwidth-punctuation',
      message: `中文文字中的 ${changed} 处半角标点（, ; : ( ) 等）已改为全角${label ? `：${label}` : ''}`,
      ...(text ? { text } : {}),
    });
  }
  return out;
}
