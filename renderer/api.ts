/**
 * The renderer's only way to reach main: contract calls by channel name. In Electron the preload exposes
 * `window.gazette.<fn>`; in a plain browser (the web bridge) calls are `POST /api/<channel>` carrying the
 * per-run token. Either way the same zod-checked handlers answer.
 */
import type { Channel, ChannelOutput, ChannelRequest } from '../common/ipc';
import { channelFunctionName } from '../common/ipc/names';
import type { DocumentContent, DocumentKind } from '../common/model';

export type IssueSummary = ChannelOutput<'issues.list'>[number];
export type SearchHit = ChannelOutput<'search'>[number];
export type RevisionSummary = ChannelOutput<'revisions.list'>[number];
export type IssueMetaPatch = Omit<ChannelRequest<'issues.update'>, 'issueId'>;

export interface ApiError extends Error {
  code: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

declare global {
  interface Window {
    /** Set by the Electron preload: one function per contract channel. */
    gazette?: Record<string, (input: unknown) => Promise<unknown>> & {
      onEvent?: (listener: (event: { channel: string; payload: unknown }) => void) => () => void;
    };
  }
}

const tokenKey = 'gazette.token';

function bridgeToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}


function unwrap<T>(result: unknown): T {
  const r = result as Result<T>;
  if (r && typeof r === 'object' && 'ok' in r) {
    if (r.ok) return r.value;
    const err = new Error(r.error?.message ?? '未知错误') as ApiError;
    err.code = r.error?.code ?? 'error';
    throw err;
  }
  return result as T;
}

/** A typed contract call. */
export function invoke<C extends Channel>(channel: C, input: ChannelRequest<C>): Promise<ChannelOutput<C>> {
  return call<ChannelOutput<C>>(channel, input);
}

export async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const bridge = window.gazette;
  if (bridge) {
    const fn = bridge[channelFunctionName(channel)];
    if (!fn) throw new Error(`unknown channel ${channel}`);
    return unwrap<T>(await fn(input));
  }
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': bridgeToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new Error('无法连接到后台程序（连接已断开）');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`HTTP ${response.status}`);
  }
  return unwrap<T>(body);
}

/**
 * Best effort save while the page unloads. A keepalive fetch (not sendBeacon, which cannot send headers):
 * the bridge takes API calls only with the token header.
 */
