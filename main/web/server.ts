/**
 * The browser bridge: serves the built renderer and answers the IPC contract over HTTP, on 127.0.0.1 only.
 * API calls (`POST /api/<channel>`) need the per-run token in the `X-Gazette-Token` header, a
 * `Content-Type: application/json` body, and `Origin` / `Sec-Fetch-Site` showing the app's own origin
 * (http://127.0.0.1:PORT): a page of another origin, even another port of 127.0.0.1, can neither send the
 * header (no CORS preflight is ever answered) nor pass the origin check. Pages and static files take the
 * token from the query or from a cookie named per port (`gazette_token_<port>`; cookies ignore ports), which
 * never authorises an API call. The print page and the hashed build assets (PUBLIC_PREFIXES) need no token:
 * the app frames the print page from the other loopback name (http://localhost:P beside
 * http://127.0.0.1:P), another site, so Chromium lays out pages in another process; that frame never holds
 * the token and gets its work by postMessage. Static files are served with strict path containment and a
 * CSP header naming exactly that other origin. The server makes no outgoing requests.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** Answers one contract call; the same wrapper the Electron IPC uses. Must never throw for bad input. */
export type CallHandler = (channel: string, payload: unknown) => Promise<unknown>;

/** On close, requests in flight get this long before the remaining connections are cut. */
const CLOSE_GRACE_MS = 1000;

export interface BridgeEvent {
  channel: string;
  payload: unknown;
}

export interface WebServerOptions {
  /** Folder with the built renderer (dist/renderer). */
  root: string;
  call: CallHandler;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Largest request body accepted, bytes. */
  maxBodyBytes?: number;
  /** Extra static folders mounted under a URL prefix, e.g. { '/resources/': 'resources' }. */
  mounts?: Record<string, string>;
  /** Where refused requests are logged (the reason, never the payload). */
  logger?: { warn(message: string): void };
  /** Deepest JSON nesting accepted in a request body. */
  maxJsonDepth?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Push an event (export progress …) to every connected page. */
  emit(event: BridgeEvent): void;
  close(): Promise<void>;
}

/** Cookies ignore ports: one name per port, so another bridge on 127.0.0.1 neither reads nor overwrites ours. */
export function tokenCookieName(port: number): string {
  return `gazette_token_${port}`;
}
/** Deep enough for any document (tables in lists in cells …); the schemas themselves are far shallower. */
const DEFAULT_MAX_JSON_DEPTH = 64;
const CHANNEL_PATTERN = /^[a-z][a-zA-Z0-9]*(?:[.:][a-zA-Z0-9]+)*$/;

/**
 * The CSP of our pages. `frameSrc`: the print frame's origin (the app page may frame only that);
 * `frameAncestors`: who may frame this page (the print page: only the app's origin).
 */
export function contentSecurityPolicy(frames: { frameSrc?: string; frameAncestors?: string } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${frames.frameSrc ?? "'self'"}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frames.frameAncestors ?? "'self'"}`,
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * Served without the token: only the static build output that the print frame loads (the print page and
 * the hashed assets: scripts, CSS, fonts). No data and no API is ever under these.
 */
export const PUBLIC_PREFIXES = ['/print/', '/assets/'];

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json; charset=utf-8',
};

/** Resolve a URL path inside root, or null when it would leave root (.., encoded separators, NUL). */
export function containedPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage, cookieName: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
}

/**
 * The deepest nesting of arrays/objects in a JSON text, counted without parsing (brackets inside strings
 * skipped). Stops early past `limit`, so a hostile body costs one linear scan and no recursion.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** `application/json`, with or without parameters (charset). */
function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

/** The other loopback name on the same port: the print frame's site for the app, the app's for the print frame. */
function otherLoopbackOrigin(hostname: string, port: number): string {
  return `http://${hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`;
}

