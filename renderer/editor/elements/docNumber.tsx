import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const docNumberPlugin: ElementPlugin = {
  type: 'doc-number',
  entries: [{ key: 'doc-number', label: t.elements['doc-number'], hotkey: 'mod+alt+n', apply: (e) => setBlockType(e, 'doc-number'), active: (el) => el.type === 'doc-number' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-doc-number">{children}</p>,
};
