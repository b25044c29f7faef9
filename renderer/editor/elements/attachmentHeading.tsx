import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const attachmentHeadingPlugin: ElementPlugin = {
  type: 'attachment-heading',
  entries: [{ key: 'attachment-heading', label: t.elements['attachment-heading'], apply: (e) => setBlockType(e, 'attachment-heading'), active: (el) => el.type === 'attachment-heading' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-attachment-heading">{children}</p>,
};
