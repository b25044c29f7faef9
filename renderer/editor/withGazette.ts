/**
 * The editor plugin that ties Slate to the model: void elements, normalisation through common/model
 * (so what autosave writes is always valid), heading renumbering after structural edits, and paste.
 */
import { Editor, Element, Node, Path, Range, Text, Transforms, type Descendant, type Operation, type Point } from 'slate';
import { HistoryEditor } from 'slate-history';
import { normalizeBlock, type BlockElement, type TextLeaf } from '../../common/model';
import { renumberHeadings, splitHeadingNumber } from '../../common/editor/numbering';
import { VOID_ELEMENT_TYPES } from './elements';
import { pastedBlocks } from './paste';
import type { GazetteEditor } from './types';

const STRUCTURAL: ReadonlySet<Operation['type']> = new Set(['insert_node', 'remove_node', 'move_node', 'split_node', 'merge_node', 'set_node']);

/**
 * Deep equality that ignores key order: Slate's split_node builds `{ children, type }`, the model builds
 * `{ type, children }`. Comparing JSON strings called every split cell paragraph or attachment item
 * "changed", so the whole table or list was replaced and the caret thrown to its start.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** 附件说明 items numbered 1. 2. … (a single attachment is unnumbered), as an item split or removal leaves them. */
function renumberAttachmentItems(editor: GazetteEditor): boolean {
  let changed = false;
  (editor.children as BlockElement[]).forEach((block, i) => {
    if (block.type !== 'attachment-list') return;
    const items = block.children;
    items.forEach((item, j) => {
      const want = items.length === 1 ? '' : `${j + 1}.`;
      if (item.number === want) return;
      HistoryEditor.withMerging(editor, () => Transforms.setNodes(editor, { number: want } as never, { at: [i, j] }));
      changed = true;
    });
  });
  return changed;
}

/** Rewrite heading numbers that renumbering changed; merged into the user's undo step. */
export function applyRenumbering(editor: GazetteEditor): boolean {
  const attachmentsChanged = renumberAttachmentItems(editor);
  const blocks = editor.children as BlockElement[];
  const renumbered = renumberHeadings(blocks);
  if (renumbered === blocks) return attachmentsChanged;
  HistoryEditor.withMerging(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      renumbered.forEach((block, i) => {
        const old = blocks[i];
        if (block === old || block.type !== 'heading' || old.type !== 'heading') return;
        const oldPrefix = splitHeadingNumber(old.children[0]?.text ?? '').prefix;
        const newPrefix = splitHeadingNumber(block.children[0]?.text ?? '').prefix;
        const at = { path: [i, 0], offset: 0 };
        if (oldPrefix) Transforms.delete(editor, { at: { anchor: at, focus: { path: [i, 0], offset: oldPrefix.length } } });
        if (newPrefix) Transforms.insertText(editor, newPrefix, { at });
      });
    });
  });
  return true;
}

function pointStillThere(editor: GazetteEditor, point: Point): boolean {
  if (!Node.has(editor, point.path)) return false;
  const node = Node.get(editor, point.path);
  return Text.isText(node) && point.offset <= node.text.length;
}

/** How many characters of block `index` come before `point` (a caret survives its block being rebuilt). */
export function charsBefore(block: Node, index: number, point: Point): number {
  let n = 0;
  for (const [leaf, path] of Node.texts(block)) {
    const at = [index, ...path];
    if (Path.equals(at, point.path)) return n + point.offset;
    if (Path.isAfter(at, point.path)) break;
    n += leaf.text.length;
  }
  return n;
}

/** The point `chars` characters into block `index`, or null when the block is shorter. */
export function pointAtChars(editor: GazetteEditor, index: number, chars: number): Point | null {
  let n = 0;
  for (const [leaf, path] of Node.texts(editor.children[index])) {
    if (chars <= n + leaf.text.length) return { path: [index, ...path], offset: chars - n };
    n += leaf.text.length;
  }
  return null;
}

/** A block made of text leaves only (a paragraph, a heading, a 署名 …; not a table or a list). */
function isTextBlock(block: BlockElement): boolean {
  return block.children.every((c) => Text.isText(c));
}

/**
 * Several blocks pasted at a collapsed caret go in as Word puts them: the paragraph is split at the caret
 * (the text before it, the pasted blocks, the text after it); at a paragraph's start they go before it, at
 * its end after it, and an empty paragraph gives its place to them. In a table cell, pasted lines become
 * the cell's paragraphs at the caret. A title is never split, and a pasted table never goes inside a
 * cell: the blocks go after the current block then.
 */
