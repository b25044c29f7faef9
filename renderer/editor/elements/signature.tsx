import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { RenderElementProps } from 'slate-react';
import type { AnyElement } from '../../../common/model';
import type { ElementPlugin } from './plugin';
import { useMinutesHeadClass } from './minutesHead';

export const signaturePlugin: ElementPlugin = {
  type: 'signature',
  entries: [{ key: 'signature', label: t.elements.signature, apply: (e) => setBlockType(e, 'signature'), active: (el) => el.type === 'signature' }],
  render: (props) => <Signature {...props} />,
};

function Signature({ attributes, children, element }: RenderElementProps & { element: AnyElement }) {
  return <p {...attributes} className={useMinutesHeadClass(element, 'el-signature')}>{children}</p>;
}
