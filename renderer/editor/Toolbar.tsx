import { useRef } from 'react';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import { t } from '../i18n';
import { Editor } from 'slate';
import type { TextLeaf } from '../../common/model';
import { INSERTABLE_IMAGE_TYPES } from '../../common/render/insertImage';
import { currentBlock, currentTextBlock, toggleFace, toggleMark } from './commands';
import { blockEntries } from './elements';
import { hotkeyLabel } from './hotkeys';
import { inTable, insertTable, runTableCommand, type TableCommand, type TableSizeChoice } from './tableCommands';
import type { GazetteEditor } from './types';
import { TABLE_STRUCTURE_ITEMS } from './editorMenu';

function Button(props: { label: string; title?: string; active?: boolean; disabled?: boolean; onPress: () => void; className?: string; testId?: string }) {
  return (
    <button
      type="button"
      className={`tb-btn${props.active ? ' active' : ''}${props.className ? ' ' + props.className : ''}`}
      title={props.title ?? props.label}
      disabled={props.disabled}
      data-testid={props.testId}
      onMouseDown={(e) => {
        e.preventDefault();
        props.onPress();
      }}
    >
      {props.label}
    </button>
  );
}

const TABLE_BUTTONS: Array<[TableCommand, string]> = [
  ...TABLE_STRUCTURE_ITEMS,
  ['align-left', t.editor.alignLeft],
  ['align-center', t.editor.alignCenter],
  ['align-right', t.editor.alignRight],
  ['col-wider', t.editor.colWider],
  ['col-narrower', t.editor.colNarrower],
  ['col-auto', t.editor.colAuto],
];

/** What the toolbar shows: it re-renders when this changes, not on every keystroke. */
interface ToolbarState {
  activeKey: string;
  bold: boolean;
  kai: boolean;
  hei: boolean;
  underline: boolean;
  superscript: boolean;
  leadIn: boolean;
  table?: { headerRows: number; size?: string };
}

function toolbarState(editor: GazetteEditor): ToolbarState {
  const block = currentTextBlock(editor)?.[0] ?? currentBlock(editor)?.[0];
  const tableEntry = inTable(editor) ? currentBlock(editor)?.[0] : undefined;
  const marks = (Editor.marks(editor) ?? {}) as TextLeaf;
  return {
    activeKey: block ? blockEntries.find((e) => e.active?.(block))?.key ?? '' : '',
    bold: !!marks.bold,
    kai: marks.face === 'kai',
    hei: marks.face === 'hei',
    underline: !!marks.underline,
    superscript: !!marks.superscript,
    leadIn: !!marks.leadIn,
    table: tableEntry?.type === 'table' ? { headerRows: tableEntry.headerRows, size: tableEntry.size } : undefined,
  };
}

function sameToolbarState(a: ToolbarState | null, b: ToolbarState): boolean {
  if (!a) return false;
  const keys = ['activeKey', 'bold', 'kai', 'hei', 'underline', 'superscript', 'leadIn'] as const;
  return keys.every((k) => a[k] === b[k]) && a.table?.headerRows === b.table?.headerRows && a.table?.size === b.table?.size;
}

export function Toolbar(props: { onInsertImage: (editor: GazetteEditor) => void; onToggleFind: () => void }) {
  const editor = useSlateStatic() as GazetteEditor;
  const fileInput = useRef<HTMLInputElement>(null);
  const state = useSlateSelector((e) => toolbarState(e as GazetteEditor), sameToolbarState);
  const { activeKey } = state;
  const tableEntry = state.table;
  return (
    <div className="toolbar" role="toolbar">
      <div className="tb-group">
        <Button label="↶" title={`${t.editor.undo} (${hotkeyLabel('mod+z')})`} onPress={() => editor.undo()} />
        <Button label="↷" title={`${t.editor.redo} (${hotkeyLabel('mod+shift+z')})`} onPress={() => editor.redo()} />
      </div>
      <div className="tb-group">
        <select
          className="tb-select"
          title={t.editor.blockType}
          data-testid="block-type"
          value={activeKey}
          onChange={(e) => {
            const entry = blockEntries.find((x) => x.key === e.target.value);
            entry?.apply(editor);
          }}
        >
          <option value="" disabled>
            {t.editor.blockType}
          </option>
          {blockEntries.map((entry) => (
            <option key={entry.key} value={entry.key} title={entry.hotkey ? hotkeyLabel(entry.hotkey) : undefined}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <div className="tb-group">
        <Button label="B" className="b" title={`${t.editor.bold} (${hotkeyLabel('mod+b')})`} active={state.bold} onPress={() => toggleMark(editor, 'bold')} />
        <Button label="楷" title={t.editor.kai} active={state.kai} onPress={() => toggleFace(editor, 'kai')} />
        <Button label="黑" title={t.editor.hei} active={state.hei} onPress={() => toggleFace(editor, 'hei')} />
        <Button label="U" className="u" title={`${t.editor.underline} (${hotkeyLabel('mod+u')})`} active={state.underline} onPress={() => toggleMark(editor, 'underline')} />
        <Button label="x²" title={t.editor.superscript} active={state.superscript} onPress={() => toggleMark(editor, 'superscript')} />
        <Button label="引" title={t.editor.leadIn} active={state.leadIn} onPress={() => toggleMark(editor, 'leadIn')} />
      </div>
      <div className="tb-group">
        <Button label={t.editor.insertTable} testId="insert-table" onPress={() => insertTable(editor)} />
        <Button label={t.editor.image} onPress={() => fileInput.current?.click()} />
        <input ref={fileInput} type="file" accept={INSERTABLE_IMAGE_TYPES.join(',')} hidden onChange={() => props.onInsertImage(editor)} data-role="image-input" />
        <Button label={t.editor.find} title={`${t.editor.find} (${hotkeyLabel('mod+f')})`} onPress={props.onToggleFind} />
      </div>
      {tableEntry ? (
        <div className="tb-group tb-table" data-testid="table-tools">
          {TABLE_BUTTONS.map(([command, label]) => (
            <Button key={command} label={label} testId={`table-${command}`} onPress={() => runTableCommand(editor, command)} />
          ))}
          <span className="tb-label">{`${t.editor.headerRows}：${tableEntry.headerRows}`}</span>
          <Button label="＋" title={`${t.editor.headerRows} +1`} onPress={() => runTableCommand(editor, 'header-more')} />
          <Button label="－" title={`${t.editor.headerRows} −1`} onPress={() => runTableCommand(editor, 'header-less')} />
          <select
            className="tb-select"
            title={t.editor.tableSize}
            data-testid="table-size"
            value={tableEntry.size ?? 'auto'}
            onChange={(e) => runTableCommand(editor, `size-${e.target.value as TableSizeChoice}`)}
          >
            <option value="auto">{t.editor.tableSizeAuto}</option>
            <option value="normal">{t.editor.tableSizeNormal}</option>
            <option value="compact">{t.editor.tableSizeCompact}</option>
          </select>
          <Button label={t.editor.removeTable} className="danger" onPress={() => runTableCommand(editor, 'remove-table')} />
        </div>
      ) : null}
    </div>
  );
}

export function marksShortcut(editor: GazetteEditor, key: string): boolean {
  if (key === 'b') toggleMark(editor, 'bold');
  else if (key === 'u') toggleMark(editor, 'underline');
  else return false;
  return true;
}
