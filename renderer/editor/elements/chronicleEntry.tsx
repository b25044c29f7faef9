import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const chronicleEntryPlugin: ElementPlugin = {
  type: 'chronicle-entry',
  entries: [{ key: 'chronicle-entry', label: t.elements['chronicle-entry'], apply: (e) => setBlockType(e, 'chronicle-entry'), active: (el) => el.type === 'chronicle-entry' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-chronicle-entry">{children}</p>,
};
