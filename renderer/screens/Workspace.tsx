/** The issue workspace: outline on the left, the editor in the centre, preview/TOC/checks/history on the right. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { applyFix, lintDocument, type LintFinding } from '../../common/lint';
import type { IssueFinding } from '../../common/lint/issue';
import { deriveTitleAndNumber, normalizeContent, type DocumentContent, type GazetteDocument, type IssueTree } from '../../common/model';
import type { PageMap } from '../../common/render/printJob';
import { hashString } from '../../common/render/html';
import { api, onEvent, onMenuCommand } from '../api';
import { navigate } from '../App';
import { GazetteEditor, type EditorHandle } from '../editor/GazetteEditor';
import { replaceBlock } from '../editor/commands';
import { t } from '../i18n';
import { showToast } from '../ui';
import { useAutosave } from '../workspace/autosave';
import { useSaveShortcut } from '../workspace/useSaveShortcut';
import { useIssueChecks } from '../workspace/useIssueChecks';
import { PreExportChecks } from '../workspace/IssueFindings';
import { ContextMenu, type MenuState } from '../ContextMenu';
import { outlineDocMenuItems } from '../workspace/outlineMenu';
import { ChecksPanel } from '../workspace/ChecksPanel';
import { ExportDialog } from '../workspace/ExportDialog';
import { HistoryPanel } from '../workspace/HistoryPanel';
import { Outline } from '../workspace/Outline';
import { IssueLayout, layoutAhead, UnitPreview } from '../workspace/Preview';
import { sharedPreviewFrame } from '../workspace/printFrame';
import { SettingsDialog } from '../workspace/SettingsDialog';
import { TocPanel } from '../workspace/TocPanel';
import { ImportReport, warningBlockIndex } from '../workspace/ImportReport';
import type { ImportedDocumentReport } from '../../common/ipc/fileImport';
import type { ImportWarning } from '../../common/model';
import { readFileBase64 } from '../files';

type Panel = 'preview' | 'thumbnails' | 'toc' | 'checks' | 'history';

function findDocument(tree: IssueTree, id: string | undefined): GazetteDocument | undefined {
  for (const s of tree.sections) for (const d of s.documents) if (d.id === id) return d;
  return undefined;
}

function firstDocument(tree: IssueTree): GazetteDocument | undefined {
  return tree.sections.flatMap((s) => s.documents)[0];
}

/** The tree with one document's content (and derived title/文号) replaced. */
function withContent(tree: IssueTree, documentId: string, content: DocumentContent): IssueTree {
  return {
    ...tree,
    sections: tree.sections.map((s) => ({
      ...s,
      documents: s.documents.map((d) => (d.id === documentId ? { ...d, content, ...deriveTitleAndNumber(content) } : d)),
    })),
  };
}

const EDIT_SETTLE_MS = 300;

