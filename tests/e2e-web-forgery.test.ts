/**
 * Forged calls in a real browser: the app is opened (so its page holds the token and the browser its cookie),
 * then a page served from another port of 127.0.0.1 (the same site for cookies and SameSite) tries every way
 * a web page can send a call to the bridge. None may reach a handler; the app's own page still works.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';

const EVIL_PAGE = '<!doctype html><title>evil</title><form id="f" method="post" enctype="text/plain"><input name="{}" value=""></form>';

describe.skipIf(!chromiumPath())('a page from another 127.0.0.1 port cannot call the bridge', () => {
  let server: RunningServer;
  let evil: Server;
  let evilBase: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(EVIL_PAGE);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    const address = evil.address();
    evilBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => (evil ? evil.close(() => r()) : r()));
  });

  it('refuses cookie-borne, text/plain, form and header calls from the other port', async () => {
    const before = await callApi<unknown[]>(server, 'issues.list', {});
    const context = await browser.newContext();
    const page = await context.newPage();
    // The app, opened as the user does: the browser now holds the bridge's cookie for 127.0.0.1.
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=issue-table]');
    const cookies = await context.cookies(server.base);
    expect(cookies.map((c) => c.name)).toEqual([`gazette_token_${new URL(server.base).port}`]);
    // The app's own call from its page works (header token, JSON, same origin).
    const own = await page.evaluate(async () => {
      const token = sessionStorage.getItem('gazette.token') ?? '';
      const r = await fetch('/api/issues.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': token }, body: '{}' });
      return r.status;
    });
    expect(own).toBe(200);

    await page.goto(`${evilBase}/`);
    const target = `${server.base}/api/issues.createNext`;
    const results = await page.evaluate(async (url) => {
      const attempt = async (init: RequestInit) => {
        try {
          const r = await fetch(url, init);
          return r.type === 'opaque' ? 'opaque' : String(r.status);
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      };
      return {
        cookieJson: await attempt({ method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }),
        textPlain: await attempt({ method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
        withHeader: await attempt({ method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': 'guess' }, body: '{}' }),
        corsJson: await attempt({ method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      };
    }, target);
    // no-cors requests are sent but opaque to the page; the others fail their preflight.
    expect(results.cookieJson).toBe('opaque');
    expect(results.textPlain).toBe('opaque');
    expect(results.withHeader).toMatch(/^blocked/);
    expect(results.corsJson).toMatch(/^blocked/);

    // A classic form post (text/plain, with the cookie) navigates to the bridge's refusal.
    const response = page.waitForResponse((r) => r.url().startsWith(target));
    await page.evaluate((url) => {
      const form = document.getElementById('f') as HTMLFormElement;
      form.action = url;
      form.submit();
    }, target);
    expect((await response).status()).toBe(403);

    // Nothing was created.
    expect(await callApi<unknown[]>(server, 'issues.list', {})).toEqual(before);
    await context.close();
  });
});
