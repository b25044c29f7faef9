import type { HeadingLevel } from '../../../common/model';
import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

const levels: HeadingLevel[] = [1, 2, 3, 4];

/** Four levels; the literal numbers (一、（一）1.（1）) are rewritten by the editor after each structural change. */
export const headingPlugin: ElementPlugin = {
  type: 'heading',
  entries: levels.map((level) => ({
    key: `heading${level}`,
    label: t.elements[`heading${level}`],
    hotkey: `mod+${level}`,
    apply: (e) => setBlockType(e, 'heading', { level }),
    active: (el) => el.type === 'heading' && el.level === level,
  })),
  render: ({ attributes, children, element }) => (
    <p {...attributes} className={`el-heading el-heading-${element.type === 'heading' ? element.level : 1}`}>
      {children}
    </p>
  ),
};
