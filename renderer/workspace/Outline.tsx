/** The issue's outline: sections (栏目) with their documents; drag to reorder or move between sections. */
import { useRef, useState, type DragEvent } from 'react';
import { tocTitle, type GazetteDocument, type IssueTree } from '../../common/model';
import { t } from '../i18n';
import { RecycleBin, type DeletedDocument } from './RecycleBin';

export interface OutlineActions {
  select(documentId: string): void;
  moveDocument(documentId: string, sectionId: string, position: number): void;
  moveSection(sectionId: string, position: number): void;
  addSection(): void;
  renameSection(sectionId: string, name: string): void;
  removeSection(sectionId: string): void;
  addDocument(sectionId: string): void;
  importWord(sectionId: string, file: File): void;
  /** Files from the import button or dropped from the desktop onto a section, in order. */
  importFiles(sectionId: string, files: File[]): void;
  removeDocument(documentId: string): void;
}

type Drag = { kind: 'doc'; id: string } | { kind: 'section'; id: string };

/** File types the import takes (the same list as the import channel's). */
const IMPORT_ACCEPT = '.txt,.html,.htm,.docx,.doc,.wps';

/** A drag from the desktop (files), not one of the outline's own items. */
const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

function docLabel(doc: GazetteDocument): string {
  return tocTitle(doc) || t.workspace.untitled;
}

