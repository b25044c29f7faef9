import { Editor, Node, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import { editorWith } from './testEditor';
import { startsUndoStep, withTypingUndoSteps } from './undoSteps';
import { withParagraphFlow } from './withParagraphFlow';

/** Each key in its own task, as in the browser (slate-history merges whatever one task applies). */
const tick = () => new Promise((r) => setTimeout(r, 0));
const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });

async function typed(keys: string[]) {
  const editor = editorWith([p('前文。'), p('')], withTypingUndoSteps, withParagraphFlow);
  Transforms.select(editor, Editor.start(editor, [1]));
  await tick();
  for (const key of keys) {
    editor.insertText(key);
    await tick();
  }
  const steps: string[] = [Node.string(editor.children[1])];
  while (Node.string(editor.children[1])) {
    editor.undo();
    await tick();
    steps.push(Node.string(editor.children[1]));
  }
  return steps;
}

describe('undo steps while typing (Word habits)', () => {
  it('one Ctrl+Z takes back one clause typed key by key, not one character and not the whole paragraph', async () => {
    expect(await typed([...'现将有关事项通知如下，请认真执行。'])).toEqual(['现将有关事项通知如下，请认真执行。', '现将有关事项通知如下，', '']);
    expect(await typed([...'hello world'])).toEqual(['hello world', 'hello ', '']);
  });

  it('one Ctrl+Z takes back one IME commit (a word chosen at once)', async () => {
    expect(await typed(['现将', '有关', '事项'])).toEqual(['现将有关事项', '现将有关', '现将', '']);
  });

  it('starts a step after a space or punctuation and with a word of several characters', () => {
    expect([startsUndoStep('现将', '有'), startsUndoStep('现将，', '有'), startsUndoStep('现将', '有关'), startsUndoStep('a ', 'b'), startsUndoStep('', '甲')]).toEqual([false, true, true, true, false]);
  });
});
