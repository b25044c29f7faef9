/**
 * The integrity check's message (handler 5): what differs, where, and in which document and block.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';

let doc: Document;

beforeAll(() => {
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  doc = document as unknown as Document;
  Object.assign(globalThis, { document, window, Node: window.Node, HTMLElement: window.HTMLElement });
});

it('names the document and the block where laid-out text first differs, and says text was repeated', async () => {
  const { compareText, contentText, locateCharacter } = await import('./integrity');
  const root = doc.createElement('div');
  root.innerHTML =
    '<article data-doc-id="a"><div class="gz-region"><header class="gz-titleblock"><h1 class="gz-title">关于甲的通知</h1></header><p class="gz-p">第一段。</p></div></article>' +
    '<article data-doc-id="b"><div class="gz-region"><header class="gz-titleblock"><h1 class="gz-title">关于乙的通知</h1></header>' +
    '<p class="gz-p">乙一段。</p><p class="gz-p gz-chronicle">7月1日，会议召开。会议召开。</p></div></article>';
  const source = contentText(root);
  const at = source.indexOf('会议召开。会议') + 5;
  const laid = source.slice(0, at) + '会议召开。' + source.slice(at);
  const problem = compareText(source, laid, '人事任免', (i) => locateCharacter(root, i));
  expect(problem!.message).toContain('text repeated or added (5 characters extra)');
  expect(problem!.message).toContain('document 「关于乙的通知」, block 3 of 3 (chronicle “7月1日，会议召开。会议召开。…”');
  expect(problem!.message).toContain(`at character ${source.length}`);
});