export function pasteBlocksAtCaret(editor: GazetteEditor, blocks: BlockElement[]): void {
  const caret = editor.selection?.anchor;
  if (!caret || caret.path.length < 2) {
    Transforms.insertNodes(editor, blocks as Descendant[]);
    return;
  }
  const textPath = Path.parent(caret.path);
  const textBlock = Node.get(editor, textPath) as BlockElement;
  const inCell = textPath.length > 1;
  const lines = blocks.every(isTextBlock);
  const splittable = Element.isElement(textBlock) && textBlock.type !== 'doc-title' && (inCell ? lines && textBlock.type === 'paragraph' : textPath.length === 1);
  const pasted = (inCell ? blocks.map((b) => ({ type: 'paragraph', children: b.children.map((leaf) => ({ ...(leaf as TextLeaf) })) })) : blocks) as Descendant[];
  Editor.withoutNormalizing(editor, () => {
    let at: Path;
    if (!splittable) at = [caret.path[0] + 1];
    else if (Node.string(textBlock) === '' && textBlock.type === 'paragraph') {
      Transforms.removeNodes(editor, { at: textPath });
      at = textPath;
    } else if (Editor.isStart(editor, caret, textPath)) at = textPath;
    else if (Editor.isEnd(editor, caret, textPath)) at = Path.next(textPath);
    else {
      Transforms.splitNodes(editor, { at: caret, always: true });
      at = Path.next(textPath);
    }
    Transforms.insertNodes(editor, (splittable ? pasted : blocks) as Descendant[], { at, select: true });
  });
  Transforms.collapse(editor, { edge: 'end' });
}

export function withGazette(editor: GazetteEditor): GazetteEditor {
  const { isVoid, normalizeNode, insertData, apply, onChange } = editor;

  editor.isVoid = (element) => VOID_ELEMENT_TYPES.has(element.type) || isVoid(element);

  // Top-level blocks go through the model's normalisation: unknown types and stray shapes become valid blocks.
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (path.length === 0 && editor.children.length === 0) {
      Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0] });
      return;
    }
    if (path.length === 1 && Element.isElement(node)) {
      const normalized = normalizeBlock(node);
      if (!sameValue(normalized, node)) {
        const { children: _a, ...props } = normalized as BlockElement & Record<string, unknown>;
        const { children: _b, ...oldProps } = node as unknown as Record<string, unknown>;
        if (sameValue(normalized.children, node.children)) {
          const unset = Object.keys(oldProps).filter((k) => !(k in props));
          if (unset.length) Transforms.unsetNodes(editor, unset, { at: path });
          Transforms.setNodes(editor, props as never, { at: path });
        } else {
          const old = editor.selection && editor.selection.anchor.path[0] === path[0] ? editor.selection.anchor : null;
          const caret = old && charsBefore(node, path[0], old);
          Editor.withoutNormalizing(editor, () => {
            Transforms.removeNodes(editor, { at: path });
            Transforms.insertNodes(editor, normalized as Descendant, { at: path });
          });
          // Keep the caret after the same characters (merged leaves renumber the paths), else the block's start.
          if (old && caret !== null) {
            const same = pointStillThere(editor, old) && charsBefore(editor.children[path[0]], path[0], old) === caret;
            Transforms.select(editor, same ? old : (pointAtChars(editor, path[0], caret) ?? Editor.start(editor, path)));
          }
        }
        return;
      }
    }
    normalizeNode(entry, options);
  };

  let structuralChange = false;
  editor.apply = (op) => {
    if (STRUCTURAL.has(op.type)) structuralChange = true;
    apply(op);
  };
  editor.onChange = (options) => {
    if (structuralChange) {
      structuralChange = false;
      // Renumber now and report this change with it: Slate clears editor.operations after this call, the
      // renumbering's too, so its own onChange came with none and the change was never saved (a heading
      // moved a level by Tab stayed unsaved until the next keystroke).
      applyRenumbering(editor);
    }
    onChange(options);
  };

  editor.insertData = (data) => {
    const blocks = pastedBlocks(data);
    if (!blocks) return insertData(data);
    // Like Word, a paste replaces the selected text (it was kept, and the blocks went in after it).
    if (editor.selection && Range.isExpanded(editor.selection)) Editor.deleteFragment(editor);
    // One line (Word's clipboard makes even a copied word a <p>, which the importer may read as a 标题) goes in
    // at the caret with its marks, never as a block of its own.
    const [only] = blocks;
    if (blocks.length === 1 && only.children.every((c) => Text.isText(c))) {
      Transforms.insertNodes(editor, only.children.map((leaf) => ({ ...leaf })), { select: true });
      return;
    }
    pasteBlocksAtCaret(editor, blocks);
  };

  return editor;
}
