/** Messages between importDocx.ts and the .docx worker thread. */
import type { DocumentContent, ImportWarning } from '../../common/model';

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
  /** One-line reason when nothing could be imported. */
  error?: string;
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
