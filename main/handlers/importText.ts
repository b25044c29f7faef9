/** Import of a whole issue from plain text: the text importer structures it, the store keeps it in one transaction. */
import { importIssueFromText } from '../../common/import/fromText';
import type { HandlerTable } from './types';

export const importTextHandlers: HandlerTable<'issues.importText'> = {
  'issues.importText': (deps, { text }) => {
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
