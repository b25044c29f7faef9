/** Import of a whole issue from plain text: the text importer structures it, the store keeps it in one transaction. */
import type { ImportWarning, IssueTree } from '../../common/model/index';
import type { HandlerTable } from './types';

type TextImporter = (text: string) => { tree: IssueTree; warnings: ImportWarning[] };

// The importer (helper IMPORT) lands in common/import/fromText.ts; loaded lazily so the other channels work
// while it is missing. TODO(store): switch to a static import once it exists.
async function loadTextImporter(): Promise<TextImporter> {
  const specifier = '../../common/import/fromText';
  const mod = (await import(/* @vite-ignore */ specifier)) as { importIssueFromText: TextImporter };
  return mod.importIssueFromText;
}

export const importTextHandlers: HandlerTable<'issues.importText'> = {
  'issues.importText': async (deps, { text }) => {
    const importIssueFromText = await loadTextImporter();
    const { tree, warnings } = importIssueFromText(text);
    const issueId = deps.library.issues.insertTree(tree);
    deps.emit?.('library.changed', { issueId });
    return {
      issueId,
      documents: tree.sections.reduce((n, s) => n + s.documents.length, 0),
      warnings,
    };
  },
};
