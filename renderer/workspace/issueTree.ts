/** Pure look-ups and updates on the workspace's copy of the issue tree. */
import { deriveTitleAndNumber, type DocumentContent, type GazetteDocument, type IssueTree } from '../../common/model';

export function findDocument(tree: IssueTree, id: string | undefined): GazetteDocument | undefined {
  for (const s of tree.sections) for (const d of s.documents) if (d.id === id) return d;
  return undefined;
}

export function firstDocument(tree: IssueTree): GazetteDocument | undefined {
  return tree.sections.flatMap((s) => s.documents)[0];
}

/** The tree with one document's content (and derived title/文号) replaced. */
export function withContent(tree: IssueTree, documentId: string, content: DocumentContent): IssueTree {
  return {
    ...tree,
    sections: tree.sections.map((s) => ({
      ...s,
      documents: s.documents.map((d) => (d.id === documentId ? { ...d, content, ...deriveTitleAndNumber(content) } : d)),
    })),
  };
}
