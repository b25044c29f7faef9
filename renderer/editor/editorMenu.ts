/**
 * The editor's right-click menu: cut/copy/paste, paragraph styles, insert, and inside a table the row,
 * column, merge and split commands. Each entry shows its shortcut, as in Word and WPS.
 */
import { ReactEditor } from 'slate-react';
import type { MenuItem } from '../ContextMenu';
import { t } from '../i18n';
import { insertBlockAfter } from './commands';
import { blockEntries } from './elements';
import { hotkeyLabel } from './hotkeys';
import { inTable, insertTable, runTableCommand, type TableCommand } from './tableCommands';
import type { GazetteEditor } from './types';

/** Row, column, merge and split commands: the table menu and the table toolbar list them alike. */
export const TABLE_STRUCTURE_ITEMS: Array<[TableCommand, string]> = [
  ['row-above', t.editor.rowAbove],
  ['row-below', t.editor.rowBelow],
  ['col-left', t.editor.colLeft],
  ['col-right', t.editor.colRight],
  ['remove-row', t.editor.removeRow],
  ['remove-col', t.editor.removeCol],
  ['merge-right', t.editor.mergeRight],
  ['merge-down', t.editor.mergeDown],
  ['merge-selection', t.editor.mergeSelection],
  ['split', t.editor.split],
];

async function paste(editor: GazetteEditor): Promise<void> {
  try {
    const text = await navigator.clipboard.readText();
    if (!text) return;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    ReactEditor.focus(editor);
    editor.insertData(data);
  } catch {
    // The browser refused clipboard access: Ctrl+V still works.
    window.alert(t.menu.pasteBlocked);
  }
}

export function editorMenuItems(editor: GazetteEditor): MenuItem[] {
  const run = (command: string) => () => {
    ReactEditor.focus(editor);
    document.execCommand(command);
  };
  const items: MenuItem[] = [
    { label: t.menu.cut, shortcut: hotkeyLabel('mod+x'), onSelect: run('cut'), testId: 'menu-cut' },
    { label: t.menu.copy, shortcut: hotkeyLabel('mod+c'), onSelect: run('copy'), testId: 'menu-copy' },
    { label: t.menu.paste, shortcut: hotkeyLabel('mod+v'), onSelect: () => void paste(editor), testId: 'menu-paste' },
  ];
  if (inTable(editor)) {
    items.push('separator', { heading: t.menu.table });
    for (const [command, label] of TABLE_STRUCTURE_ITEMS) items.push({ label, onSelect: () => runTableCommand(editor, command), testId: `menu-table-${command}` });
  }
  items.push('separator', { heading: t.editor.blockType });
  for (const entry of blockEntries) {
    items.push({ label: entry.label, shortcut: entry.hotkey ? hotkeyLabel(entry.hotkey) : undefined, onSelect: () => entry.apply(editor), testId: `menu-style-${entry.key}` });
  }
  items.push(
    'separator',
    { heading: t.menu.insert },
    { label: t.editor.insertTable, onSelect: () => insertTable(editor), testId: 'menu-insert-table' },
    {
      label: t.elements['page-break'],
      shortcut: hotkeyLabel('mod+enter'),
      onSelect: () => {
        insertBlockAfter(editor, { type: 'page-break', children: [{ text: '' }] });
        insertBlockAfter(editor, { type: 'paragraph', children: [{ text: '' }] });
      },
    },
  );
  return items;
}
