/**
 * Undo steps while typing, as in Word: one Ctrl+Z takes back one word or clause, not one character and
 * not everything typed since the caret last moved. slate-history merges every insertion that continues
 * the last one, so a paragraph typed through (an IME commit after another) went in one Ctrl+Z. A new
 * step starts with each IME commit (a word chosen at once) and after a space or a punctuation mark.
 */
import { Node, Path, Range, Text } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { GazetteEditor } from './types';

const CLAUSE_END = /[\s\u3000，。、；：？！,.;:?!）)」』”]$/u;

/** Whether typing `typed` right after `textBefore` (the text the last step typed ends it) starts a new undo step. */
export function startsUndoStep(textBefore: string, typed: string): boolean {
  return [...typed].length > 1 || CLAUSE_END.test(textBefore);
}

export function withTypingUndoSteps(editor: GazetteEditor): GazetteEditor {
  const { insertText } = editor;
  editor.insertText = (text, options) => {
    const at = editor.selection;
    const last = editor.history.undos.at(-1)?.operations.at(-1);
    // Only typing that would continue the last step's insertion: anything else starts a step anyway.
    const continues = !!at && Range.isCollapsed(at) && last?.type === 'insert_text' && Path.equals(last.path, at.anchor.path) && last.offset + last.text.length === at.anchor.offset;
    if (continues && !editor.operations.includes(last)) {
      const leaf = Node.get(editor, at.anchor.path);
      if (Text.isText(leaf) && startsUndoStep(leaf.text.slice(0, at.anchor.offset), text)) return HistoryEditor.withNewBatch(editor, () => insertText(text, options));
    }
    insertText(text, options);
  };
  return editor;
}
