/**
 * Find and replace over a document's text leaves, and over every document of an issue (查找替换 全刊).
 * A hit lies inside one leaf (matches do not cross mark boundaries, as in the editor's own find), so its
 * place is a Slate path plus an offset: the editor can select it, and a replacement keeps the leaf's marks.
 * Pure: the workspace saves the results through its normal save path.
 */
import type { DocumentContent, IssueTree } from '../model';

export interface TextHit {
  /** Path of the text leaf (Slate path into content.blocks). */
  path: number[];
  offset: number;
  /** Up to CONTEXT characters of the leaf on each side, for the list of hits. */
  before: string;
  after: string;
}

export interface DocumentHits {
  documentId: string;
  title: string;
  sectionName: string;
  hits: TextHit[];
}

const CONTEXT = 14;

type Node = { text?: string; children?: Node[] };

/** Every text leaf with its path, in document order. */
function* leaves(nodes: Node[], base: number[] = []): Generator<[string, number[]]> {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (typeof node.text === 'string') yield [node.text, [...base, i]];
    else if (node.children) yield* leaves(node.children, [...base, i]);
  }
}

export function findInContent(content: DocumentContent, query: string): TextHit[] {
  if (!query) return [];
  const hits: TextHit[] = [];
  for (const [text, path] of leaves(content.blocks as Node[])) {
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
      hits.push({ path, offset: at, before: text.slice(Math.max(0, at - CONTEXT), at), after: text.slice(at + query.length, at + query.length + CONTEXT) });
    }
  }
  return hits;
}

/** Hits in every document of the issue, in issue order; `contentOf` gives a document's latest content. */
export function findInIssue(tree: IssueTree, query: string, contentOf: (documentId: string) => DocumentContent | undefined = () => undefined): DocumentHits[] {
  const out: DocumentHits[] = [];
  for (const section of tree.sections)
    for (const doc of section.documents) {
      const hits = findInContent(contentOf(doc.id) ?? doc.content, query);
      if (hits.length) out.push({ documentId: doc.id, title: doc.tocTitleOverride || doc.title, sectionName: section.name, hits });
    }
  return out;
}

export const samePath = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The content with `query` replaced: every hit, or only the one at `only` (if the text there is still
 * `query`; a stale hit replaces nothing). Returns the content and how many were replaced.
 */
export function replaceInContent(content: DocumentContent, query: string, replacement: string, only?: { path: number[]; offset: number }): { content: DocumentContent; count: number } {
  if (!query) return { content, count: 0 };
  let count = 0;
  const visit = (nodes: Node[], base: number[]): Node[] =>
    nodes.map((node, i) => {
      const path = [...base, i];
      if (typeof node.text === 'string') {
        if (only) {
          if (!samePath(path, only.path) || node.text.slice(only.offset, only.offset + query.length) !== query) return node;
          count++;
          return { ...node, text: node.text.slice(0, only.offset) + replacement + node.text.slice(only.offset + query.length) };
        }
        const parts = node.text.split(query);
        if (parts.length === 1) return node;
        count += parts.length - 1;
        return { ...node, text: parts.join(replacement) };
      }
      return node.children ? { ...node, children: visit(node.children, path) } : node;
    });
  const blocks = visit(content.blocks as Node[], []) as unknown as DocumentContent['blocks'];
  return count ? { content: { ...content, blocks }, count } : { content, count: 0 };
}
