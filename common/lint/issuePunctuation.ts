/**
 * 公文检查 across a whole issue: the half-width punctuation findings of every document, and the one-click
 * fix that repairs them all (the editor's issue-wide check applies the returned contents). Pure.
 */
import type { DocumentContent } from '../model';
import { normalizeBlockPunctuation } from '../text/punctuation';
import { applyFix, lintDocument } from './index';

export interface IssueDocument {
  id: string;
  content: DocumentContent;
}

export interface PunctuationFix {
  documentId: string;
  /** The document's content with the marks made full-width. */
  content: DocumentContent;
  /** Blocks changed. */
  blocks: number;
}

/** Documents with half-width punctuation in Chinese text, and how many blocks of each are concerned. */
export function halfWidthFindingsAcrossIssue(docs: IssueDocument[]): Array<{ documentId: string; blocks: number }> {
  return docs
    .map((doc) => ({ documentId: doc.id, blocks: lintDocument({ content: doc.content }).filter((f) => f.code === 'halfwidth-punctuation').length }))
    .filter((d) => d.blocks > 0);
}

/**
 * Fix every half-width punctuation finding of the issue: the lint's own fix where it offers one, else the
 * conservative whole-block normaliser (marks between Chinese characters; common/text/punctuation.ts),
 * which also handles a mark at a boundary between two runs. Documents without findings are left out.
 */
export function fixPunctuationAcrossIssue(docs: IssueDocument[]): PunctuationFix[] {
  const out: PunctuationFix[] = [];
  for (const doc of docs) {
    const findings = lintDocument({ content: doc.content }).filter((f) => f.code === 'halfwidth-punctuation');
    if (findings.length === 0) continue;
    let content = doc.content;
    for (const finding of findings) {
      if (finding.fix) content = applyFix(content, finding.fix);
      else {
        const { block, changed } = normalizeBlockPunctuation(content.blocks[finding.blockIndex]);
        if (changed) content = { ...content, blocks: content.blocks.map((b, i) => (i === finding.blockIndex ? block : b)) };
      }
    }
    if (content !== doc.content) out.push({ documentId: doc.id, content, blocks: findings.length });
  }
  return out;
}
