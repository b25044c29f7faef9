/** Messages between importDocx.ts and the .docx worker thread. */
import type { DocumentContent, ImportWarning } from '../../common/model';
import type { UserError } from '../../common/errors';

/** Why a Word file gave nothing (common/errors.ts style: the code for code, the sentence for the user). */
export type DocxErrorCode =
  | 'docx-encrypted' // password-protected
  | 'docx-legacy' // .doc/.wps and no LibreOffice
  | 'docx-not-zip' // not a .docx (damaged or cut short)
  | 'docx-rejected' // over a limit, or a part missing (docxPackage.ts: DocxRejected)
  | 'docx-unreadable' // the converter failed on it
  | 'docx-too-complex' // the worker ran out of its heap
  | 'docx-timeout' // the worker took longer than its limit
  | 'docx-worker-exit' // the worker stopped without an answer
  | 'docx-libreoffice' // LibreOffice could not convert the legacy file
  | 'not-a-file'
  | 'empty-file'
  | 'too-large'
  | 'unreadable'; // the file could not be read from disk

export interface DocxError extends UserError {
  code: DocxErrorCode;
}

export const docxError = (code: DocxErrorCode, message: string): DocxError => ({ code, message });

/**
 * One job for the long-lived worker: convert these bytes, or (warm) load the libraries and answer at once.
 * The reply carries the same id.
 */
export interface DocxWorkerRequest {
  id: number;
  bytes?: Uint8Array;
  warm?: boolean;
}

export interface DocxWorkerMessage {
  id: number;
  reply: DocxWorkerReply;
  /** The worker's heap after the job (MB): the host replaces a worker that a big file left large. */
  heapMb: number;
}

export interface DocxAsset {
  id: string;
  contentType: string;
  data: Uint8Array;
  /** The width Word shows it at (pt), when the file says. */
  widthPt?: number;
}

export interface DocxWorkerReply {
  ok: boolean;
  /** Why nothing could be imported: a code and one sentence. */
  error?: DocxError;
  content?: DocumentContent;
  title?: string;
  docNumber?: string;
  warnings?: ImportWarning[];
  assets?: DocxAsset[];
  /**
   * Every document the recogniser found, with the section a whole-issue file names for it (a single document
   * gives one entry, equal to content). Absent for our own export, which is always one document.
   */
  documents?: DocxDocument[];
}

export interface DocxDocument {
  section: string;
  content: DocumentContent;
  title: string;
  docNumber: string;
}
