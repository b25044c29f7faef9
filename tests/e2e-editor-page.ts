/** Helpers for the editor's end-to-end tests: what the editor stores, a Word paste (the caret: e2e-support's caretInBlock). */
import type { Page } from 'playwright-core';

export type Block = { type: string; children: Array<Block | { text: string }> };
export const paragraphOf = (text: string) => ({ type: 'paragraph', children: [{ text }] });
export const cellOf = (text: string) => ({ type: 'table-cell', children: [paragraphOf(text)] });
export const textOf = (b: Block): string => b.children.map((c) => ('text' in c ? c.text : textOf(c))).join('');
/** Top-level blocks as `type:text`; a table as its cells' texts. */
export const shape = (blocks: Block[]) => blocks.map((b) => (b.type === 'table' ? b.children.map((row) => (row as Block).children.map((c) => textOf(c as Block))) : `${b.type}:${textOf(b)}`));

/** Word's clipboard (a page around the copied fragment) handed to the editor as Chromium does: beforeinput/insertFromPaste. */
export function pasteWordHtml(page: Page, fragment: string, plain: string): Promise<void> {
  return page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer();
      data.setData('text/html', `<html><body><!--StartFragment-->${html}<!--EndFragment--></body></html>`);
      data.setData('text/plain', text);
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [fragment, plain],
  );
}
