import { toAttachmentList } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

/** 附件说明: the list, and (below) each item with its literal number. */
export const attachmentListPlugin: ElementPlugin = {
  type: 'attachment-list',
  entries: [
    {
      key: 'attachment-list',
      label: t.elements['attachment-list'],
      apply: (e) => toAttachmentList(e),
      active: (el) => el.type === 'attachment-list',
    },
  ],
  render: ({ attributes, children }) => (
    <div {...attributes} className="el-attachment-list">
      <span className="attachment-label" contentEditable={false}>附件：</span>
      <div className="attachment-items">{children}</div>
    </div>
  ),
};

export const attachmentItemPlugin: ElementPlugin = {
  type: 'attachment-item',
  render: ({ attributes, children, element }) => (
    <div {...attributes} className="el-attachment-item">
      {element.type === 'attachment-item' && element.number ? <span className="attachment-number" contentEditable={false}>{element.number}</span> : null}
      <span className="attachment-name">{children}</span>
    </div>
  ),
};
