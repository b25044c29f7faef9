import { insertBlockAfter } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const pageBreakPlugin: ElementPlugin = {
  type: 'page-break',
  isVoid: true,
  entries: [
    {
      key: 'page-break',
      label: t.elements['page-break'],
      hotkey: 'mod+enter',
      apply: (e) => {
        insertBlockAfter(e, { type: 'page-break', children: [{ text: '' }] });
        insertBlockAfter(e, { type: 'paragraph', children: [{ text: '' }] });
      },
    },
  ],
  render: ({ attributes, children }) => (
    <div {...attributes} className="el-page-break">
      <div contentEditable={false} className="page-break-line">
        <span>{t.elements['page-break']}</span>
      </div>
      {children}
    </div>
  ),
};
