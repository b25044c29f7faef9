/**
 * The browser bridge: serves the built renderer and answers the IPC contract over HTTP, on 127.0.0.1 only.
 * Every request needs the per-run token (query `token`, header `x-gazette-token`, or the cookie set when the
 * page was opened with the token), except the print page and the hashed build assets (PUBLIC_PREFIXES):
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
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Push an event (export progress …) to every connected page. */
  emit(event: BridgeEvent): void;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'gazette_token';
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

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
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

  const authorised = (req: IncomingMessage, url: URL) => {
    const offered = url.searchParams.get('token') ?? (req.headers['x-gazette-token'] as string | undefined) ?? cookieToken(req);
    return typeof offered === 'string' && tokensEqual(offered, token);
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
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': stat.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method', message: 'POST only' } });
    if (!CHANNEL_PATTERN.test(channel)) return sendJson(res, 404, { ok: false, error: { code: 'unknown-channel', message: 'unknown channel' } });
    const body = await readBody(req, maxBody);
    if (body === 'too-large') return sendJson(res, 413, { ok: false, error: { code: 'too-large', message: '请求过大' } });
    let payload: unknown = undefined;
    if (body.length > 0) {
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-json', message: '请求不是有效的 JSON' } });
      }
    }
    const result = await options.call(channel, payload);
    sendJson(res, 200, result);
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
    if (!authorised(req, url)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorised', message: '需要令牌' } });
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '内部错误' } });
      });
      return;
    }
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
