/** What the outline's buttons, drags and menus do: structural changes through the store, then a fresh tree. */
import type { RefObject } from 'react';
import { normalizeContent, type DocumentContent, type IssueTree } from '../../common/model';
import type { ImportedDocumentReport } from '../../common/ipc/fileImport';
import { api } from '../api';
import { navigate } from '../App';
import { readFileBase64 } from '../files';
import { t } from '../i18n';
import { showToast } from '../ui';
import { findDocument } from './issueTree';
import type { OutlineActions } from './Outline';

export function outlineActions(opts: {
  issueId: string;
  tree: IssueTree | null;
  latest: RefObject<Map<string, DocumentContent>>;
  select: (documentId: string) => void;
  structural: (fn: () => Promise<unknown>) => Promise<void>;
  onImported: (documents: ImportedDocumentReport[]) => void;
}): OutlineActions {
  const { issueId, tree, structural } = opts;
  return {
    select: opts.select,
    moveDocument: (documentId, sectionId, position) => {
      if (!tree) return;
      const from = tree.sections.find((s) => s.documents.some((d) => d.id === documentId));
      const fromIndex = from?.documents.findIndex((d) => d.id === documentId) ?? -1;
      // Positions count without the moved document.
      const index = from?.id === sectionId && fromIndex >= 0 && fromIndex < position ? position - 1 : position;
      void structural(() => api.moveDocument(documentId, sectionId, index));
    },
    moveSection: (sectionId, position) => void structural(() => api.moveSection(sectionId, position)),
    addSection: () => void structural(() => api.addSection(issueId, t.workspace.newSectionName)),
    renameSection: (sectionId, name) => void structural(() => api.renameSection(sectionId, name)),
    removeSection: (sectionId) => {
      const s = tree?.sections.find((x) => x.id === sectionId);
      if (s && confirm(t.workspace.confirmRemoveSection(s.name))) void structural(() => api.removeSection(sectionId));
    },
    addDocument: (sectionId) =>
      void structural(async () => {
        // One empty title: the editor's placeholder invites typing, Enter leads on to 文号, 主送, 正文.
        const content = normalizeContent({ blocks: [{ type: 'doc-title', children: [{ text: '' }] }] });
        const { documentId } = await api.addDocument(sectionId, 'notice', content);
        navigate({ screen: 'issue', issueId, documentId });
      }),
    importWord: (sectionId, file) =>
      void structural(async () => {
        const imported = await api.importWord(sectionId, file.name, await readFileBase64(file));
        showToast(t.workspace.importedWord(imported.title || file.name, imported.warnings.length));
        navigate({ screen: 'issue', issueId, documentId: imported.documentId });
      }),
    importFiles: (sectionId, files) =>
      void structural(async () => {
        showToast(t.importReport.importing(files.length));
        try {
          const payload = [];
          for (const file of files) payload.push({ fileName: file.name, dataBase64: await readFileBase64(file) });
          const imported = await api.importFiles(sectionId, payload);
          opts.onImported(imported.documents);
          if (imported.documents[0]) navigate({ screen: 'issue', issueId, documentId: imported.documents[0].id });
        } catch (e) {
          showToast(t.importReport.failed((e as Error).message), 'error');
        }
      }),
    removeDocument: (documentId) => {
      const d = tree ? findDocument(tree, documentId) : undefined;
      if (d && confirm(t.workspace.confirmRemoveDocument(d.title || t.workspace.untitled)))
        void structural(async () => {
          await api.removeDocument(documentId);
          opts.latest.current.delete(documentId);
        });
    },
  };
}
