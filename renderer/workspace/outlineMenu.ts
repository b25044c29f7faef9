/** The outline's right-click menu for a document: open, 目录标题, move to another section, delete. */
import { tocTitle, type IssueTree } from '../../common/model';
import type { MenuItem } from '../ContextMenu';
import { t } from '../i18n';
import type { OutlineActions } from './Outline';

export function outlineDocMenuItems(tree: IssueTree, documentId: string, actions: OutlineActions & { setTocTitle(documentId: string, title: string | null): void; exportDocument(documentId: string): void }): MenuItem[] {
  const section = tree.sections.find((s) => s.documents.some((d) => d.id === documentId));
  const doc = section?.documents.find((d) => d.id === documentId);
  if (!section || !doc) return [];
  const items: MenuItem[] = [
    { label: t.menu.open, onSelect: () => actions.select(documentId), testId: 'outline-menu-open' },
    {
      label: t.menu.rename,
      testId: 'outline-menu-rename',
      onSelect: () => {
        const title = window.prompt(t.menu.renamePrompt, tocTitle(doc));
        if (title !== null) actions.setTocTitle(documentId, title.trim() && title.trim() !== doc.title ? title.trim() : null);
      },
    },
  ];
  items.push({ label: t.menu.exportDocument, onSelect: () => actions.exportDocument(documentId), testId: 'outline-menu-export' });
  const others = tree.sections.filter((s) => s.id !== section.id);
  if (others.length) {
    items.push('separator');
    for (const target of others) items.push({ label: t.menu.moveTo(target.name), onSelect: () => actions.moveDocument(documentId, target.id, target.documents.length), testId: 'outline-menu-move' });
  }
  items.push('separator', { label: t.menu.removeDocument, danger: true, onSelect: () => actions.removeDocument(documentId), testId: 'outline-menu-remove' });
  return items;
}
