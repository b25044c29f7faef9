import { createEditor, Editor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import type { GazetteEditor } from './types';
import { withGazette } from './withGazette';

type Plugin = (editor: GazetteEditor) => GazetteEditor;

/** A headless editor for unit tests: withGazette over history, then `plugins` in order, normalised once. */
export function editorWith(blocks: unknown[], ...plugins: Plugin[]): GazetteEditor {
  let editor = withGazette(withHistory(createEditor()) as GazetteEditor);
  for (const plugin of plugins) editor = plugin(editor);
  editor.children = blocks as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}