export function callOnUnload(channel: string, input: unknown): void {
  if (window.gazette) {
    void call(channel, input);
    return;
  }
  void fetch(`/api/${channel}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': bridgeToken() },
    body: JSON.stringify(input),
  }).catch(() => undefined);
}

type Listener = (event: { channel: string; payload: unknown }) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** Subscribe to main's events (export progress). */
export function onEvent(listener: Listener): () => void {
  if (window.gazette?.onEvent) return window.gazette.onEvent(listener);
  listeners.add(listener);
  if (!window.gazette && !source) {
    source = new EventSource(`/api/events?token=${encodeURIComponent(bridgeToken())}`);
    source.onmessage = (e) => {
      const event = JSON.parse(e.data as string) as { channel: string; payload: unknown };
      for (const l of listeners) l(event);
    };
  }
  return () => listeners.delete(listener);
}

/** The model's content type is stricter than the schema's loose input type; the shapes agree at runtime. */
function asContentInput(content: DocumentContent): ChannelRequest<'documents.save'>['content'] {
  return content as unknown as ChannelRequest<'documents.save'>['content'];
}

/** Menu commands from the Electron shell, re-dispatched as a DOM event the screens listen to. */
export function onMenuCommand(handler: (command: string) => void): () => void {
  const listener = (e: Event) => handler((e as CustomEvent<string>).detail);
  window.addEventListener('gazette:menu', listener);
  return () => window.removeEventListener('gazette:menu', listener);
}

/** Electron: main shows save and open dialogs. Browser bridge: files go to exports/ and come back as downloads. */
export function isDesktop(): boolean {
  return !!window.gazette;
}

/** Typed calls used by the screens. */
export const api = {
  listIssues: () => invoke('issues.list', {}),
  getTree: (issueId: string) => invoke('issues.getTree', { issueId }),
  createNextIssue: (fromIssueId?: string) => invoke('issues.createNext', fromIssueId ? { fromIssueId } : {}),
  duplicateIssue: (issueId: string) => invoke('issues.duplicate', { issueId }),
  deleteIssue: (issueId: string) => invoke('issues.delete', { issueId }),
  updateIssue: (issueId: string, patch: IssueMetaPatch) => invoke('issues.update', { issueId, ...patch }),
  exportPackage: (issueId: string) => invoke('issues.exportPackage', { issueId }),
  /** A package the user uploaded (browser). */
  importPackage: (dataBase64: string) => invoke('issues.importPackage', { dataBase64 }),
  /** Let main ask which package to import (Electron's open dialog). */
  pickPackage: () => invoke('issues.importPackage', { pick: true }),
  importText: (text: string) => invoke('issues.importText', { text }),
  importWord: (sectionId: string, fileName: string, dataBase64: string) => invoke('documents.importWord', { sectionId, fileName, dataBase64 }),
  importFiles: (sectionId: string, files: Array<{ fileName: string; dataBase64: string }>) => invoke('documents.importFiles', { sectionId, uploads: files }),
  search: (query: string) => invoke('search', { query }),

  addSection: (issueId: string, name: string, position?: number) => invoke('sections.add', { issueId, name, position }),
  renameSection: (sectionId: string, name: string) => invoke('sections.rename', { sectionId, name }),
  removeSection: (sectionId: string) => invoke('sections.remove', { sectionId }),
  moveSection: (sectionId: string, position: number) => invoke('sections.move', { sectionId, position }),

  addDocument: (sectionId: string, kind: DocumentKind, content: DocumentContent, position?: number) =>
    invoke('documents.add', { sectionId, kind, content: asContentInput(content), position }),
  saveDocument: (documentId: string, content: DocumentContent) => invoke('documents.save', { documentId, content: asContentInput(content) }),
  moveDocument: (documentId: string, sectionId: string, position: number) => invoke('documents.move', { documentId, sectionId, position }),
  removeDocument: (documentId: string) => invoke('documents.remove', { documentId }),
  listDeletedDocuments: (issueId: string) => invoke('documents.listDeleted', { issueId }),
  restoreDeletedDocument: (documentId: string) => invoke('documents.restoreDeleted', { documentId }),
  setTocTitle: (documentId: string, tocTitleOverride: string | null) => invoke('documents.updateMeta', { documentId, tocTitleOverride }),

  listRevisions: (documentId: string) => invoke('revisions.list', { documentId }),
  getRevision: (revisionId: number) => invoke('revisions.get', { revisionId }),
  restoreRevision: (revisionId: number) => invoke('revisions.restore', { revisionId }),

  putAsset: (mime: string, dataBase64: string) => invoke('assets.put', { mime, dataBase64 }),
  getAsset: (assetId: string) => invoke('assets.get', { assetId }),

  getPageMap: (issueId: string) => invoke('pageMaps.get', { issueId }),
  setPageMap: (issueId: string, pageCount: number, layoutHash: string, pages: Record<string, number>, compactTables?: string[]) =>
    invoke('pageMaps.set', { issueId, pageCount, layoutHash, pages, compactTables }),

  exportPdf: (issueId: string) => invoke('export.pdf', { issueId }),
  yearIndex: (year: number, byIssuer: boolean) => invoke('volume.index', { year, byIssuer }),
  bindVolume: (year: number, byIssuer: boolean) => invoke('volume.bind', { year, byIssuer }),
  cancelVolume: () => invoke('volume.cancel', {}),
  exportDocx: (issueId: string, documentId?: string) => invoke('export.docx', documentId ? { issueId, documentId } : { issueId }),
  publishWeb: (issueId: string) => invoke('export.publish', { issueId }),
  /** An exported file's bytes, for a download link (browser bridge). */
  downloadExport: (exportId: string) => invoke('export.download', { exportId }),
  revealFile: (exportId: string) => invoke('shell.reveal', { exportId }),
};
