/**
 * The messages between the app and its print frame. The print page runs on another site than the app
 * (http://localhost:P beside http://127.0.0.1:P in the browser bridge, app://print beside app://gazette in
 * Electron), so Chromium gives it its own renderer process and Paged.js never blocks the editor. The two
 * pages talk only through postMessage: every message is checked for its origin and its shape here.
 */
import { APP_ORIGIN } from '../ipc/names';
import type { JobFront, JobUnit, LayoutJob, LayoutResult } from './printJob';

/** Tags our messages, so anything else posted to the window is ignored. */
export const PRINT_PROTOCOL = 'gazette-print/1';

/** The print page's own host in Electron (the app is app://gazette). */
export const ELECTRON_PRINT_ORIGIN = 'app://print';

export type PrintRequest =
  /** Are you there? Answered with `ready` (the frame may have loaded before the app listened). */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'ping' }
  | { protocol: typeof PRINT_PROTOCOL; kind: 'layout'; id: number; job: LayoutJob }
  /** Show the laid-out pages as a grid of thumbnails, or as the normal flow. */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'thumbnails'; id: number; on: boolean }
  /** The system print dialog for the laid-out pages. */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'print'; id: number }
  /** Stop the layout running now, if any (a newer one follows): it fails with SUPERSEDED. Not answered. */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'cancel' };

/** The message of a layout stopped by a `cancel` request. */
export const SUPERSEDED = 'superseded by a newer layout';

export type PrintReply =
  /** The page is listening; `session` is new each time the page loads (a change means it reloaded). */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'ready'; session: string }
  /** A request finished; `height` is the page's content height afterwards (to size the iframe). */
  | { protocol: typeof PRINT_PROTOCOL; kind: 'done'; id: number; height: number; result?: LayoutResult }
  | { protocol: typeof PRINT_PROTOCOL; kind: 'failed'; id: number; message: string };

/** Where a page is, as far as choosing origins goes (a `Location` or a `URL` fits). */
export interface PageLocation {
  protocol: string;
  hostname: string;
  port: string;
}

/**
 * scheme://host[:port] of a URL, or '' when it does not parse. Node's URL (Electron's main process) gives
 * `origin === 'null'` for custom schemes such as app://, so origins are compared through this.
 */
export function urlOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}

const LOOPBACK_PAIR: Record<string, string> = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' };

function httpOrigin(protocol: string, hostname: string, port: string): string {
  return `${protocol}//${hostname}${port ? `:${port}` : ''}`;
}

/**
 * The print frame's origin for an app page at `app`: the other loopback name on the same port (site =
 * scheme + host, the port does not count), or app://print in Electron. Null where there is no second
 * site to use; the caller then falls back to its own origin (same process, still by postMessage).
 */
export function printOriginFor(app: PageLocation): string | null {
  if (`${app.protocol}//${app.hostname}` === APP_ORIGIN) return ELECTRON_PRINT_ORIGIN;
  const other = LOOPBACK_PAIR[app.hostname];
  if (app.protocol === 'http:' && other) return httpOrigin(app.protocol, other, app.port);
  return null;
}

/** The only origin whose messages the print page at `print` accepts: the app that frames it. */
export function appOriginFor(print: PageLocation): string {
  if (`${print.protocol}//${print.hostname}` === ELECTRON_PRINT_ORIGIN) return APP_ORIGIN;
  const other = LOOPBACK_PAIR[print.hostname];
  return httpOrigin(print.protocol, other && print.protocol === 'http:' ? other : print.hostname, print.port);
}

// ---------------------------------------------------------------- shape checks (never trust a message)

type Checked = Record<string, unknown>;

const isObject = (v: unknown): v is Checked => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isNumberRecord = (v: unknown) => isObject(v) && Object.values(v).every(isCount);

function isJobUnit(v: unknown): v is JobUnit {
  return (
    isObject(v) &&
    [v.id, v.hash, v.label, v.sectionName, v.html].every(isString) &&
    isStringArray(v.documentIds) &&
    optional(v.cachedPages, isString)
  );
}

function isJobFront(v: unknown): v is JobFront {
  if (!isObject(v) || ![v.coverHtml, v.insideCoverHtml, v.sidebarHtml].every(isString) || !Array.isArray(v.toc)) return false;
  return v.toc.every(
    (s) =>
      isObject(s) &&
      isString(s.name) &&
      Array.isArray(s.entries) &&
      s.entries.every((e) => isObject(e) && [e.documentId, e.title, e.docNumber].every(isString) && typeof e.oneLine === 'boolean'),
  );
}

export function isLayoutJob(v: unknown): v is LayoutJob {
  return (
    isObject(v) &&
    Array.isArray(v.units) &&
    v.units.every(isJobUnit) &&
    optional(v.front, isJobFront) &&
    isString(v.evenHead) &&
    (v.fonts === 'bundled' || v.fonts === 'office') &&
    optional(v.pageOffset, isCount) &&
    optional(v.timeoutMs, isCount)
  );
}

export function isLayoutResult(v: unknown): v is LayoutResult {
  if (!isObject(v) || !isCount(v.pages) || !isCount(v.ms) || !Array.isArray(v.laidOut)) return false;
  const map = v.pageMap;
  if (!isObject(map) || !isNumberRecord(map.documents) || !isNumberRecord(map.anchors)) return false;
  if (![map.frontPages, map.tocPages, map.totalPages].every(isCount)) return false;
  if (!isObject(map.units) || !Object.values(map.units).every((u) => isObject(u) && isCount(u.first) && isCount(u.count))) return false;
  return v.laidOut.every((u) => isObject(u) && [u.id, u.hash, u.pagesHtml].every(isString) && isCount(u.pages) && isCount(u.ms));
}

/** A request from the app, or null for anything else (other protocols, wrong shapes). */
export function parsePrintRequest(data: unknown): PrintRequest | null {
  if (!isObject(data) || data.protocol !== PRINT_PROTOCOL) return null;
  switch (data.kind) {
    case 'ping':
      return { protocol: PRINT_PROTOCOL, kind: 'ping' };
    case 'layout':
      return isId(data.id) && isLayoutJob(data.job) ? { protocol: PRINT_PROTOCOL, kind: 'layout', id: data.id, job: data.job } : null;
    case 'thumbnails':
      return isId(data.id) && typeof data.on === 'boolean' ? { protocol: PRINT_PROTOCOL, kind: 'thumbnails', id: data.id, on: data.on } : null;
    case 'print':
      return isId(data.id) ? { protocol: PRINT_PROTOCOL, kind: 'print', id: data.id } : null;
    case 'cancel':
      return { protocol: PRINT_PROTOCOL, kind: 'cancel' };
    default:
      return null;
  }
}

/** A reply from the print page, or null for anything else. */
export function parsePrintReply(data: unknown): PrintReply | null {
  if (!isObject(data) || data.protocol !== PRINT_PROTOCOL) return null;
  switch (data.kind) {
    case 'ready':
      return isString(data.session) ? { protocol: PRINT_PROTOCOL, kind: 'ready', session: data.session } : null;
    case 'done':
      if (!isId(data.id) || !isCount(data.height) || !optional(data.result, isLayoutResult)) return null;
      return { protocol: PRINT_PROTOCOL, kind: 'done', id: data.id, height: data.height, ...(data.result ? { result: data.result as LayoutResult } : {}) };
    case 'failed':
      return isId(data.id) && isString(data.message) ? { protocol: PRINT_PROTOCOL, kind: 'failed', id: data.id, message: data.message } : null;
    default:
      return null;
  }
}
