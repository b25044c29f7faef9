/**
 * The 回收站 under the outline: documents removed from this issue (alone or with their section), each with
 * 恢复 to put it back where it was. Folded to one line until opened.
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../common/ipc';
import { t } from '../i18n';

export type DeletedDocument = ChannelOutput<'documents.listDeleted'>[number];

export function RecycleBin(props: { documents: DeletedDocument[]; onRestore: (documentId: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!props.documents.length) return null;
  return (
    <div className="recycle-bin" data-testid="recycle-bin">
      <button type="button" className="recycle-head" aria-expanded={open} data-testid="recycle-bin-toggle" onClick={() => setOpen((v) => !v)}>
        <span>{open ? '▾' : '▸'} {t.recycleBin.title}</span>
        <span className="badge muted-badge">{props.documents.length}</span>
      </button>
      {open ? (
        <ul>
          {props.documents.map((d) => (
            <li key={d.id} data-testid="recycle-bin-doc" data-doc-id={d.id}>
              <div className="recycle-title" title={d.title}>
                {d.title || t.workspace.untitled}
              </div>
              <div className="recycle-meta">
                <span className="muted">{t.recycleBin.from(d.sectionName, d.deletedAt)}</span>
                <button type="button" className="link" data-testid="recycle-bin-restore" onClick={() => props.onRestore(d.id)}>
                  {t.recycleBin.restore}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
