import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const paragraphPlugin: ElementPlugin = {
  type: 'paragraph',
  entries: [{ key: 'paragraph', label: t.elements.paragraph, hotkey: 'mod+0', apply: (e) => setBlockType(e, 'paragraph'), active: (el) => el.type === 'paragraph' }],
  render: ({ attributes, children, element }) => {
    const p = element.type === 'paragraph' ? element : undefined;
    const cls = ['el-paragraph', p?.indent === false ? 'no-indent' : '', p?.align ? `align-${p.align}` : '', p?.role ? `role-${p.role}` : ''].join(' ');
    return (
      <p {...attributes} className={cls} style={p?.align ? { textAlign: p.align } : undefined}>
        {children}
      </p>
    );
  },
};
