import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const docTitlePlugin: ElementPlugin = {
  type: 'doc-title',
  entries: [{ key: 'doc-title', label: t.elements['doc-title'], hotkey: 'mod+alt+t', apply: (e) => setBlockType(e, 'doc-title'), active: (el) => el.type === 'doc-title' }],
  render: ({ attributes, children }) => <h1 {...attributes} className="el-doc-title">{children}</h1>,
};
