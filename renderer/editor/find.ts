/** Find and replace over the editor's text leaves (matches do not cross mark boundaries). */
import { Editor, Node, Range, Text, Transforms, type Path } from 'slate';
import type { GazetteEditor } from './types';

export function findMatches(editor: GazetteEditor, query: string): Range[] {
  if (!query) return [];
  const ranges: Range[] = [];
  for (const [node, path] of Node.texts(editor)) {
    let from = 0;
    for (;;) {
      const at = node.text.indexOf(query, from);
      if (at < 0) break;
      ranges.push({ anchor: { path, offset: at }, focus: { path, offset: at + query.length } });
      from = at + query.length;
    }
  }
  return ranges;
}

export function decorateMatches(query: string, [node, path]: [Node, Path]): Range[] {
  if (!query || !Text.isText(node)) return [];
  const out: Range[] = [];
  let from = 0;
  for (;;) {
    const at = node.text.indexOf(query, from);
    if (at < 0) break;
    out.push({ anchor: { path, offset: at }, focus: { path, offset: at + query.length }, highlight: true } as Range);
    from = at + query.length;
  }
  return out;
}

export function replaceMatch(editor: GazetteEditor, range: Range, replacement: string): void {
  Transforms.select(editor, range);
  Transforms.insertText(editor, replacement);
}

export function replaceAll(editor: GazetteEditor, query: string, replacement: string): number {
  const matches = findMatches(editor, query);
  Editor.withoutNormalizing(editor, () => {
    for (const range of [...matches].reverse()) Transforms.insertText(editor, replacement, { at: range });
  });
  return matches.length;
}
