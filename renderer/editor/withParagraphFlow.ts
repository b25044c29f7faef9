/**
 * Word-like paragraph flow: Enter at the end of a 标题 opens the 文号 line (or 正文), after 文号 the 主送,
 * after a heading 正文; Enter at the start of a line (after a heading's number) opens a 正文 line above
 * it; Enter in an empty last 附件 item leaves the list. AutoFormat: 一、 （一） 1. （1）
 * typed at the start of a paragraph make it a heading, 附件： makes it the 附件说明; each conversion is its
 * own undo step, so one Ctrl+Z gives back the plain paragraph with what was typed. Spaces typed before a
 * paragraph's text are dropped: the print indents its first line already. Backspace at the start of a
 * numbered heading (or just after its number) makes it body text without the number, as Word does.
 */
import { Editor, Node, Path, Range, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { BlockElement } from '../../common/model';
import { blockTypeAfter, enterOpensLineAbove, headingNumberBackspace, isTypedAttachmentLabel, isTypedIndent, typedHeadingLevel } from '../../common/editor/paragraphFlow';
import { setBlockType } from './commands';
import type { GazetteEditor } from './types';

function emptyBlock(type: BlockElement['type']): BlockElement {
  return type === 'heading' ? { type, level: 1, children: [{ text: '' }] } : ({ type, children: [{ text: '' }] } as BlockElement);
}

/** Enter in the empty last item of a 附件说明: the item becomes a 正文 paragraph after the list. */
function leaveAttachmentList(editor: GazetteEditor, at: Path): boolean {
  if (at.length < 3) return false;
  const list = editor.children[at[0]] as BlockElement;
  if (list.type !== 'attachment-list') return false;
  const itemIndex = at[1];
  const item = list.children[itemIndex];
  if (!item || Node.string(item) !== '' || itemIndex !== list.children.length - 1) return false;
  const after = [at[0] + 1];
  Editor.withoutNormalizing(editor, () => {
    if (list.children.length === 1) Transforms.removeNodes(editor, { at: [at[0]] });
    else Transforms.removeNodes(editor, { at: [at[0], itemIndex] });
    const target = list.children.length === 1 ? [at[0]] : after;
    Transforms.insertNodes(editor, emptyBlock('paragraph') as Descendant, { at: target });
    Transforms.select(editor, Editor.start(editor, target));
  });
  return true;
}

export function withParagraphFlow(editor: GazetteEditor): GazetteEditor {
  const { insertBreak, insertText, deleteBackward } = editor;

  editor.insertBreak = () => {
    const selection = editor.selection;
    if (!selection || !Range.isCollapsed(selection)) return insertBreak();
    const point = selection.anchor;
    if (leaveAttachmentList(editor, point.path)) return;
    const index = point.path[0];
    const blocks = editor.children as BlockElement[];
    const block = blocks[index];
    if (point.path.length === 2 && enterOpensLineAbove(block, Editor.string(editor, { anchor: Editor.start(editor, [index]), focus: point }))) {
      Transforms.insertNodes(editor, emptyBlock('paragraph') as Descendant, { at: [index] });
      Transforms.select(editor, { path: [index + 1, ...point.path.slice(1)], offset: point.offset });
      return;
    }
    // Only top-level text blocks, only at their end and not when empty (Enter on an empty line keeps Word's behaviour).
    if (point.path.length !== 2 || !block || !Node.string(block) || !Editor.isEnd(editor, point, [index])) return insertBreak();
    const next = blockTypeAfter(blocks, index);
    if (!next) return insertBreak();
    Transforms.insertNodes(editor, emptyBlock(next) as Descendant, { at: [index + 1] });
    Transforms.select(editor, Editor.start(editor, [index + 1]));
  };

  editor.deleteBackward = (unit) => {
    const at = editor.selection;
    if (unit === 'character' && at && Range.isCollapsed(at) && at.anchor.path.length === 2) {
      const index = at.anchor.path[0];
      const textBefore = Editor.string(editor, { anchor: Editor.start(editor, [index]), focus: at.anchor });
      const number = headingNumberBackspace(editor.children[index] as BlockElement, textBefore);
      if (number) {
        // One undo step: the heading comes back with its number.
        Editor.withoutNormalizing(editor, () => {
          Transforms.delete(editor, { at: { anchor: Editor.start(editor, [index]), focus: Editor.after(editor, Editor.start(editor, [index]), { distance: number.length })! } });
          setBlockType(editor, 'paragraph');
        });
        return;
      }
    }
    deleteBackward(unit);
  };

  editor.insertText = (text, options) => {
    const at = editor.selection;
    if (at && Range.isCollapsed(at) && at.anchor.path.length === 2) {
      const textBefore = Editor.string(editor, { anchor: Editor.start(editor, [at.anchor.path[0]]), focus: at.anchor });
      if (isTypedIndent(editor.children[at.anchor.path[0]] as BlockElement, textBefore, text)) return;
    }
    insertText(text, options);
    const selection = editor.selection;
    if (!selection || !Range.isCollapsed(selection) || selection.anchor.path.length !== 2) return;
    const index = selection.anchor.path[0];
    const block = editor.children[index] as BlockElement;
    if (block?.type !== 'paragraph' || selection.anchor.path[1] !== 0) return;
    const before = Node.string(block.children[0]).slice(0, selection.anchor.offset);
    const level = typedHeadingLevel(before);
    if (level) {
      HistoryEditor.withNewBatch(editor, () => setBlockType(editor, 'heading', { level }));
      return;
    }
    if (isTypedAttachmentLabel(before)) {
      const rest = Node.string(block).slice(before.length).trim();
      HistoryEditor.withNewBatch(editor, () => {
        Editor.withoutNormalizing(editor, () => {
          Transforms.removeNodes(editor, { at: [index] });
          Transforms.insertNodes(editor, { type: 'attachment-list', children: [{ type: 'attachment-item', number: '', children: [{ text: rest }] }] } as Descendant, { at: [index] });
        });
        Transforms.select(editor, Editor.start(editor, [index, 0]));
      });
    }
  };

  return editor;
}
