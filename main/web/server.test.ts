import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containedPath, jsonDepthExceeds, startWebServer, type WebServer } from './server';

/** Raw HTTP (fetch normalises paths and forbids some headers, which is exactly what we must test). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('containedPath', () => {
  it('keeps paths inside the root and refuses escapes', () => {
    const root = '/srv/app';
    expect(containedPath(root, '/index.html')).toBe('/srv/app/index.html');
    expect(containedPath(root, '/assets/a.js')).toBe('/srv/app/assets/a.js');
    for (const bad of ['/../etc/passwd', '/assets/../../x', '/%2e%2e/secret', '/a%5c..%5cb', '/a%00b', '/%E0%A4%A']) expect(containedPath(root, bad)).toBeNull();
  });
});

describe('web bridge server', () => {
  let server: WebServer;
  const calls: Array<[string, unknown]> = [];
  const logged: string[] = [];
  let root: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazette-web-'));
    root = path.join(dir, 'renderer');
    mkdirSync(root);
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(path.join(root, 'print'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'print', 'print.html'), '<!doctype html><title>print</title>');
    writeFileSync(path.join(root, 'assets', 'print-abc123.js'), 'export {};');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    server = await startWebServer({
      root,
      token: 'test-token',
      maxBodyBytes: 1000,
      logger: { warn: (m) => logged.push(m) },
      call: async (channel, payload) => {
        calls.push([channel, payload]);
        return { ok: true, value: { channel } };
      },
    });
  });
  afterAll(() => server.close());

  const host = () => ({ host: `127.0.0.1:${server.port}` });

  it('binds 127.0.0.1 and prints the URL with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=test-token`);
  });

  it('answers 401 without the token, for pages and API calls', async () => {
    expect((await raw(server.port, { path: '/', headers: host() })).status).toBe(401);
    expect((await raw(server.port, { path: '/index.html?token=nope', headers: host() })).status).toBe(401);
    expect((await raw(server.port, { method: 'POST', path: '/api/issues.list', headers: host(), body: '{}' })).status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('serves the page with the token, sets a cookie for its assets and sends a CSP', async () => {
    const page = await raw(server.port, { path: '/?token=test-token', headers: host() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly');
    // One cookie name per port: cookies ignore ports, so another bridge on 127.0.0.1 must not share it.
    expect(String(page.headers['set-cookie'])).toContain(`gazette_token_${server.port}=test-token`);
    const withCookie = await raw(server.port, { path: '/index.html', headers: { ...host(), cookie: `gazette_token_${server.port}=test-token` } });
    expect(withCookie.status).toBe(200);
    const otherPortsCookie = await raw(server.port, { path: '/index.html', headers: { ...host(), cookie: 'gazette_token_1=test-token; gazette_token=test-token' } });
    expect(otherPortsCookie.status).toBe(401);
  });

  it('refuses paths outside the root and other Host names', async () => {
    const auth = { ...host(), 'x-gazette-token': 'test-token' };
    // URL parsing already folds a literal /../ (then the file is simply not in root); encoded dots are refused.
    const dotted = await raw(server.port, { path: '/../secret.txt', headers: auth });
    expect([403, 404]).toContain(dotted.status);
    expect(dotted.body).not.toContain('secret');
    const encoded = await raw(server.port, { path: '/..%2fsecret.txt', headers: auth });
    expect(encoded.status).toBe(403);
    expect(encoded.body).not.toContain('secret');
    expect((await raw(server.port, { path: '/', headers: { host: 'evil.example', 'x-gazette-token': 'test-token' } })).status).toBe(421);
  });

  it('passes JSON calls to the handler and refuses bad ones without calling it', async () => {
    const auth = { ...host(), 'x-gazette-token': 'test-token', 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` };
    const ok = await raw(server.port, { method: 'POST', path: '/api/documents.save', headers: auth, body: '{"a":1}' });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { channel: 'documents.save' } });
    expect(calls).toEqual([['documents.save', { a: 1 }]]);
    expect((await raw(server.port, { method: 'POST', path: '/api/x', headers: auth, body: '{not json' })).status).toBe(400);
    expect((await raw(server.port, { method: 'POST', path: '/api/x', headers: auth, body: JSON.stringify({ s: 'x'.repeat(2000) }) })).status).toBe(413);
    expect((await raw(server.port, { method: 'POST', path: '/api/..%2Fetc', headers: auth, body: '{}' })).status).toBe(404);
    expect((await raw(server.port, { method: 'GET', path: '/api/issues.list', headers: auth })).status).toBe(405);
    expect(calls).toHaveLength(1);
  });

  it('serves the print page and build assets without the token, on both loopback names, and nothing else', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const headers = { host: `${name}:${server.port}` };
      const print = await raw(server.port, { path: '/print/print.html', headers });
      expect(print.status).toBe(200);
      expect(print.body).toContain('<title>print</title>');
      // Served without the token: no cookie, so the print frame never holds the token.
      expect(print.headers['set-cookie']).toBeUndefined();
      expect((await raw(server.port, { path: '/assets/print-abc123.js', headers })).status).toBe(200);
      expect((await raw(server.port, { path: '/', headers })).status).toBe(401);
      expect((await raw(server.port, { path: '/index.html', headers })).status).toBe(401);
      expect((await raw(server.port, { method: 'POST', path: '/api/issues.list', headers, body: '{}' })).status).toBe(401);
      expect((await raw(server.port, { method: 'POST', path: '/print/print.html', headers, body: '{}' })).status).toBe(401);
      expect((await raw(server.port, { path: '/print/..%2findex.html', headers })).status).toBe(403);
      // The URL parser folds %2e%2e into a parent step: that is /index.html, which needs the token.
      expect((await raw(server.port, { path: '/assets/%2e%2e/index.html', headers })).status).toBe(401);
    }
    // A wrong token on a public file sets no cookie either.
    const guessed = await raw(server.port, { path: '/print/print.html?token=guess', headers: host() });
    expect(guessed.headers['set-cookie']).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('lets the app frame only the print origin, and the print page be framed only by the app', async () => {
    const csp = (r: { headers: Record<string, string | string[] | undefined> }) => String(r.headers['content-security-policy']);
    const app = await raw(server.port, { path: '/?token=test-token', headers: host() });
    expect(csp(app)).toContain(`frame-src http://localhost:${server.port};`);
    expect(csp(app)).toContain("frame-ancestors 'self'");
    const print = await raw(server.port, { path: '/print/print.html', headers: { host: `localhost:${server.port}` } });
    expect(csp(print)).toContain(`frame-ancestors http://127.0.0.1:${server.port}`);
    expect(csp(print)).toContain("frame-src 'none'");
    // Hashed assets are cached (the print frame loads its fonts once); pages and data never are.
    expect((await raw(server.port, { path: '/assets/print-abc123.js', headers: host() })).headers['cache-control']).toContain('immutable');
    expect(app.headers['cache-control']).toBe('no-store');
  });
});


describe('API calls: header token, JSON, the app origin only', () => {
  let server: WebServer;
  const calls: string[] = [];
  const logged: string[] = [];
  let app: string;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gazette-web-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    server = await startWebServer({
      root,
      token: 'test-token',
      logger: { warn: (m) => logged.push(m) },
      call: async (channel, payload) => {
        calls.push(channel);
        if (payload && typeof payload === 'object' && 'bad' in payload) return { ok: false, error: { code: 'bad-request', message: 'bad' } };
        return { ok: true, value: [] };
      },
    });
    app = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, body = '{}', pathName = '/api/issues.list') =>
    raw(server.port, { method: 'POST', path: pathName, headers: { host: `127.0.0.1:${server.port}`, ...headers }, body });
  const good = () => ({ 'x-gazette-token': 'test-token', 'content-type': 'application/json', origin: app, 'sec-fetch-site': 'same-origin' });

  it('works with the header token, JSON and the app origin', async () => {
    const ok = await post(good());
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    expect((await post({ ...good(), 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    // Origin alone (no Sec-Fetch-Site: older browsers) and Sec-Fetch-Site alone are each enough.
    const { 'sec-fetch-site': _site, ...originOnly } = good();
    expect((await post(originOnly)).status).toBe(200);
    const { origin: _origin, ...siteOnly } = good();
    expect((await post(siteOnly)).status).toBe(200);
    expect(calls).toHaveLength(4);
  });

  it('refuses each forged call with 403 (or 401 without any token) and logs why, without calling the handler', async () => {
    calls.length = 0;
    logged.length = 0;
    const { 'x-gazette-token': _t, ...noToken } = good();
    const cases: Array<[string, Record<string, string>, number, string?]> = [
      ['the right cookie but no header', { ...noToken, cookie: `gazette_token_${server.port}=test-token` }, 403],
      ['the token in the query only', noToken, 403, '/api/issues.list?token=test-token'],
      ['no token at all', noToken, 401],
      ['a wrong header token', { ...good(), 'x-gazette-token': 'test-tokeX' }, 401],
      ['another port of 127.0.0.1', { ...good(), origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' }, 403],
      ['the print frame origin', { ...good(), origin: `http://localhost:${server.port}`, 'sec-fetch-site': 'cross-site' }, 403],
      ['a null origin (sandboxed frame, file:)', { ...good(), origin: 'null' }, 403],
      ['Sec-Fetch-Site same-site', { ...good(), 'sec-fetch-site': 'same-site' }, 403],
      ['neither Origin nor Sec-Fetch-Site', { 'x-gazette-token': 'test-token', 'content-type': 'application/json' }, 403],
      ['text/plain', { ...good(), 'content-type': 'text/plain' }, 403],
      ['a form', { ...good(), 'content-type': 'application/x-www-form-urlencoded' }, 403],
      ['no content type', (({ 'content-type': _c, ...rest }) => rest)(good()), 403],
    ];
    for (const [what, headers, status, pathName] of cases) {
      const res = await post(headers, '{}', pathName);
      expect(res.status, what).toBe(status);
      expect(JSON.parse(res.body).ok, what).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(cases.length);
    expect(logged.join('\n')).toContain('Origin http://127.0.0.1:1');
    expect(logged.join('\n')).toContain('Content-Type text/plain');
    expect(logged.join('\n')).not.toContain('test-token');
  });

  it('answers no CORS preflight, so no other origin can send the header', async () => {
    const res = await raw(server.port, {
      method: 'OPTIONS',
      path: '/api/issues.list',
      headers: { host: `127.0.0.1:${server.port}`, origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-gazette-token' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('takes the event stream token from the query, never from the cookie, and only from the app origin', async () => {
    const get = (pathName: string, headers: Record<string, string>) => raw(server.port, { path: pathName, headers: { host: `127.0.0.1:${server.port}`, ...headers } });
    expect((await get('/api/events', { cookie: `gazette_token_${server.port}=test-token`, 'sec-fetch-site': 'same-origin' })).status).toBe(403);
    expect((await get('/api/events?token=test-token', { 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('refuses bad payloads of any shape with a 4xx and a logged reason', async () => {
    logged.length = 0;
    calls.length = 0;
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const body of [deep, deepObject, '{"a":', '\u0000', 'nul']) {
      const res = await post(good(), body);
      expect(res.status).toBe(400);
    }
    expect(calls).toEqual([]);
    expect(logged.filter((l) => l.includes('deeper than'))).toHaveLength(2);
    expect(logged.filter((l) => l.includes('not valid JSON'))).toHaveLength(3);
    // Shapes the contract refuses come back from the handler as bad-request: a 400 too.
    expect((await post(good(), '{"bad":1}')).status).toBe(400);
  });

  it('counts nesting without parsing, skipping brackets inside strings', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
  });
});