function securityHeaders(res: ServerResponse, url: URL, hostname: string, port: number): void {
  const other = otherLoopbackOrigin(hostname, port);
  const printPage = url.pathname.startsWith('/print/');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(printPage ? { frameSrc: "'none'", frameAncestors: other } : { frameSrc: other }));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Build assets have content hashes in their names: cache them (the print frame's fonts load once).
  res.setHeader('Cache-Control', url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const maxDepth = options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  const root = resolve(options.root);
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const listeners = new Set<ServerResponse>();
  let closing = false;
  let port = 0;

  /** The Host's name when it is one of our loopback names on our port, else null (DNS rebinding). */
  const allowedHostname = (req: IncomingMessage): string | null => {
    const host = req.headers.host ?? '';
    return LOOPBACK_NAMES.find((name) => host === `${name}:${port}`) ?? null;
  };
  const isPublic = (req: IncomingMessage, url: URL) =>
    (req.method === 'GET' || req.method === 'HEAD') && PUBLIC_PREFIXES.some((prefix) => url.pathname.startsWith(prefix));

  const matches = (offered: string | undefined | null) => typeof offered === 'string' && tokensEqual(offered, token);
  const headerToken = (req: IncomingMessage) => {
    const value = req.headers['x-gazette-token'];
    return typeof value === 'string' ? value : undefined;
  };
  /** For pages and static files: the token in the query, the header, or this port's cookie. */
  const authorised = (req: IncomingMessage, url: URL) =>
    matches(url.searchParams.get('token')) || matches(headerToken(req)) || matches(cookieToken(req, tokenCookieName(port)));
  const appOrigin = () => `http://127.0.0.1:${port}`;
  const refuse = (res: ServerResponse, status: number, code: string, message: string, reason: string) => {
    options.logger?.warn(`web bridge refused a request: ${reason}`);
    sendJson(res, status, { ok: false, error: { code, message } });
  };
  /**
   * Did the browser say the request comes from the app's own page? `Origin` (sent with every POST and every
   * cross-origin request) must be the app's origin, and `Sec-Fetch-Site`, when sent, `same-origin`. A
   * request with neither is refused too: every browser sends at least one of them.
   */
  const fromAppOrigin = (req: IncomingMessage): string | null => {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin === undefined && site === undefined) return 'no Origin or Sec-Fetch-Site header';
    if (origin !== undefined && origin !== appOrigin()) return `Origin ${String(origin).slice(0, 80)}`;
    if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site ${String(site).slice(0, 20)}`;
    return null;
  };
  /** API calls and the event stream: the header token (the query token for EventSource), from our origin. */
  const apiRefusal = (req: IncomingMessage, res: ServerResponse, url: URL, allowQueryToken: boolean): boolean => {
    const offered = headerToken(req) ?? (allowQueryToken ? url.searchParams.get('token') : null);
    if (!matches(offered)) {
      if (matches(cookieToken(req, tokenCookieName(port))) || matches(url.searchParams.get('token')))
        refuse(res, 403, 'forbidden', '拒绝访问：缺少令牌请求头 (X-Gazette-Token header required)', `${url.pathname}: token not in the header`);
      else refuse(res, 401, 'unauthorised', '需要令牌', `${url.pathname}: no valid token`);
      return true;
    }
    const wrongOrigin = fromAppOrigin(req);
    if (wrongOrigin) {
      refuse(res, 403, 'forbidden', '拒绝访问：请求不是来自本程序的页面 (wrong origin)', `${url.pathname}: ${wrongOrigin}`);
      return true;
    }
    return false;
  };

  /** A file of the build (or of a mount, with the token); `authorised` says the token came with the request. */
  const serveStatic = (req: IncomingMessage, res: ServerResponse, url: URL, authorised: boolean) => {
    let base = root;
    let rel = url.pathname;
    for (const [prefix, dir] of authorised ? mounts : []) {
      if (rel.startsWith(prefix)) {
        base = dir;
        rel = rel.slice(prefix.length - 1);
        break;
      }
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = containedPath(base, rel);
    if (!file) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'path outside root' } });
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'not found' } });
    }
    if (!stat.isFile()) return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'not found' } });
    if (authorised && url.searchParams.has('token')) {
      // The page was opened with the token: remember it for its assets, the print iframe and API calls.
      // The cookie opens static files only (e.g. mounted resources), never an API call.
      res.setHeader('Set-Cookie', `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': stat.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method', message: 'POST only' } });
    if (!CHANNEL_PATTERN.test(channel)) return refuse(res, 404, 'unknown-channel', 'unknown channel', 'unknown channel name');
    if (!isJsonContentType(req.headers['content-type']))
      return refuse(res, 403, 'content-type', '拒绝访问：请求须为 application/json', `${channel}: Content-Type ${String(req.headers['content-type'] ?? 'none').slice(0, 60)}`);
    const body = await readBody(req, maxBody);
    if (body === 'too-large') return refuse(res, 413, 'too-large', '请求过大', `${channel}: body over ${maxBody} bytes`);
    let payload: unknown = undefined;
    if (body.length > 0) {
      const text = body.toString('utf8');
      if (jsonDepthExceeds(text, maxDepth)) return refuse(res, 400, 'bad-request', '请求嵌套过深', `${channel}: JSON nested deeper than ${maxDepth}`);
      try {
        payload = JSON.parse(text);
      } catch {
        return refuse(res, 400, 'bad-json', '请求不是有效的 JSON', `${channel}: body is not valid JSON`);
      }
    }
    const result = await options.call(channel, payload);
    // A payload the contract refuses is the caller's fault: 4xx, so it shows as such in any log or proxy.
    const code = (result as { ok?: boolean; error?: { code?: string } } | null)?.error?.code;
    sendJson(res, code === 'bad-request' ? 400 : code === 'unknown-channel' ? 404 : 200, result);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    // Shutting down: no new event stream (the browser re-opens one as soon as the old one ends).
    if (closing) return sendJson(res, 503, { ok: false, error: { code: 'closing', message: '服务正在关闭 (server closing)' } });
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hostname = allowedHostname(req);
    securityHeaders(res, url, hostname ?? '127.0.0.1', port);
    if (!hostname) return sendJson(res, 421, { ok: false, error: { code: 'host', message: 'bad host' } });
    if (isPublic(req, url)) return serveStatic(req, res, url, authorised(req, url));
    if (url.pathname === '/api/events') {
      // EventSource cannot send headers: the token comes in the query (never from the cookie).
      if (apiRefusal(req, res, url, true)) return;
      return handleEvents(req, res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (apiRefusal(req, res, url, false)) return;
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        options.logger?.warn(`web bridge: ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '内部错误' } });
      });
      return;
    }
    if (!authorised(req, url)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorised', message: '需要令牌' } });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'method', message: 'GET only' } });
    serveStatic(req, res, url, true);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    emit(event) {
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of listeners) res.write(line);
    },
    close() {
      closing = true;
      for (const res of listeners) res.end();
      listeners.clear();
      const closed = new Promise<void>((r) => server.close(() => r()));
      // close() waits for every open connection; a browser keeps some open (and re-opens its event stream
      // on them): requests in flight get a second to finish, then the rest are cut.
      setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      return closed;
    },
  };
}
