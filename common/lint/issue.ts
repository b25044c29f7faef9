/** 全刊检查: the 公文 checks over every document of an issue, each finding with its document. */
import { tocTitle, type DocumentContent, type IssueTree } from '../model';
import type { PixelSize } from '../render/figureSize';
import { imageScaleFindings, lintDocument, type LintFinding } from './index';

export interface IssueFinding {
  documentId: string;
  /** The document's title as the outline shows it. */
  title: string;
  finding: LintFinding;
}

/**
 * Findings by document content: an edit gives its document new content and leaves the others' content
 * objects as they were, so the issue is re-checked one document at a time.
 */
const findingsByContent = new WeakMap<DocumentContent, { tocTitleOverride: string | undefined; findings: LintFinding[] }>();
function lintContent(content: DocumentContent, tocTitleOverride: string | undefined): LintFinding[] {
  const known = findingsByContent.get(content);
  if (known && known.tocTitleOverride === tocTitleOverride) return known.findings;
  const findings = lintDocument({ content, tocTitleOverride, requireTitle: true });
  findingsByContent.set(content, { tocTitleOverride, findings });
  return findings;
}

/**
 * `imagePixels`: pixel sizes of the issue's pictures where known; pictures that print smaller than asked
 * are then findings too (not cached: the sizes arrive after the tree).
 */
export function lintIssue(tree: IssueTree, imagePixels?: (assetId: string) => PixelSize | undefined): IssueFinding[] {
  return tree.sections.flatMap((section) =>
    section.documents.flatMap((doc) => {
      const findings = lintContent(doc.content, doc.tocTitleOverride);
      const all = imagePixels ? [...findings, ...imageScaleFindings(doc.content.blocks, imagePixels)].sort((a, b) => a.blockIndex - b.blockIndex) : findings;
      return all.map((finding) => ({ documentId: doc.id, title: tocTitle(doc), finding }));
    }),
  );
}

/** A stable key for 忽略 (ignore) within a session: the same problem at the same place. */
export function issueFindingKey(f: IssueFinding): string {
  return `${f.documentId}|${f.finding.code}|${f.finding.blockIndex}|${f.finding.excerpt}`;
}

/** Findings per document, for the outline's badges. */
export function countByDocument(findings: readonly IssueFinding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.documentId] = (out[f.documentId] ?? 0) + 1;
  return out;
}
