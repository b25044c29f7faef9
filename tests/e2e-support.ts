/**
 * End-to-end support: a fresh library per server, the web bridge spawned as the README says
 * (`node bin/gazette.mjs web --db TMP --port 0`, URL from the first stdout line) and headless Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.GAZETTE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p));
}

/** Build the renderer once if this checkout has not been built yet. */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/renderer/index.html')) && existsSync(path.join(ROOT, 'dist/renderer/print/print.html'))) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

export function freshDbPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'gazette-e2e-')), 'library.sqlite');
}

export interface RunningServer {
  url: string;
  base: string;
  token: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startServer(db: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gazette.mjs', 'web', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      const url = new URL(line.trim());
      resolve({
        url: line.trim(),
        base: url.origin,
        token: url.searchParams.get('token') ?? '',
        process: child,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

export async function callApi<T = unknown>(server: RunningServer, channel: string, payload: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${server.base}/api/${channel}`, {
      method: 'POST',
      // The bridge takes calls only from the app's own origin (a browser sends Origin itself). A connection
      // of its own per call: a kept-alive one the server closes after 5 s idle can still look open to a busy
      // test process, and a call sent on it fails (the likely cause of a lone "fetch failed" between two
      // successful calls, e2e files two at a time at load average 37).
      headers: { 'content-type': 'application/json', 'x-gazette-token': server.token, origin: server.base, connection: 'close' },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    // fetch says only "fetch failed"; the cause (ECONNRESET, ECONNREFUSED …) is what tells why.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${channel}: fetch failed (${cause?.code ?? ''} ${cause?.message ?? ''})`, { cause: error });
  }
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message ?? 'call failed');
  return body.value as T;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Where the DOM caret stands: the text of its innermost block up to the caret, `|`, the block's whole text
 * as one can edit it (no placeholder, no zero-width space of an empty block); null when there is no caret in a block.
 * Text typed without a key of its own (page.keyboard.type of Chinese is `insertText`) can land where the
 * browser's caret stood before the last step was drawn (CI typed 丁词语 for 词语丁 after a paste): after a
 * step that moves the caret (Enter, Tab, a paste), wait for this to show the caret where the step put it.
 */
export function caretInBlock(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    const block = (node instanceof Element ? node : node?.parentElement)?.closest('[data-slate-node=element]');
    if (!selection || !node || !block) return null;
    // The text one can edit: not a placeholder (an empty 标题's hint) nor a label drawn beside the text.
    const editable = (range: Range) => {
      const part = range.cloneContents();
      for (const el of part.querySelectorAll('[data-slate-placeholder], [contenteditable=false]')) el.remove();
      return (part.textContent ?? '').replace(/\uFEFF/g, '');
    };
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, selection.anchorOffset);
    const whole = document.createRange();
    whole.selectNodeContents(block);
    return `${editable(before)}|${editable(whole)}`;
  });
}

/** Until the DOM caret stands as `expected` says (see caretInBlock). */
export async function waitForCaret(page: Page, expected: string): Promise<void> {
  await expect.poll(() => caretInBlock(page), { timeout: 30_000 }).toBe(expected);
}

/**
 * 已保存 for what was just typed. The editor draws typed Chinese and 保存中 in one render, so once the text
 * shows, 已保存 can no longer be the state left from an earlier save. (Not for Latin letters alone: Slate
 * lets the browser draw those itself, before React renders.)
 */
export async function waitSavedWith(page: Page, typed: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=editor]').textContent(), { timeout: 30_000 }).toContain(typed);
  await page.waitForSelector('[data-testid=save-state][data-state=saved]', { timeout: 30_000 });
}
