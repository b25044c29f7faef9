/**
 * The Slate editor for one document. Its value is DocumentContent.blocks; every change is reported to
 * the owner (autosave, preview, checks) as normalised content.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createEditor, Node, Range, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { SCHEMA_VERSION, type BlockElement, type DocumentContent, type TextLeaf } from '../../common/model';
import { insertImageProblem } from '../../common/render/insertImage';
import { api, onMenuCommand } from '../api';
import { t } from '../i18n';
import { insertBlockAfter } from './commands';
import { blockEntries, pluginByType } from './elements';
import { decorateRunIn } from './elements/heading';
import { decorateTitleLines } from './elements/docTitle';
import { decorateMatches, findMatches, replaceAll, replaceMatch } from './find';
import { isHotkey } from './hotkeys';
import { marksShortcut, Toolbar } from './Toolbar';
import type { GazetteEditor as GazetteEditorType } from './types';
import { markInput } from '../workspace/activity';
import { withGazette } from './withGazette';
import { withParagraphFlow } from './withParagraphFlow';
import { withTypingUndoSteps } from './undoSteps';
import { withTableBounds } from './withTableBounds';
import { pressTab } from './tabKey';
import { handleBeforeInput, handleCompositionStart, handleKeyInOrder, syncSelectionFromDom } from './selectionSync';
import { ContextMenu, type MenuState } from '../ContextMenu';
import { editorMenuItems } from './editorMenu';
import './types';
import { readFileBase64 } from '../files';
import { showToast } from '../ui';
import { hideFromReactSelectionWalk, scrollCaretIntoView } from './typingCost';

export interface EditorHandle {
  editor: GazetteEditorType;
}

function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  const l = leaf as TextLeaf & { highlight?: boolean; runInLead?: boolean; issuerLine?: boolean; wordEnd?: boolean };
  const cls = [l.bold ? 'm-bold' : '', l.face ? `m-face-${l.face}` : '', l.underline ? 'm-underline' : '', l.leadIn ? 'm-leadin' : '', l.runInLead ? 'm-runin-lead' : '', l.issuerLine ? 'm-issuer-line' : '', l.wordEnd ? 'm-word-end' : '', l.highlight ? 'm-highlight' : '']
    .filter(Boolean)
    .join(' ');
  const content = l.superscript ? <sup>{children}</sup> : (children as ReactNode);
  return (
    <span {...attributes} className={cls || undefined}>
      {content}
    </span>
  );
}

/** Every element carries its model type (`data-type="paragraph"`) so tests and tools can read the structure. */
function renderElement(props: RenderElementProps) {
  const attributes = { ...props.attributes, 'data-type': props.element.type } as RenderElementProps['attributes'];
  const plugin = pluginByType.get(props.element.type);
  if (plugin) return plugin.render({ ...props, attributes });
  return <p {...attributes}>{props.children}</p>;
}

function countChars(blocks: Descendant[]): number {
  let n = 0;
  for (const block of blocks) n += Node.string(block).replace(/[\s\u3000]/g, '').length;
  return n;
}

