/**
 * The 公文 checks in the workspace: the open document's findings (re-checked as edits settle), going to a
 * finding, 修正 in the open document (through its editor) or in another one (through the store), and the
 * one-click fix of half-width punctuation across the issue. The issue-wide findings come from useIssueChecks.
 */
import { useEffect, useState, type RefObject } from 'react';
import { Editor } from 'slate';
import { applyFix, fixPunctuationAcrossIssue, lintDocument, type LintFinding } from '../../common/lint';
import type { IssueFinding } from '../../common/lint/issue';
import type { DocumentContent, IssueTree } from '../../common/model';
import { api } from '../api';
import type { EditorHandle } from '../editor/GazetteEditor';
import { replaceBlock } from '../editor/commands';
import { t } from '../i18n';
import { showToast } from '../ui';
import { findDocument, withContent } from './issueTree';
import type { CaretTarget } from './useCaretPlacement';
import { imagePixels } from './printImages';
import { useIssueChecks } from './useIssueChecks';

export function useWorkspaceChecks(opts: {
  tree: IssueTree | null;
  setTree: (update: (tree: IssueTree | null) => IssueTree | null) => void;
  latest: RefObject<Map<string, DocumentContent>>;
  currentId: string | undefined;
  editorHandle: RefObject<EditorHandle | null>;
  caret: { goTo: (target: CaretTarget, open: () => void, smooth?: boolean) => void };
  /** A change through the store, then the fresh tree (pending edits saved first). */
  structural: (fn: () => Promise<unknown>) => Promise<void>;
  select: (documentId: string) => void;
  showChecks: () => void;
  /** The open document was changed under its editor: mount it again with the new content. */
  reopen: () => void;
}) {
  const { tree, latest, currentId } = opts;
  const current = tree ? findDocument(tree, currentId) : undefined;
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const issueChecks = useIssueChecks(tree);

  // Lint the current document whenever it is (re)loaded; edits re-lint through `settled`, so `current`
  // changing with every keystroke must not re-run this.
  const tocTitleOverride = current?.tocTitleOverride;
  const loaded = tree !== null;
  useEffect(() => {
    if (current) setFindings(lintDocument({ content: latest.current.get(current.id) ?? current.content, tocTitleOverride: current.tocTitleOverride, imagePixels, requireTitle: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId, tocTitleOverride, loaded, issueChecks.imagesKnown]);

  /** The open document's edits settled: check them again. */
  const settled = (documentId: string, content: DocumentContent) => {
    const doc = tree ? findDocument(tree, documentId) : undefined;
    setFindings(lintDocument({ content, tocTitleOverride: doc?.tocTitleOverride, imagePixels, requireTitle: true }));
  };

  /** The current document's latest edits into the tree now (not after the settle delay). */
  const settleTree = () => {
    const value = currentId ? latest.current.get(currentId) : undefined;
    if (currentId && value) opts.setTree((tr) => (tr ? withContent(tr, currentId, value) : tr));
  };

  const goTo = (f: LintFinding) => {
    if (currentId) opts.caret.goTo({ documentId: currentId, resolve: () => ({ blockIndex: f.blockIndex }) }, () => undefined, true);
  };

  const fix = async (f: LintFinding) => {
    const editor = opts.editorHandle.current?.editor;
    if (!f.fix || !current) return;
    if (f.fix.kind === 'clear-toc-title') {
      await opts.structural(() => api.setTocTitle(current.id, null));
      setFindings((all) => all.filter((x) => x !== f));
      return;
    }
    if (!editor) return;
    if (f.fix.kind === 'replace-block') replaceBlock(editor, f.fix.blockIndex, f.fix.block);
    else {
      const blocks = f.fix.blocks;
      Editor.withoutNormalizing(editor, () => {
        blocks.forEach((block, i) => {
          if (JSON.stringify(block) !== JSON.stringify(editor.children[i])) replaceBlock(editor, i, block);
        });
      });
    }
  };

  const openFinding = (f: IssueFinding) => {
    opts.showChecks();
    if (f.documentId !== currentId) opts.select(f.documentId);
    else goTo(f.finding);
  };

  const fixFinding = async (f: IssueFinding) => {
    const fixKind = f.finding.fix;
    if (!fixKind) return openFinding(f);
    if (f.documentId === currentId && fixKind.kind !== 'clear-toc-title') {
      await fix(f.finding);
      settleTree();
      return;
    }
    const doc = tree ? findDocument(tree, f.documentId) : undefined;
    if (!doc) return;
    if (fixKind.kind === 'clear-toc-title') return opts.structural(() => api.setTocTitle(doc.id, null));
    const content = applyFix(latest.current.get(doc.id) ?? doc.content, fixKind);
    // The reload keeps unsaved edits from `latest` over the store: the fixed content is the latest now.
    if (latest.current.has(doc.id)) latest.current.set(doc.id, content);
    await opts.structural(() => api.saveDocument(doc.id, content));
  };

  /** Every document with its latest content (unsaved edits included). */
  const issueDocuments = () => (tree ? tree.sections.flatMap((s) => s.documents).map((d) => ({ id: d.id, content: latest.current.get(d.id) ?? d.content })) : []);

  /** 公文检查's one-click fix of half-width punctuation across the issue (tables included). */
  const fixAllPunctuation = async () => {
    const fixes = fixPunctuationAcrossIssue(issueDocuments());
    if (fixes.length === 0) return;
    await opts.structural(async () => {
      for (const f of fixes) {
        if (latest.current.has(f.documentId)) latest.current.set(f.documentId, f.content);
        await api.saveDocument(f.documentId, f.content);
      }
    });
    // The open document was fixed under the editor: show the fixed content.
    if (currentId && fixes.some((f) => f.documentId === currentId)) opts.reopen();
    showToast(t.checks.fixedAllPunctuation(fixes.length));
  };

  return {
    /** The open document's findings. */
    findings,
    issueChecks,
    otherFindings: issueChecks.all.filter((f) => f.documentId !== currentId),
    punctuationDocuments: new Set(issueChecks.all.filter((f) => f.finding.code === 'halfwidth-punctuation').map((f) => f.documentId)).size,
    settled,
    settleTree,
    goTo,
    fix,
    openFinding,
    fixFinding,
    fixAllPunctuation,
  };
}
