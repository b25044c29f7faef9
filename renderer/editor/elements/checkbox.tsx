import { Transforms } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';
import type { RenderElementProps } from 'slate-react';

function Checkbox({ attributes, children, element }: RenderElementProps) {
  const editor = useSlateStatic();
  const checked = element.type === 'checkbox' && element.checked;
  return (
    <p {...attributes} className="el-checkbox">
      <span
        contentEditable={false}
        className="checkbox-box"
        onMouseDown={(e) => {
          e.preventDefault();
          Transforms.setNodes(editor, { checked: !checked }, { at: ReactEditor.findPath(editor, element) });
        }}
      >
        {checked ? '☑' : '□'}
      </span>
      {children}
    </p>
  );
}

export const checkboxPlugin: ElementPlugin = {
  type: 'checkbox',
  entries: [{ key: 'checkbox', label: t.elements.checkbox, apply: (e) => setBlockType(e, 'checkbox'), active: (el) => el.type === 'checkbox' }],
  render: (props) => <Checkbox {...props} />,
};
