import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const signaturePlugin: ElementPlugin = {
  type: 'signature',
  entries: [{ key: 'signature', label: t.elements.signature, apply: (e) => setBlockType(e, 'signature'), active: (el) => el.type === 'signature' }],
  render: ({ attributes, children }) => <p {...attributes} className="el-signature">{children}</p>,
};
