import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containedPath, startWebServer, type WebServer } from './server';

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
    const withCookie = await raw(server.port, { path: '/index.html', headers: { ...host(), cookie: 'gazette_token=test-token' } });
    expect(withCookie.status).toBe(200);
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
    const auth = { ...host(), 'x-gazette-token': 'test-token', 'content-type': 'application/json' };
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
