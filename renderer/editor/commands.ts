/** Editor commands shared by the toolbar, shortcuts and plugins. */
import { Editor, Element, Node, Path, Range, Text, Transforms, type NodeEntry } from 'slate';
import { attachmentItemName } from '../../common/editor/paragraphFlow';
import type { AnyElement, BlockElement, HeadingLevel, TableElement, TextLeaf } from '../../common/model';
import type { GazetteEditor } from './types';

export type MarkKey = 'bold' | 'underline' | 'superscript' | 'leadIn';

/** The top-level block holding the selection. */
export function currentBlock(editor: GazetteEditor): NodeEntry<BlockElement> | undefined {
  if (!editor.selection) return undefined;
  const index = editor.selection.anchor.path[0];
  const node = editor.children[index] as BlockElement | undefined;
  return node ? [node, [index]] : undefined;
}

/** The innermost text block holding the selection (a paragraph in a cell, an attachment item …). */
export function currentTextBlock(editor: GazetteEditor): NodeEntry<AnyElement> | undefined {
  const entry = Editor.above(editor, { match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) && n.children.every((c) => !Element.isElement(c)) });
  return entry as NodeEntry<AnyElement> | undefined;
}

export function isMarkActive(editor: GazetteEditor, key: MarkKey | 'face', value: unknown = true): boolean {
  const marks = Editor.marks(editor) as TextLeaf | null;
  return !!marks && marks[key] === value;
}

export function toggleMark(editor: GazetteEditor, key: MarkKey): void {
  if (isMarkActive(editor, key)) Editor.removeMark(editor, key);
  else Editor.addMark(editor, key, true);
}

export function toggleFace(editor: GazetteEditor, face: 'kai' | 'hei'): void {
  if (isMarkActive(editor, 'face', face)) Editor.removeMark(editor, 'face');
  else Editor.addMark(editor, 'face', face);
}

type TextBlockType = 'paragraph' | 'doc-title' | 'doc-number' | 'addressee' | 'heading' | 'attachment-heading' | 'signature' | 'date-line' | 'chronicle-entry' | 'checkbox';

/** A 附件说明 in the selection becomes one block per item (of `type`), keeping the selection on them. */
function unwrapAttachmentLists(editor: GazetteEditor, type: TextBlockType): void {
  if (!editor.selection) return;
  const [start, end] = Range.edges(editor.selection);
  let last = end.path[0];
  let unwrapped = false;
  for (let i = last; i >= start.path[0]; i--) {
    const block = editor.children[i] as BlockElement;
    if (block?.type !== 'attachment-list') continue;
    const items = block.children.map((item) => ({ type, children: item.children.map((c) => ({ ...c })) }));
    Transforms.removeNodes(editor, { at: [i] });
    Transforms.insertNodes(editor, items as never, { at: [i] });
    last += items.length - 1;
    unwrapped = true;
  }
  if (unwrapped) Transforms.select(editor, { anchor: Editor.start(editor, [start.path[0]]), focus: Editor.end(editor, [Math.min(last, editor.children.length - 1)]) });
}

/** Turn the top-level text blocks (and 附件说明 items) in the selection into another text block type. Tables are left alone. */
export function setBlockType(editor: GazetteEditor, type: TextBlockType, extra: { level?: HeadingLevel } = {}): void {
  if (!editor.selection) return;
  Editor.withoutNormalizing(editor, () => {
    unwrapAttachmentLists(editor, type);
    const [start, end] = Range.edges(editor.selection!);
    for (let i = start.path[0]; i <= end.path[0]; i++) {
      const block = editor.children[i] as BlockElement;
      if (!block || block.type === 'table' || block.type === 'attachment-list' || block.type === 'image' || block.type === 'page-break') continue;
      const props: Record<string, unknown> = { type };
      const unset: string[] = [];
      if (type === 'heading') props.level = extra.level ?? 1;
      else unset.push('level');
      if (type === 'checkbox') props.checked = false;
      else unset.push('checked');
      if (type !== 'paragraph') unset.push('align', 'indent', 'role');
      if (type !== 'doc-title') unset.push('issuer');
      Transforms.unsetNodes(editor, unset, { at: [i] });
      Transforms.setNodes(editor, props as never, { at: [i] });
    }
  });
}

