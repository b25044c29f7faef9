/**
 * The issue workspace: outline on the left, the editor in the centre, preview/TOC/find/checks/history on
 * the right. This component wires the parts together; each job lives in its own hook or component
 * (tree and unsaved edits: useIssueTree; page numbers: usePageMap; caret from outside: useCaretPlacement;
 * 查找替换: useIssueFind; outline: outlineActions; 公文检查 and 全刊检查: useWorkspaceChecks; export: useExportFlow).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findInContent } from '../../common/editor/findReplace';
import type { DocumentContent } from '../../common/model';
import type { ImportWarning } from '../../common/model';
import type { ImportedDocumentReport } from '../../common/ipc/fileImport';
import { api, onMenuCommand } from '../api';
import { navigate } from '../App';
import { GazetteEditor, type EditorHandle } from '../editor/GazetteEditor';
import { isHotkey } from '../editor/hotkeys';
import { t } from '../i18n';
import { showToast } from '../ui';
import { ContextMenu, type MenuState } from '../ContextMenu';
import { useAutosave } from '../workspace/autosave';
import { ChecksPanel } from '../workspace/ChecksPanel';
import { ExportDialog } from '../workspace/ExportDialog';
import { FindPanel } from '../workspace/FindPanel';
import { HistoryPanel } from '../workspace/HistoryPanel';
import { ImportReport, warningBlockIndex } from '../workspace/ImportReport';
import { PreExportChecks } from '../workspace/IssueFindings';
import type { DeletedDocument } from '../workspace/RecycleBin';
import { findDocument, firstDocument, withContent } from '../workspace/issueTree';
import { Outline } from '../workspace/Outline';
import { outlineDocMenuItems } from '../workspace/outlineMenu';
import { IssueLayout, UnitPreview } from '../workspace/Preview';
import { SettingsDialog } from '../workspace/SettingsDialog';
import { SidePane, type Panel } from '../workspace/SidePane';
import { TocPanel } from '../workspace/TocPanel';
import { useCaretPlacement } from '../workspace/useCaretPlacement';
import { hitRange, useIssueFind } from '../workspace/useIssueFind';
import { useIssueTree } from '../workspace/useIssueTree';
import { outlineActions as makeOutlineActions } from '../workspace/useOutlineActions';
import { usePageMap } from '../workspace/usePageMap';
import { useExportFlow } from '../workspace/useExportFlow';
import { useSaveShortcut } from '../workspace/useSaveShortcut';
import { useWorkspaceChecks } from '../workspace/useWorkspaceChecks';
import { WorkspaceHeader } from '../workspace/WorkspaceHeader';

/** Edits reach the tree (preview, checks, outline) after this pause in typing. */
const EDIT_SETTLE_MS = 200;

