/**
 * Export from the workspace: pending edits are saved first, then the 全刊检查 findings are shown (修正 /
 * 忽略 / 仍然导出) when there are any, else the export dialog opens. Also 导出此文件 (one document's DOCX)
 * and 发布 (web), which go straight to their dialog.
 */
import { useState } from 'react';

export type ExportKind = 'pdf' | 'docx' | 'web';

export function useExportFlow(opts: {
  /** Save pending edits. */
  flush: () => Promise<unknown>;
  /** The open document's latest edits into the tree now, so the findings are current. */
  settle: () => void;
  /** Whether the issue has findings to show before an export. */
  hasFindings: () => boolean;
}) {
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  /** 导出此文件 (outline menu): one document's DOCX. */
  const [exportingDocument, setExportingDocument] = useState<string | null>(null);
  const [preExport, setPreExport] = useState<'pdf' | 'docx' | null>(null);

  return {
    exporting,
    exportingDocument,
    preExport,
    /** PDF or DOCX of the issue: the findings first, if any. */
    start: (kind: 'pdf' | 'docx') =>
      void opts.flush().then(() => {
        opts.settle();
        if (opts.hasFindings()) setPreExport(kind);
        else setExporting(kind);
      }),
    publish: () => void opts.flush().then(() => setExporting('web')),
    exportDocument: (documentId: string) => void opts.flush().then(() => setExportingDocument(documentId)),
    /** 仍然导出 from the findings. */
    exportAnyway: () => {
      setExporting(preExport);
      setPreExport(null);
    },
    closeFindings: () => setPreExport(null),
    close: () => setExporting(null),
    closeDocument: () => setExportingDocument(null),
  };
}