/** The top-level text blocks in the selection become one 附件说明, one item per block (附件： and numbers dropped). */
export function toAttachmentList(editor: GazetteEditor): void {
  if (!editor.selection) return;
  const [start, end] = Range.edges(editor.selection);
  const from = start.path[0];
  const names: string[] = [];
  let to = from;
  for (let i = from; i <= end.path[0]; i++) {
    const block = editor.children[i] as BlockElement;
    if (!block || !block.children.every((c) => Text.isText(c))) break;
    names.push(attachmentItemName(Node.string(block)));
    to = i;
  }
  if (!names.length) {
    insertBlockAfter(editor, { type: 'attachment-list', children: [{ type: 'attachment-item', number: '', children: [{ text: '' }] }] });
    return;
  }
  const list = { type: 'attachment-list', children: names.map((name) => ({ type: 'attachment-item', number: '', children: [{ text: name }] })) };
  Editor.withoutNormalizing(editor, () => {
    for (let i = to; i >= from; i--) Transforms.removeNodes(editor, { at: [i] });
    Transforms.insertNodes(editor, list as never, { at: [from] });
  });
  Transforms.select(editor, Editor.end(editor, [from, names.length - 1]));
}

export function blockIs(editor: GazetteEditor, type: string, level?: number): boolean {
  const entry = currentBlock(editor);
  if (!entry) return false;
  const [block] = entry;
  return block.type === type && (level === undefined || (block.type === 'heading' && block.level === level));
}

/** Insert a block after the current top-level block and put the cursor in it. */
export function insertBlockAfter(editor: GazetteEditor, block: BlockElement): void {
  const entry = currentBlock(editor);
  const at = entry ? Path.next(entry[1]) : [editor.children.length];
  Transforms.insertNodes(editor, block, { at });
  const first = Node.first(editor, at);
  if (first) Transforms.select(editor, Editor.start(editor, at));
}

export function replaceBlock(editor: GazetteEditor, index: number, block: BlockElement): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at: [index] });
    Transforms.insertNodes(editor, block, { at: [index] });
  });
}

/** Position of the selection inside a table: the table's index and the cell's [row, cell] child path. */
export function tableSelection(editor: GazetteEditor): { index: number; table: TableElement; row: number; cell: number; focusRow: number; focusCell: number } | undefined {
  if (!editor.selection) return undefined;
  const { anchor, focus } = editor.selection;
  const index = anchor.path[0];
  const table = editor.children[index] as BlockElement;
  if (!table || table.type !== 'table' || anchor.path.length < 3) return undefined;
  const sameTable = focus.path[0] === index && focus.path.length >= 3;
  return {
    index,
    table,
    row: anchor.path[1],
    cell: anchor.path[2],
    focusRow: sameTable ? focus.path[1] : anchor.path[1],
    focusCell: sameTable ? focus.path[2] : anchor.path[2],
  };
}

/**
 * Put `blocks` in the editor as one undoable change (only the blocks that differ are replaced), so the
 * editor stays mounted and keeps its Ctrl+Z history: e.g. 撤销 of an issue-wide replacement.
 */
export function setBlocks(editor: GazetteEditor, blocks: readonly BlockElement[]): void {
  Editor.withoutNormalizing(editor, () => {
    for (let i = editor.children.length - 1; i >= blocks.length; i--) Transforms.removeNodes(editor, { at: [i] });
    blocks.forEach((block, i) => {
      if (i >= editor.children.length) Transforms.insertNodes(editor, block, { at: [i] });
      else if (JSON.stringify(block) !== JSON.stringify(editor.children[i])) replaceBlock(editor, i, block);
    });
  });
}