export function WorkspaceScreen(props: { issueId: string; documentId?: string; find?: string }) {
  const { tree, setTree, error, latest, reload, setContent } = useIssueTree(props.issueId, props.documentId);
  const { pageMap, onPageMap } = usePageMap(props.issueId);
  const [panel, setPanel] = useState<Panel>('preview');
  const [editorKey, setEditorKey] = useState(0);
  const [historyKey, setHistoryKey] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [outlineMenu, setOutlineMenu] = useState<MenuState | null>(null);
  const [printRequest, setPrintRequest] = useState(0);
  const [layoutVersion, setLayoutVersion] = useState(0);
  /** The issue changed since the last full layout: outline and TOC page numbers are being recomputed. */
  const [pagesUpdating, setPagesUpdating] = useState(false);
  const [deleted, setDeleted] = useState<DeletedDocument[]>([]);
  const [importReport, setImportReport] = useState<ImportedDocumentReport[] | null>(null);
  /** Text the editor's find bar shows highlighted (a search hit, a 查找 hit); `key` reopens it. */
  const [editorFind, setEditorFind] = useState<{ query: string; key: number } | undefined>(undefined);
  const editorHandle = useRef<EditorHandle | null>(null);
  const settleTimer = useRef<number | undefined>(undefined);
  const autosave = useAutosave(useCallback(() => setHistoryKey((k) => k + 1), []));
  useSaveShortcut(autosave.flush, autosave.hasPending);

  const currentId = tree ? (findDocument(tree, props.documentId) ?? firstDocument(tree))?.id : undefined;
  const current = tree ? findDocument(tree, currentId) : undefined;
  const caret = useCaretPlacement(editorHandle, currentId, editorKey);

  const startExport = useRef<(kind: 'pdf' | 'docx') => void>(() => undefined);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'export-pdf') startExport.current('pdf');
        if (command === 'export-docx') startExport.current('docx');
        if (command === 'print') void autosave.flush().then(() => setPrintRequest((n) => n + 1));
        if (command === 'find-in-issue') setPanel('find');
      }),
    [autosave],
  );
  // Ctrl+Shift+F (the desktop menu's accelerator; in a browser this listener): 查找替换 across the issue.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHotkey('mod+shift+f', event)) return;
      event.preventDefault();
      setPanel('find');
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const select = (documentId: string) => {
    void autosave.flush();
    navigate({ screen: 'issue', issueId: props.issueId, documentId });
  };

  const onEdit = (content: DocumentContent) => {
    if (!currentId) return;
    const id = currentId;
    latest.current.set(id, content);
    autosave.schedule(id, content);
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(() => {
      const value = latest.current.get(id);
      if (!value) return;
      setTree((tr) => (tr ? withContent(tr, id, value) : tr));
      checks.settled(id, value);
    }, EDIT_SETTLE_MS);
  };

  /** Structural change through the store, then the fresh tree. Pending edits are saved first. */
  const structural = async (fn: () => Promise<unknown>) => {
    try {
      await autosave.flush();
      await fn();
      await reload();
      setLayoutVersion((v) => v + 1);
    } catch (e) {
      showToast(t.common.error((e as Error).message), 'error');
    }
  };

  // The 回收站: read again after every structural change (a removal among them).
  useEffect(() => {
    void api.listDeletedDocuments(props.issueId).then(setDeleted).catch(() => undefined);
  }, [props.issueId, layoutVersion]);
  const restoreDeleted = (documentId: string) => {
    const title = deleted.find((d) => d.id === documentId)?.title ?? '';
    void structural(async () => {
      await api.restoreDeletedDocument(documentId);
      showToast(t.recycleBin.restored(title || t.workspace.untitled));
      navigate({ screen: 'issue', issueId: props.issueId, documentId });
    });
  };

  const outlineActions = makeOutlineActions({ issueId: props.issueId, tree, latest, select, structural, onImported: setImportReport });

  // 公文检查 of the open document and 全刊检查; export first shows the findings (修正 / 忽略 / 仍然导出).
  const checks = useWorkspaceChecks({
    tree,
    setTree,
    latest,
    currentId,
    editorHandle,
    caret,
    structural,
    select,
    showChecks: () => setPanel('checks'),
    reopen: () => setEditorKey((k) => k + 1),
  });
  const exportFlow = useExportFlow({ flush: autosave.flush, settle: checks.settleTree, hasFindings: () => checks.issueChecks.all.length > 0 });
  startExport.current = exportFlow.start;

  // 查找替换 across the issue.
  const issueFind = useIssueFind({
    tree,
    latest,
    currentId,
    editorHandle,
    saveContent: (id, content) => {
      setContent(id, content);
      autosave.schedule(id, content);
    },
    show: (documentId, range) => {
      setEditorFind((f) => ({ query: issueFind.query, key: (f?.key ?? 0) + 1 }));
      caret.goTo({ documentId, resolve: () => ({ range }) }, () => select(documentId));
    },
  });

  // A library search hit: open its document with the hit highlighted, the first one selected and in view.
  const shownSearch = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!props.find || !current || shownSearch.current === `${current.id}:${props.find}`) return;
    shownSearch.current = `${current.id}:${props.find}`;
    const content = latest.current.get(current.id) ?? current.content;
    const terms = props.find.split(/[\s\u3000]+/).filter(Boolean);
    const term = terms.find((x) => findInContent(content, x).length) ?? terms[0];
    if (!term) return;
    setEditorFind((f) => ({ query: term, key: (f?.key ?? 0) + 1 }));
    caret.goTo(
      {
        documentId: current.id,
        resolve: () => {
          const editor = editorHandle.current?.editor;
          const hit = findInContent({ schemaVersion: 1, blocks: (editor?.children ?? content.blocks) as DocumentContent['blocks'] }, term)[0];
          return hit ? { range: hitRange(hit, term) } : null;
        },
      },
      () => undefined,
    );
    // Once per search term and document (shownSearch guards it): not again as `current` changes with edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.find, current?.id]);

  const goToImported = (documentId: string, warning?: ImportWarning) => {
    setImportReport(null);
    caret.goTo(
      {
        documentId,
        resolve: () => {
          const content = latest.current.get(documentId) ?? (tree ? findDocument(tree, documentId)?.content : undefined);
          return content ? { blockIndex: warning ? warningBlockIndex(content, warning) : 0 } : null;
        },
      },
      () => select(documentId),
    );
  };

  const saveSettings = async (patch: Parameters<typeof api.updateIssue>[1]) => {
    setSettingsOpen(false);
    await structural(() => api.updateIssue(props.issueId, patch));
  };

  const pages = useMemo(() => pageMap?.documents, [pageMap]);

  if (error) return <div className="banner error">{t.common.error(error)}</div>;
  if (!tree) return <div className="loading-screen">{t.common.loading}</div>;
  const issue = tree.issue;

  const activePanel =
    panel === 'toc' ? (
      <TocPanel tree={tree} pageMap={pageMap} pagesUpdating={pagesUpdating} onSelect={select} />
    ) : panel === 'find' ? (
      <FindPanel actions={issueFind.actions} query={issueFind.query} onQuery={issueFind.setQuery} />
    ) : panel === 'checks' ? (
      <ChecksPanel
        findings={checks.findings}
        onGoTo={checks.goTo}
        onFix={(f) => void checks.fix(f)}
        otherFindings={checks.otherFindings}
        onOpenOther={checks.openFinding}
        onFixOther={(f) => void checks.fixFinding(f)}
        onIgnoreOther={checks.issueChecks.ignore}
        punctuationDocuments={checks.punctuationDocuments}
        onFixAllPunctuation={() => void checks.fixAllPunctuation()}
      />
    ) : panel === 'history' && current ? (
      <HistoryPanel
        documentId={current.id}
        refreshKey={historyKey}
        onRestore={(content) => {
          setContent(current.id, content);
          setEditorKey((k) => k + 1);
          showToast(t.history.restored);
        }}
      />
    ) : null;

  return (
    <div className="workspace">
      <WorkspaceHeader
        issue={issue}
        save={autosave.state}
        onBack={() => void autosave.flush().then(() => navigate({ screen: 'library' }))}
        onSettings={() => setSettingsOpen(true)}
        onPrint={() => void autosave.flush().then(() => setPrintRequest((n) => n + 1))}
        onPublish={exportFlow.publish}
        onExport={(kind) => startExport.current(kind)}
      />
      <div className="workspace-body">
        <Outline
          tree={tree}
          currentId={currentId}
          pages={pages}
          findingCounts={checks.issueChecks.counts}
          pagesUpdating={pagesUpdating}
          deleted={deleted}
          onRestore={restoreDeleted}
          actions={outlineActions}
          onDocContextMenu={(e, documentId) =>
            setOutlineMenu({
              x: e.clientX,
              y: e.clientY,
              items: outlineDocMenuItems(tree, documentId, { ...outlineActions, setTocTitle: (id, title) => void structural(() => api.setTocTitle(id, title)), exportDocument: exportFlow.exportDocument }),
            })
          }
        />
        {outlineMenu ? <ContextMenu menu={outlineMenu} onClose={() => setOutlineMenu(null)} testId="outline-menu" /> : null}
        <main className="editor-pane">
          {current ? (
            <GazetteEditor
              key={`${current.id}:${editorKey}`}
              documentId={current.id}
              initial={latest.current.get(current.id) ?? current.content}
              onChange={onEdit}
              handleRef={editorHandle}
              find={editorFind}
              onFindInIssue={(query) => {
                issueFind.setQuery(query);
                setPanel('find');
              }}
            />
          ) : (
            <div className="empty">{t.workspace.noDocument}</div>
          )}
        </main>
        <SidePane
          panel={panel}
          onPanel={setPanel}
          badges={{ checks: checks.findings.length }}
          kept={{
            preview: <UnitPreview tree={tree} documentId={currentId} pageMap={pageMap} version={layoutVersion} />,
            thumbnails: <IssueLayout tree={tree} visible={panel === 'thumbnails'} version={layoutVersion} onPageMap={onPageMap} onStale={setPagesUpdating} printRequest={printRequest} />,
          }}
          active={activePanel}
        />
      </div>
      {settingsOpen ? <SettingsDialog issue={issue} onSave={(p) => void saveSettings(p)} onClose={() => setSettingsOpen(false)} /> : null}
      {exportFlow.preExport ? (
        <PreExportChecks
          findings={checks.issueChecks.all}
          kind={exportFlow.preExport}
          onOpen={(f) => {
            exportFlow.closeFindings();
            checks.openFinding(f);
          }}
          onFix={(f) => void checks.fixFinding(f)}
          onIgnore={checks.issueChecks.ignore}
          onCancel={exportFlow.closeFindings}
          onExport={exportFlow.exportAnyway}
        />
      ) : null}
      {exportFlow.exporting ? <ExportDialog issueId={props.issueId} kind={exportFlow.exporting} onClose={exportFlow.close} /> : null}
      {exportFlow.exportingDocument ? <ExportDialog issueId={props.issueId} kind="docx" documentId={exportFlow.exportingDocument} onClose={exportFlow.closeDocument} /> : null}
      {importReport ? <ImportReport documents={importReport} onGoTo={goToImported} onClose={() => setImportReport(null)} /> : null}
    </div>
  );
}