export function WorkspaceScreen(props: { issueId: string; documentId?: string }) {
  const [tree, setTree] = useState<IssueTree | null>(null);
  const [error, setError] = useState('');
  const [panel, setPanel] = useState<Panel>('preview');
  const [pageMap, setPageMap] = useState<PageMap | null>(null);
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const [editorKey, setEditorKey] = useState(0);
  const [historyKey, setHistoryKey] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exporting, setExporting] = useState<'pdf' | 'docx' | 'web' | null>(null);
  const [preExport, setPreExport] = useState<'pdf' | 'docx' | null>(null);
  const [outlineMenu, setOutlineMenu] = useState<MenuState | null>(null);
  const [printRequest, setPrintRequest] = useState(0);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const editorHandle = useRef<EditorHandle | null>(null);
  const [importReport, setImportReport] = useState<ImportedDocumentReport[] | null>(null);
  /** A place to put the caret once the document it is in has opened (from the import report). */
  const pendingCaret = useRef<{ documentId: string; warning?: ImportWarning } | null>(null);
  const latest = useRef(new Map<string, DocumentContent>());
  const settleTimer = useRef<number | undefined>(undefined);
  const autosave = useAutosave(useCallback(() => setHistoryKey((k) => k + 1), []));
  useSaveShortcut(autosave.flush, autosave.hasPending);

  const currentId = tree ? (findDocument(tree, props.documentId) ?? firstDocument(tree))?.id : undefined;
  const current = tree ? findDocument(tree, currentId) : undefined;

  const firstLoad = useRef(true);
  // The document shown when the tree first arrives; a ref, so that switching documents does not reload.
  const openedDocumentId = useRef(props.documentId);
  openedDocumentId.current = props.documentId;
  const reload = useCallback(async () => {
    try {
      const fresh = await api.getTree(props.issueId);
      // The first preview starts laying out in its own process while the editor renders.
      if (firstLoad.current) layoutAhead(fresh, openedDocumentId.current);
      firstLoad.current = false;
      // Keep edits not yet written back into the tree.
      let merged = fresh;
      for (const [id, content] of latest.current) if (findDocument(fresh, id)) merged = withContent(merged, id, content);
      setTree(merged);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [props.issueId]);

  useEffect(() => {
    // Boot the preview's print frame while the tree loads (it is already up when we come from the library).
    sharedPreviewFrame();
    void reload();
    // Pages from the last layout (an export or an earlier session) until this session's layout is done.
    void api
      .getPageMap(props.issueId)
      .then((stored) => {
        if (!Object.keys(stored.pages).length) return;
        const map: PageMap = { documents: stored.pages, units: {}, anchors: {}, frontPages: 0, tocPages: 0, totalPages: stored.pageCount ?? 0 };
        setPageMap((current) => current ?? map);
      })
      .catch(() => undefined);
  }, [reload, props.issueId]);

  useEffect(() => onEvent((e) => e.channel === 'library.changed' && void reload()), [reload]);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'export-pdf') startExport.current('pdf');
        if (command === 'export-docx') startExport.current('docx');
        if (command === 'print') void autosave.flush().then(() => setPrintRequest((n) => n + 1));
      }),
    [autosave],
  );

  // Lint the current document whenever it is (re)loaded; edits re-lint in onChange, so `current` changing
  // with every keystroke must not re-run this.
  const tocTitleOverride = current?.tocTitleOverride;
  const loaded = tree !== null;
  useEffect(() => {
    if (current) setFindings(lintDocument({ content: latest.current.get(current.id) ?? current.content, tocTitleOverride: current.tocTitleOverride }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId, tocTitleOverride, loaded]);

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
      const doc = tree ? findDocument(tree, id) : undefined;
      setFindings(lintDocument({ content: value, tocTitleOverride: doc?.tocTitleOverride }));
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

  const outlineActions = {
    select,
    moveDocument: (documentId: string, sectionId: string, position: number) => {
      if (!tree) return;
      const from = tree.sections.find((s) => s.documents.some((d) => d.id === documentId));
      const fromIndex = from?.documents.findIndex((d) => d.id === documentId) ?? -1;
      // Positions count without the moved document.
      const index = from?.id === sectionId && fromIndex >= 0 && fromIndex < position ? position - 1 : position;
      void structural(() => api.moveDocument(documentId, sectionId, index));
    },
    moveSection: (sectionId: string, position: number) => void structural(() => api.moveSection(sectionId, position)),
    addSection: () => void structural(() => api.addSection(props.issueId, t.workspace.newSectionName)),
    renameSection: (sectionId: string, name: string) => void structural(() => api.renameSection(sectionId, name)),
    removeSection: (sectionId: string) => {
      const s = tree?.sections.find((x) => x.id === sectionId);
      if (s && confirm(t.workspace.confirmRemoveSection(s.name))) void structural(() => api.removeSection(sectionId));
    },
    addDocument: (sectionId: string) =>
      void structural(async () => {
        // One empty title: the editor's placeholder invites typing, Enter leads on to 文号, 主送, 正文.
        const content = normalizeContent({ blocks: [{ type: 'doc-title', children: [{ text: '' }] }] });
        const { documentId } = await api.addDocument(sectionId, 'notice', content);
        navigate({ screen: 'issue', issueId: props.issueId, documentId });
      }),
    importWord: (sectionId: string, file: File) =>
      void structural(async () => {
        const imported = await api.importWord(sectionId, file.name, await readFileBase64(file));
        showToast(t.workspace.importedWord(imported.title || file.name, imported.warnings.length));
        navigate({ screen: 'issue', issueId: props.issueId, documentId: imported.documentId });
      }),
    importFiles: (sectionId: string, files: File[]) =>
      void structural(async () => {
        showToast(t.importReport.importing(files.length));
        try {
          const payload = [];
          for (const file of files) payload.push({ fileName: file.name, dataBase64: await readFileBase64(file) });
          const imported = await api.importFiles(sectionId, payload);
          setImportReport(imported.documents);
          if (imported.documents[0]) navigate({ screen: 'issue', issueId: props.issueId, documentId: imported.documents[0].id });
        } catch (e) {
          showToast(t.importReport.failed((e as Error).message), 'error');
        }
      }),
    removeDocument: (documentId: string) => {
      const d = tree ? findDocument(tree, documentId) : undefined;
      if (d && confirm(t.workspace.confirmRemoveDocument(d.title || t.workspace.untitled)))
        void structural(async () => {
          await api.removeDocument(documentId);
          latest.current.delete(documentId);
        });
    },
  };

  const goTo = (f: LintFinding) => {
    const editor = editorHandle.current?.editor;
    if (!editor || f.blockIndex < 0 || f.blockIndex >= editor.children.length) return;
    const point = Editor.start(editor, [f.blockIndex]);
    Transforms.select(editor, point);
    ReactEditor.focus(editor);
    try {
      ReactEditor.toDOMNode(editor, editor.children[f.blockIndex]).scrollIntoView({ block: 'center', behavior: 'smooth' });
    } catch {}
  };

  /** Put the caret at the start of a block of the open document and scroll it into view. */
  const placeCaret = (blockIndex: number): boolean => {
    const editor = editorHandle.current?.editor;
    if (!editor || blockIndex < 0 || blockIndex >= editor.children.length) return false;
    Transforms.select(editor, Editor.start(editor, [blockIndex]));
    ReactEditor.focus(editor);
    try {
      ReactEditor.toDOMNode(editor, editor.children[blockIndex]).scrollIntoView({ block: 'center' });
    } catch {}
    return true;
  };

  // From the import report: open the document, then put the caret where the warning points.
  useEffect(() => {
    const pending = pendingCaret.current;
    if (!pending || !current || pending.documentId !== current.id) return;
    let tries = 0;
    const attempt = () => {
      const content = latest.current.get(current.id) ?? current.content;
      if (placeCaret(pending.warning ? warningBlockIndex(content, pending.warning) : 0) || ++tries > 20) pendingCaret.current = null;
      else window.setTimeout(attempt, 100);
    };
    window.setTimeout(attempt, 0);
  }, [currentId, editorKey, current]);

  const goToImported = (documentId: string, warning?: ImportWarning) => {
    setImportReport(null);
    pendingCaret.current = { documentId, warning };
    if (documentId !== currentId) select(documentId);
    else {
      const content = latest.current.get(documentId) ?? current?.content;
      if (content) placeCaret(warning ? warningBlockIndex(content, warning) : 0);
      pendingCaret.current = null;
    }
  };

  const fix = async (f: LintFinding) => {
    const editor = editorHandle.current?.editor;
    if (!f.fix || !current) return;
    if (f.fix.kind === 'clear-toc-title') {
      await structural(() => api.setTocTitle(current.id, null));
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

  const onPageMap = useCallback(
    (map: PageMap, pages: number) => {
      setPageMap(map);
      const key = hashString(JSON.stringify(map.documents));
      void api.setPageMap(props.issueId, pages, key, map.documents, map.compactTables).catch(() => undefined);
    },
    [props.issueId],
  );

  const saveSettings = async (patch: Parameters<typeof api.updateIssue>[1]) => {
    setSettingsOpen(false);
    await structural(() => api.updateIssue(props.issueId, patch));
  };

  const pages = useMemo(() => pageMap?.documents, [pageMap]);

  // 全刊检查: every document's findings; export first shows them (修正 / 忽略 / 仍然导出).
  const issueChecks = useIssueChecks(tree);
  const startExport = useRef<(kind: 'pdf' | 'docx') => void>(() => undefined);
  startExport.current = (kind) =>
    void autosave.flush().then(() => {
      setSettledTree();
      if (issueChecks.all.length) setPreExport(kind);
      else setExporting(kind);
    });
  /** The current document's latest edits into the tree now (not after the settle delay). */
  const setSettledTree = () => {
    const id = currentId;
    const value = id ? latest.current.get(id) : undefined;
    if (id && value) setTree((tr) => (tr ? withContent(tr, id, value) : tr));
  };
  const openFinding = (f: IssueFinding) => {
    setPreExport(null);
    setPanel('checks');
    if (f.documentId !== currentId) select(f.documentId);
    else goTo(f.finding);
  };
  const fixFinding = async (f: IssueFinding) => {
    const fixKind = f.finding.fix;
    if (!fixKind) return openFinding(f);
    if (f.documentId === currentId && fixKind.kind !== 'clear-toc-title') {
      await fix(f.finding);
      setSettledTree();
      return;
    }
    const doc = tree ? findDocument(tree, f.documentId) : undefined;
    if (!doc) return;
    if (fixKind.kind === 'clear-toc-title') return structural(() => api.setTocTitle(doc.id, null));
    const content = applyFix(latest.current.get(doc.id) ?? doc.content, fixKind);
    // The reload keeps unsaved edits from `latest` over the store: the fixed content is the latest now.
    if (latest.current.has(doc.id)) latest.current.set(doc.id, content);
    await structural(() => api.saveDocument(doc.id, content));
  };
  const otherFindings = issueChecks.all.filter((f) => f.documentId !== currentId);

  if (error) return <div className="banner error">{t.common.error(error)}</div>;
  if (!tree) return <div className="loading-screen">{t.common.loading}</div>;
  const issue = tree.issue;
  const save = autosave.state;

  return (
    <div className="workspace">
      <header className="app-header">
        <button type="button" className="btn ghost" onClick={() => void autosave.flush().then(() => navigate({ screen: 'library' }))}>
          ‹ {t.workspace.back}
        </button>
        <div className="issue-title">
          <strong>{t.issueName(issue.year, issue.number)}</strong>
          <span className="muted">{t.cumulativeName(issue.cumulativeNumber)}</span>
          <span className={`status status-${issue.status}`}>{t.status[issue.status]}</span>
        </div>
        <div className={`save-state save-${save.kind}`} data-testid="save-state" data-state={save.kind} role="status">
          {save.kind === 'saving' ? t.save.saving : save.kind === 'saved' ? t.save.saved : save.kind === 'failed' ? t.save.failed(save.reason) : ''}
        </div>
        <div className="header-actions">
          <button type="button" className="btn" onClick={() => setSettingsOpen(true)} data-testid="open-settings">
            {t.workspace.settings}
          </button>
          <button type="button" className="btn" onClick={() => void autosave.flush().then(() => setPrintRequest((n) => n + 1))}>
            {t.workspace.print}
          </button>
          <button type="button" className="btn" data-testid="publish-web" onClick={() => void autosave.flush().then(() => setExporting('web'))}>
            {t.workspace.publishWeb}
          </button>
          <button type="button" className="btn" onClick={() => startExport.current('docx')}>
            {t.workspace.exportDocx}
          </button>
          <button type="button" className="btn primary" data-testid="export-pdf" onClick={() => startExport.current('pdf')}>
            {t.workspace.exportPdf}
          </button>
        </div>
      </header>
      <div className="workspace-body">
        <Outline tree={tree} currentId={currentId} pages={pages} findingCounts={issueChecks.counts}
          actions={outlineActions}
          onDocContextMenu={(e, documentId) =>
            setOutlineMenu({
              x: e.clientX,
              y: e.clientY,
              items: outlineDocMenuItems(tree, documentId, { ...outlineActions, setTocTitle: (id, title) => void structural(() => api.setTocTitle(id, title)) }),
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
            />
          ) : (
            <div className="empty">{t.workspace.noDocument}</div>
          )}
        </main>
        <aside className="side-pane">
          <div className="tabs" role="tablist">
            {(['preview', 'thumbnails', 'toc', 'checks', 'history'] as Panel[]).map((p) => (
              <button key={p} type="button" role="tab" aria-selected={panel === p} className={`tab${panel === p ? ' active' : ''}`} data-testid={`tab-${p}`} onClick={() => setPanel(p)}>
                {t.panels[p]}
                {p === 'checks' && findings.length ? <span className="badge">{findings.length}</span> : null}
              </button>
            ))}
          </div>
          <div className="side-content">
            <div className={panel === 'preview' ? 'tab-page' : 'tab-page parked'}>
              <UnitPreview tree={tree} documentId={currentId} pageMap={pageMap} version={layoutVersion} />
            </div>
            <div className={panel === 'thumbnails' ? 'tab-page' : 'tab-page parked'}>
              <IssueLayout tree={tree} visible={panel === 'thumbnails'} version={layoutVersion} onPageMap={onPageMap} printRequest={printRequest} />
            </div>
            {panel === 'toc' ? <TocPanel tree={tree} pageMap={pageMap} onSelect={select} /> : null}
            {panel === 'checks' ? (
              <ChecksPanel
                findings={findings}
                onGoTo={goTo}
                onFix={(f) => void fix(f)}
                otherFindings={otherFindings}
                onOpenOther={openFinding}
                onFixOther={(f) => void fixFinding(f)}
                onIgnoreOther={issueChecks.ignore}
              />
            ) : null}
            {panel === 'history' && current ? (
              <HistoryPanel
                documentId={current.id}
                refreshKey={historyKey}
                onRestore={(content) => {
                  latest.current.set(current.id, content);
                  setTree((tr) => (tr ? withContent(tr, current.id, content) : tr));
                  setEditorKey((k) => k + 1);
                  showToast(t.history.restored);
                }}
              />
            ) : null}
          </div>
        </aside>
      </div>
      {settingsOpen ? <SettingsDialog issue={issue} onSave={(p) => void saveSettings(p)} onClose={() => setSettingsOpen(false)} /> : null}
      {preExport ? (
        <PreExportChecks
          findings={issueChecks.all}
          kind={preExport}
          onOpen={openFinding}
          onFix={(f) => void fixFinding(f)}
          onIgnore={issueChecks.ignore}
          onCancel={() => setPreExport(null)}
          onExport={() => {
            setExporting(preExport);
            setPreExport(null);
          }}
        />
      ) : null}
      {exporting ? <ExportDialog issueId={props.issueId} kind={exporting} onClose={() => setExporting(null)} /> : null}
      {importReport ? <ImportReport documents={importReport} onGoTo={goToImported} onClose={() => setImportReport(null)} /> : null}
    </div>
  );
}
