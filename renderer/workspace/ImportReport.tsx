/**
 * After an import: per document what was recognised (标题, 文号, 主送, 署名, 日期, 附件 count) and each warning,
 * with a button that opens the document with the caret on the place the warning names.
 */
import { DROPPED_TEXT_WARNINGS } from '../../common/import/warnings';
import type { ImportedDocumentReport } from '../../common/ipc/fileImport';
import { contentPlainText, squeezeWhitespace, type DocumentContent, type ImportWarning } from '../../common/model';
import { t } from '../i18n';

/** Text compared the way the importer writes it: no spaces, bracket variants as the 文号's 〔〕 and （）. */
const comparable = (text: string) => squeezeWhitespace(text).replace(/[[［【]/g, '〔').replace(/[\]］】]/g, '〕').replace(/\(/g, '（').replace(/\)/g, '）');

/**
 * The block a warning points at: the first whose text contains the warning's quoted text. Text the importer
 * kept out of the printed body (版头 before the title, 版记 after the last line: `content.meta`) is located where
 * it stood. Null when the quote is nowhere.
 */
export function locateWarning(content: DocumentContent, w: ImportWarning): number | null {
  const needle = comparable((w.text ?? '').replace(/…$/, '')).slice(0, 24);
  if (!needle || content.blocks.length === 0 || DROPPED_TEXT_WARNINGS.has(w.code)) return null;
  const index = content.blocks.findIndex((b) => comparable(contentPlainText({ schemaVersion: content.schemaVersion, blocks: [b] })).includes(needle));
  if (index >= 0) return index;
  const inMeta = (lines: string[] | undefined) => (lines ?? []).some((line) => comparable(line).includes(needle));
  if (inMeta(content.meta?.masthead)) return 0;
  if (inMeta(content.meta?.colophon)) return content.blocks.length - 1;
  return null;
}

/** The block to put the caret in for a warning: where it is located, else the first block. */
export function warningBlockIndex(content: DocumentContent, w: ImportWarning): number {
  return locateWarning(content, w) ?? 0;
}

export function ImportReport(props: {
  documents: ImportedDocumentReport[];
  onGoTo: (documentId: string, warning?: ImportWarning) => void;
  onClose: () => void;
}) {
  const r = t.importReport;
  return (
    <div className="modal-backdrop">
      <div className="modal import-report" role="dialog" data-testid="import-report">
        <h2>{r.heading(props.documents.length)}</h2>
        <div className="import-report-list">
          {props.documents.map((d) => (
            <section key={d.id} className="import-report-doc" data-testid="import-report-doc">
              <h3>
                <button type="button" className="link-btn" onClick={() => props.onGoTo(d.id)}>
                  {d.title || t.workspace.untitled}
                </button>
                <span className="muted"> · {d.file} → {d.section}</span>
              </h3>
              <dl className="import-report-fields">
                <dt>{r.title}</dt>
                <dd data-testid="report-title">{d.title || r.none}</dd>
                <dt>{r.docNumber}</dt>
                <dd data-testid="report-docnumber">{d.docNumber || r.none}</dd>
                <dt>{r.addressee}</dt>
                <dd>{d.addressee || r.none}</dd>
                <dt>{r.signature}</dt>
                <dd data-testid="report-signature">{d.signature.join('、') || r.none}</dd>
                <dt>{r.date}</dt>
                <dd data-testid="report-date">{d.date || r.none}</dd>
                <dt>{r.attachments}</dt>
                <dd>{d.attachments}</dd>
              </dl>
              {d.warnings.length ? (
                <ul className="import-report-warnings">
                  {d.warnings.map((w, i) => (
                    <li key={i} data-testid="report-warning">
                      <span>{w.message}</span>
                      {w.text ? <q className="muted">{w.text}</q> : null}
                      <button type="button" className="btn small" data-testid="report-goto" onClick={() => props.onGoTo(d.id, w)}>
                        {r.goTo}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{r.noWarnings}</p>
              )}
            </section>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onClose} data-testid="import-report-close">
            {r.close}
          </button>
        </div>
      </div>
    </div>
  );
}
