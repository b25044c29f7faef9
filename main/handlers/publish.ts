/**
 * 发布网页版: the issue's web edition into `exports/<journal>-<year>年第<n>期-网页版/` beside the library
 * (main/export/publish.ts). The host's print engine (Electron) when it provides one, else a Chromium
 * launched for this one publish (a rare action) and closed afterwards. A host runs its publishes one at
 * a time (its publishQueue); a host's stop does not wait for them (its print service's queue would).
 */
import path from 'node:path';
import type { IssueTree } from '../../common/model';
import { publishIssue } from '../export/publish';
import { makePrivateDir } from '../umask';
import type { HandlerDeps } from './deps';
import type { ExportHost } from './export';
import type { HandlerTable } from './types';
import { exportsFolderFor, issueFileStem, safeFileName } from './userFiles';

type Deps = HandlerDeps & ExportHost;

/** The folder of an issue's web edition beside the library (the working folder for an in-memory one). */
export function publishFolder(libraryFile: string | undefined, tree: IssueTree): string {
  return path.join(exportsFolderFor(libraryFile), safeFileName(`${issueFileStem(tree)}-网页版`));
}

export const publishHandlers: HandlerTable<'export.publish'> = {
  'export.publish': (deps: Deps, { issueId }) => {
    const serial = <T>(fn: () => Promise<T>): Promise<T> => (deps.publishQueue ? deps.publishQueue.run(fn) : fn());
    return serial(async () => {
      const tree = deps.library.issues.getTree(issueId);
      const dir = publishFolder(deps.library.file, tree);
      makePrivateDir(path.dirname(dir)); // exports/: the user's alone (main/umask.ts); the edition inside keeps the usual mode
      deps.emit?.('export.progress', { issueId, stage: 'pdf' });
      const engine = deps.printEngine ? await deps.printEngine() : undefined;
      const result = await publishIssue(deps.library, issueId, dir, { engine });
      for (const { file, reason } of result.untaggedPdfs) deps.logger?.warn(`publish: ${file} cut from the issue PDF (untagged)`, reason);
      deps.emit?.('export.progress', { issueId, stage: 'done', done: result.pages, total: result.pages });
      deps.emit?.('library.changed', { issueId });
      return { path: result.dir, index: result.index, documents: result.documents, pages: result.pages };
    });
  },
};
