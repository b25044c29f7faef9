/** Handlers of the library area (issues, sections, documents, revisions, assets, page maps, search). */
import type { libraryChannels } from '../../common/ipc/library';
import { StoreError } from '../store/index';
import type { HandlerDeps } from './deps';
import type { HandlerTable } from './types';
import { withUploadedFiles } from './uploads';
import { savedFileResult, writeUserFile } from './userFiles';

type LibraryChannel = keyof typeof libraryChannels;

/** Import a package file the host picked (never a path from a caller of the contract). */
export function importPackageFile(deps: HandlerDeps, file: string): string[] {
  return deps.library.importIssuePackage(file);
}

function importPackageBytes(deps: HandlerDeps, bytes: Buffer): Promise<string[]> {
  return withUploadedFiles('gazette-upload-', [{ name: 'upload.gazette', bytes }], ([file]) => deps.library.importIssuePackage(file));
}

const changed = (deps: HandlerDeps, issueId?: string) => deps.emit?.('library.changed', issueId ? { issueId } : {});

export const libraryHandlers: Omit<HandlerTable<LibraryChannel>, 'issues.importText'> = {
  'issues.list': ({ library }) => library.issues.list(),
  'issues.get': ({ library }, { issueId }) => library.issues.get(issueId),
  'issues.getTree': ({ library }, { issueId }) => library.issues.getTree(issueId),
  'issues.toc': ({ library }, { issueId }) => library.issues.toc(issueId),
  'issues.create': ({ library }, meta) => ({ issueId: library.issues.create(meta) }),
  'issues.createNext': ({ library }, { fromIssueId }) => {
    const source = fromIssueId ?? library.issues.list()[0]?.id;
    return { issueId: source ? library.issues.createNextFrom(source) : library.issues.create() };
  },
  'issues.duplicate': ({ library }, { issueId }) => ({ issueId: library.issues.duplicate(issueId) }),
  'issues.delete': (deps, { issueId }) => {
    const result = deps.library.issues.delete(issueId);
    changed(deps);
    return result;
  },
  'issues.update': ({ library }, { issueId, ...patch }) => library.issues.updateMeta(issueId, patch),
  'issues.exportPackage': async (deps, { issueId }) => {
    const issue = deps.library.issues.get(issueId);
    // Written to a temp file and renamed over the reserved name (or the file the user chose to replace).
    const written = await writeUserFile(deps, 'gazette', `${issue.year}-${issue.number}.gazette`, (file) => deps.library.exportIssuePackage(issueId, file));
    if (!written) return { canceled: true as const };
    return { ...savedFileResult(deps, written.file, 'gazette'), documents: written.value.documents };
  },
  'issues.importPackage': async (deps, input) => {
    let issueIds: string[];
    if ('dataBase64' in input) issueIds = await importPackageBytes(deps, Buffer.from(input.dataBase64, 'base64'));
    else {
      const file = await deps.chooseOpenFile?.({ kind: 'gazette' });
      if (file === undefined) throw new StoreError('invalid', '此处不能选择文件，请上传期刊包 (no file picker here: upload the package)');
      if (!file) return { canceled: true as const };
      issueIds = importPackageFile(deps, file);
    }
    changed(deps, issueIds[0]);
    return { canceled: false as const, issueIds, issueId: issueIds[0] };
  },

  'sections.add': ({ library }, { issueId, name, position }) => ({ sectionId: library.sections.add(issueId, name, position).id }),
  'sections.rename': ({ library }, { sectionId, name }) => library.sections.rename(sectionId, name),
  'sections.remove': ({ library }, { sectionId }) => {
    library.sections.remove(sectionId);
    return { removed: sectionId };
  },
  'sections.move': ({ library }, { sectionId, position }) => {
    const { issueId } = library.sections.get(sectionId);
    const order = library.sections.list(issueId).map((s) => s.id).filter((id) => id !== sectionId);
    order.splice(Math.min(position, order.length), 0, sectionId);
    return library.sections.reorder(issueId, order);
  },
  'sections.reorder': ({ library }, { issueId, sectionIds }) => library.sections.reorder(issueId, sectionIds),

  'documents.get': ({ library }, { documentId }) => library.documents.get(documentId),
  'documents.add': ({ library }, { sectionId, kind, content, position }) => ({
    documentId: library.documents.add(sectionId, { kind, content }, position).id,
  }),
  'documents.save': ({ library }, { documentId, content }) => {
    const doc = library.documents.save(documentId, content);
    return { documentId: doc.id, title: doc.title, docNumber: doc.docNumber, updatedAt: doc.updatedAt };
  },
  'documents.updateMeta': ({ library }, { documentId, ...patch }) => library.documents.updateMeta(documentId, patch),
  'documents.move': ({ library }, { documentId, sectionId, position }) => {
    const doc = library.documents.move(documentId, sectionId, position);
    return { documentId: doc.id, sectionId: doc.sectionId, position: doc.position };
  },
  'documents.remove': ({ library }, { documentId }) => {
    library.documents.remove(documentId);
    return { removed: documentId };
  },
  'documents.reorder': ({ library }, { sectionId, documentIds }) => library.documents.reorder(sectionId, documentIds),
  'documents.listDeleted': ({ library }, { issueId }) => library.deletedDocuments.list(issueId),
  'documents.restoreDeleted': ({ library }, { documentId }) => library.deletedDocuments.restore(documentId),

  'revisions.list': ({ library }, { documentId }) => library.revisions.list(documentId),
  'revisions.get': ({ library }, { revisionId }) => library.revisions.get(revisionId),
  'revisions.restore': ({ library }, { revisionId }) => library.revisions.restore(revisionId),

  'assets.put': ({ library }, { mime, dataBase64 }) => {
    const asset = library.assets.put(Buffer.from(dataBase64, 'base64'), mime);
    return { assetId: asset.id, sha256: asset.sha256, size: asset.size };
  },
  'assets.get': ({ library }, { assetId }) => {
    const asset = library.assets.get(assetId);
    if (!asset) throw new StoreError('not-found', `图片不存在 (asset not found: ${assetId})`);
    return { mime: asset.mime, dataBase64: Buffer.from(asset.bytes).toString('base64') };
  },

  'pageMaps.get': ({ library }, { issueId }) => library.pageMaps.get(issueId),
  'pageMaps.set': ({ library }, { issueId, ...layout }) => {
    library.pageMaps.set(issueId, layout);
    return { issueId };
  },

  search: ({ library }, { query, issueId, limit }) => library.search(query, { issueId, limit }),
};