export function Outline(props: { tree: IssueTree; currentId?: string; pages?: Record<string, number>; findingCounts?: Record<string, number>; pagesUpdating?: boolean; deleted?: DeletedDocument[]; onRestore?: (documentId: string) => void; actions: OutlineActions; onDocContextMenu?: (event: React.MouseEvent, documentId: string) => void }) {
  const { tree, actions } = props;
  const [drag, setDrag] = useState<Drag | null>(null);
  const [dropMark, setDropMark] = useState<string>('');
  const [renaming, setRenaming] = useState<string>('');
  const wordInput = useRef<HTMLInputElement>(null);
  const wordTarget = useRef('');

  const endDrag = () => {
    setDrag(null);
    setDropMark('');
  };

  return (
    <nav className="outline" data-testid="outline">
      <div className="panel-title">
        <span>{t.workspace.outline}</span>
        {props.pagesUpdating ? (
          <span className="pages-updating" data-testid="pages-updating" role="status">
            {t.workspace.pagesUpdating}
          </span>
        ) : null}
        <button type="button" className="icon-btn" title={t.workspace.addSection} onClick={() => actions.addSection()}>
          ＋
        </button>
        <input
          ref={wordInput}
          type="file"
          accept={IMPORT_ACCEPT}
          multiple
          hidden
          data-testid="import-word-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length && wordTarget.current) actions.importFiles(wordTarget.current, files);
          }}
        />
      </div>
      <div className="outline-body">
        {tree.sections.map((section, sectionIndex) => (
          <div
            key={section.id}
            className={`outline-section${dropMark === `s:${section.id}` ? ' drop-target' : ''}${dropMark === `f:${section.id}` ? ' file-drop' : ''}`}
            data-testid="outline-section"
            onDragOver={(e) => {
              if (!drag && carriesFiles(e)) {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
                setDropMark(`f:${section.id}`);
                return;
              }
              if (!drag) return;
              e.preventDefault();
              if (drag.kind === 'section' || section.documents.length === 0) setDropMark(`s:${section.id}`);
            }}
            onDragLeave={() => setDropMark((m) => (m === `s:${section.id}` || m === `f:${section.id}` ? '' : m))}
            onDrop={(e) => {
              e.preventDefault();
              const files = drag ? [] : Array.from(e.dataTransfer?.files ?? []);
              if (files.length) {
                endDrag();
                actions.importFiles(section.id, files);
                return;
              }
              if (drag?.kind === 'section' && drag.id !== section.id) actions.moveSection(drag.id, sectionIndex);
              else if (drag?.kind === 'doc' && !e.defaultPrevented) actions.moveDocument(drag.id, section.id, section.documents.length);
              endDrag();
            }}
          >
            <div className="section-head" draggable onDragStart={() => setDrag({ kind: 'section', id: section.id })} onDragEnd={endDrag}>
              {renaming === section.id ? (
                <input
                  autoFocus
                  className="rename-input"
                  defaultValue={section.name}
                  onBlur={(e) => {
                    setRenaming('');
                    const name = e.target.value.trim();
                    if (name && name !== section.name) actions.renameSection(section.id, name);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                    if (e.key === 'Escape') setRenaming('');
                  }}
                />
              ) : (
                <span className="section-name" onDoubleClick={() => setRenaming(section.id)}>
                  {section.name}
                </span>
              )}
              <span className="section-tools">
                <button type="button" className="icon-btn" title={t.workspace.addDocument} onClick={() => actions.addDocument(section.id)}>
                  ＋
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  title={t.importReport.importFiles}
                  data-testid="import-word"
                  onClick={() => {
                    wordTarget.current = section.id;
                    wordInput.current?.click();
                  }}
                >
                  ⤓
                </button>
                <button type="button" className="icon-btn" title={t.workspace.rename} onClick={() => setRenaming(section.id)}>
                  ✎
                </button>
                <button type="button" className="icon-btn danger" title={t.workspace.remove} onClick={() => actions.removeSection(section.id)}>
                  ×
                </button>
              </span>
            </div>
            {section.documents.length === 0 ? <div className="outline-empty">{t.workspace.emptySection}</div> : null}
            <ul>
              {section.documents.map((doc, docIndex) => (
                <li
                  key={doc.id}
                  draggable
                  data-testid="outline-doc"
                  data-doc-id={doc.id}
                  className={`outline-doc${doc.id === props.currentId ? ' current' : ''}${dropMark === `d:${doc.id}` ? ' drop-before' : ''}`}
                  onClick={() => actions.select(doc.id)}
                  onContextMenu={(e) => {
                    if (!props.onDocContextMenu) return;
                    e.preventDefault();
                    props.onDocContextMenu(e, doc.id);
                  }}
                  onDragStart={(e) => {
                    e.stopPropagation();
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', doc.id);
                    setDrag({ kind: 'doc', id: doc.id });
                  }}
                  onDragEnd={endDrag}
                  onDragOver={(e) => {
                    if (drag?.kind !== 'doc') return;
                    e.preventDefault();
                    e.stopPropagation();
                    setDropMark(`d:${doc.id}`);
                  }}
                  onDrop={(e) => {
                    if (drag?.kind !== 'doc') return;
                    e.preventDefault();
                    e.stopPropagation();
                    if (drag.id !== doc.id) actions.moveDocument(drag.id, section.id, docIndex);
                    endDrag();
                  }}
                >
                  {/* A document without title is named 「（无标题）」 in grey: visibly a placeholder, not its title. */}
                  <span className={tocTitle(doc) ? 'doc-title' : 'doc-title untitled'}>{docLabel(doc)}</span>
                  {doc.docNumber ? <span className="doc-number">{doc.docNumber}</span> : null}
                  {props.findingCounts?.[doc.id] ? (
                    <span className="badge doc-findings" data-testid="doc-findings" title={t.checks.count(props.findingCounts[doc.id])}>
                      {props.findingCounts[doc.id]}
                    </span>
                  ) : null}
                  {props.pages?.[doc.id] ? <span className={`doc-page${props.pagesUpdating ? ' stale' : ''}`}>{props.pages[doc.id]}</span> : null}
                  <button
                    type="button"
                    className="icon-btn danger doc-remove"
                    title={t.workspace.remove}
                    onClick={(e) => {
                      e.stopPropagation();
                      actions.removeDocument(doc.id);
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {props.deleted && props.onRestore ? <RecycleBin documents={props.deleted} onRestore={props.onRestore} /> : null}
    </nav>
  );
}
