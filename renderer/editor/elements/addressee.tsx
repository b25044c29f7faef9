import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const addresseePlugin: ElementPlugin = {
  type: 'addressee',
  entries: [{ key: 'addressee', label: t.elements.addressee, hotkey: 'mod+alt+a', apply: (e) => setBlockType(e, 'addressee'), active: (el) => el.type === 'addressee' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-addressee">{children}</p>,
};
