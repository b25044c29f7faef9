import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { RenderElementProps } from 'slate-react';
import type { AnyElement } from '../../../common/model';
import type { ElementPlugin } from './plugin';
import { useMinutesHeadClass } from './minutesHead';

export const dateLinePlugin: ElementPlugin = {
  type: 'date-line',
  entries: [{ key: 'date-line', label: t.elements['date-line'], hotkey: 'mod+alt+d', apply: (e) => setBlockType(e, 'date-line'), active: (el) => el.type === 'date-line' }],
  render: (props) => <DateLine {...props} />,
};

function DateLine({ attributes, children, element }: RenderElementProps & { element: AnyElement }) {
  return <p {...attributes} className={useMinutesHeadClass(element, 'el-date-line')}>{children}</p>;
}
