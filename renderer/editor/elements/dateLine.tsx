import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const dateLinePlugin: ElementPlugin = {
  type: 'date-line',
  entries: [{ key: 'date-line', label: t.elements['date-line'], hotkey: 'mod+alt+d', apply: (e) => setBlockType(e, 'date-line'), active: (el) => el.type === 'date-line' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-date-line">{children}</p>,
};