export function GazetteEditor(props: {
  documentId: string;
  initial: DocumentContent;
  onChange: (content: DocumentContent) => void;
  handleRef?: RefObject<EditorHandle | null>;
  /** Show the find bar with this text highlighted (a search hit); a new `key` shows it again. */
  find?: { query: string; key: number };
  /** The find bar's 全刊 button: the same text in every document of the issue. */
  onFindInIssue?: (query: string) => void;
}) {
  const editor = useMemo(() => withParagraphFlow(withTableBounds(withTypingUndoSteps(withGazette(withHistory(withReact(createEditor())))))), []);
  const [findOpen, setFindOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [chars, setChars] = useState(() => countChars(props.initial.blocks as Descendant[]));
  const [matchCount, setMatchCount] = useState(0);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const countTimer = useRef<number | undefined>(undefined);
  const findInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.handleRef) props.handleRef.current = { editor };
  }, [editor, props.handleRef]);
  useLayoutEffect(() => hideFromReactSelectionWalk(ReactEditor.toDOMNode(editor, editor)), [editor]);

  useEffect(() => setMatchCount(findMatches(editor, query).length), [editor, query]);
  // Opened on a hit: the bar shows the text and every occurrence is highlighted; the caller selects the hit
  // (the bar does not take the focus from the editor then).
  useEffect(() => {
    if (!props.find?.query) return;
    setQuery(props.find.query);
    setMatchIndex(-1);
    setFindOpen(true);
  }, [props.find?.key, props.find?.query]);
  // The bar takes room above the text: keep the selection (the hit just shown) in view once it is there.
  useEffect(() => {
    if (!findOpen || !editor.selection) return;
    try {
      ReactEditor.toDOMRange(editor, editor.selection).startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    } catch {}
  }, [findOpen, editor]);
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command !== 'find') return;
        setFindOpen(true);
        setTimeout(() => findInput.current?.select(), 0);
      }),
    [],
  );

  const decorate = useCallback((entry: [Node, number[]]) => [...decorateRunIn(entry), ...decorateTitleLines(entry), ...decorateMatches(query, entry)], [query]);

  const onValueChange = (value: Descendant[]) => {
    const contentChanged = editor.operations.some((op) => op.type !== 'set_selection');
    if (!contentChanged) return;
    markInput();
    // The 版头/版记 the importer kept (content.meta) are not edited here: carry them along.
    props.onChange({ schemaVersion: SCHEMA_VERSION, blocks: value as BlockElement[], ...(props.initial.meta ? { meta: props.initial.meta } : {}) });
    window.clearTimeout(countTimer.current);
    countTimer.current = window.setTimeout(() => {
      setChars(countChars(editor.children));
      if (query) setMatchCount(findMatches(editor, query).length);
    }, 300);
  };

  const goToMatch = (step: number) => {
    const matches = findMatches(editor, query);
    if (!matches.length) return;
    const next = (((matchIndex + step) % matches.length) + matches.length) % matches.length;
    setMatchIndex(next);
    Transforms.select(editor, matches[next]);
    try {
      ReactEditor.toDOMRange(editor, matches[next]).startContainer.parentElement?.scrollIntoView({ block: 'center' });
    } catch {}
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    markInput();
    // The DOM shows the model and Slate the caret the person sees before any key acts; caret keys act here.
    if (handleKeyInOrder(editor, event)) return;
    if (isHotkey('mod+z', event)) {
      event.preventDefault();
      editor.undo();
      return;
    }
    if (isHotkey('mod+shift+z', event) || isHotkey('mod+y', event)) {
      event.preventDefault();
      editor.redo();
      return;
    }
    if (isHotkey('mod+f', event) || isHotkey('mod+h', event)) {
      event.preventDefault();
      setFindOpen(true);
      setTimeout(() => findInput.current?.select(), 0);
      return;
    }
    for (const key of ['b', 'u']) {
      if (isHotkey(`mod+${key}`, event)) {
        event.preventDefault();
        marksShortcut(editor, key);
        return;
      }
    }
    for (const entry of blockEntries) {
      if (entry.hotkey && isHotkey(entry.hotkey, event)) {
        event.preventDefault();
        entry.apply(editor);
        return;
      }
    }
    // Tab never leaves the editor: next cell (a new row after the last), a heading's level at its start, else nothing.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      pressTab(editor, event.shiftKey);
    }
  };

  const onInsertImage = async (ed: GazetteEditorType) => {
    const input = document.querySelector<HTMLInputElement>('input[data-role="image-input"]');
    const file = input?.files?.[0];
    if (!file) return;
    const problem = insertImageProblem(file);
    if (problem) {
      showToast(problem, 'error');
      if (input) input.value = '';
      return;
    }
    try {
      const { assetId } = await api.putAsset(file.type, await readFileBase64(file));
      insertBlockAfter(ed, { type: 'image', assetId, alt: file.name, children: [{ text: '' }] });
    } catch (e) {
      // An image that cannot be stored (too large, unreadable) is said, not dropped silently.
      showToast(t.common.error((e as Error).message), 'error');
    } finally {
      if (input) input.value = '';
    }
  };

  return (
    <Slate editor={editor} initialValue={props.initial.blocks as Descendant[]} onChange={onValueChange}>
      <Toolbar
        onInsertImage={(ed) => void onInsertImage(ed)}
        onToggleFind={() => {
          setFindOpen((v) => !v);
          setTimeout(() => findInput.current?.select(), 0);
        }}
      />
      {findOpen ? (
        <div className="find-bar" data-testid="find-bar">
          <input
            ref={findInput}
            data-testid="find-query"
            placeholder={t.editor.find}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setMatchIndex(-1);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') goToMatch(e.shiftKey ? -1 : 1);
              if (e.key === 'Escape') setFindOpen(false);
            }}
          />
          <input placeholder={t.editor.replace} value={replacement} onChange={(e) => setReplacement(e.target.value)} />
          <span className="find-count">{t.editor.matches(matchCount)}</span>
          <button type="button" onClick={() => goToMatch(-1)}>{t.editor.findPrev}</button>
          <button type="button" onClick={() => goToMatch(1)}>{t.editor.findNext}</button>
          <button
            type="button"
            onClick={() => {
              const matches = findMatches(editor, query);
              const sel = editor.selection;
              const current = sel && matches.find((m) => Range.equals(Range.intersection(m, sel) ?? m, sel) && Range.equals(m, sel));
              if (current) replaceMatch(editor, current, replacement);
              goToMatch(0);
            }}
          >
            {t.editor.replaceOne}
          </button>
          <button type="button" onClick={() => replaceAll(editor, query, replacement)}>{t.editor.replaceAll}</button>
          {props.onFindInIssue ? (
            <button type="button" data-testid="find-in-issue" title={t.issueFind.query} onClick={() => props.onFindInIssue?.(query)}>
              {t.issueFind.inIssue}
            </button>
          ) : null}
          <button type="button" className="close" onClick={() => setFindOpen(false)} aria-label={t.common.close}>×</button>
        </div>
      ) : null}
      <div className="editor-scroll">
        <div className="paper">
          <Editable
            className="editable"
            data-testid="editor"
            renderElement={renderElement}
            renderLeaf={Leaf}
            decorate={decorate}
            scrollSelectionIntoView={scrollCaretIntoView}
            onKeyDown={onKeyDown}
            onDOMBeforeInput={(event) => handleBeforeInput(editor, event)}
            onCompositionStart={() => handleCompositionStart(editor)}
            onContextMenu={(event) => {
              // The browser has put the caret where the click was (or kept a selection around it).
              event.preventDefault();
              syncSelectionFromDom(editor);
              setMenu({ x: event.clientX, y: event.clientY, items: editorMenuItems(editor) });
            }}
            spellCheck={false}
            placeholder={t.editor.placeholder}
            lang="zh-CN"
          />
        </div>
      </div>
      {menu ? <ContextMenu menu={menu} onClose={() => setMenu(null)} testId="editor-menu" /> : null}
      <div className="editor-status">
        <span data-testid="char-count">{t.editor.chars(chars)}</span>
      </div>
    </Slate>
  );
}
