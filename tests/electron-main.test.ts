/**
 * main/index.ts (and the preload) run against a scripted stand-in of the `electron` module: both are bundled
 * with esbuild, `electron` aliased to tests/fixtures/electron-standin.cjs, so the real package is never
 * loaded. Checks the security wiring: every contract channel reachable, IPC from any other frame refused,
 * app:// serving only build files with the CSP, navigation/window.open/permissions denied, and a dialog
 * when the library cannot be opened. This does not replace running Electron, which these machines cannot.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../common/ipc/index';
import { channelFunctionName, IPC_CALL } from '../common/ipc/names';
import { dailyBackup, listBackups, openLibrary } from '../main/store/index';
import { ensureBuilt, ROOT } from './e2e-support';
import { makeTree, tempDir } from './store-fixtures';

const requireHere = createRequire(import.meta.url);
const STANDIN = path.join(ROOT, 'tests/fixtures/electron-standin.cjs');

interface Standin {
  appData: string;
  dialogChoice?: number;
  fireReady(): void;
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; loaded: string[]; webContents: StandinContents }>;
  ipcHandlers: Record<string, (event: unknown, channel: unknown, payload: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>>;
  protocolHandlers: Record<string, (request: Request) => Response | Promise<Response>>;
  privilegedSchemes: Array<{ scheme: string }>;
  permissionRequestHandler: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
  permissionCheckHandler: (...args: unknown[]) => boolean;
  dialogs: Array<{ kind: string; args: unknown[] }>;
  exposed: Record<string, Record<string, (...args: unknown[]) => unknown>>;
  quitCalled: boolean;
  menu: { template: Array<{ label: string; submenu: Array<{ label?: string }> }> } | null;
}
interface StandinContents {
  windowOpenHandler: (details: { url: string }) => { action: string };
  emitPreventable(name: string, eventFields: object, ...args: unknown[]): boolean;
}

const g = globalThis as unknown as { __electronStandin?: Partial<Standin> };
let work: string;
let mainBundle: string;
let preloadBundle: string;

/** Bundle an entry as Electron runs it (CommonJS), with `electron` replaced by the stand-in. */
async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    alias: { electron: STANDIN },
    external: ['better-sqlite3', 'playwright-core'],
    logLevel: 'silent',
  });
  // The bundle must not reach for the real package.
  expect(readFileSync(outfile, 'utf8')).not.toMatch(/require\(["']electron["']\)/);
}

/** Run main/index.ts afresh with its app data in `appData`, fire `ready`, and return the stand-in's record. */
async function boot(appData: string, dialogChoice?: number): Promise<Standin> {
  g.__electronStandin = { appData, dialogChoice };
  delete requireHere.cache[mainBundle];
  requireHere(mainBundle);
  const standin = g.__electronStandin as Standin;
  standin.fireReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return standin;
}

const fromApp = { senderFrame: { url: 'app://gazette/index.html' } };

beforeAll(async () => {
  ensureBuilt();
  // Laid out like the app (dist/main beside dist/renderer, resources/), inside the project so the bundle
  // finds better-sqlite3 in node_modules.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(path.join(cache, 'gazette-standin-'));
  mkdirSync(path.join(work, 'dist', 'main'), { recursive: true });
  symlinkSync(path.join(ROOT, 'dist', 'renderer'), path.join(work, 'dist', 'renderer'));
  symlinkSync(path.join(ROOT, 'resources'), path.join(work, 'resources'));
  writeFileSync(path.join(work, 'package.json'), '{"name":"standin","private":true}');
  mainBundle = path.join(work, 'dist', 'main', 'index.cjs');
  preloadBundle = path.join(work, 'dist', 'preload.cjs');
  await bundle('main/index.ts', mainBundle);
  await bundle('preload/index.ts', preloadBundle);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('main/index.ts against the electron stand-in', () => {
  let standin: Standin;
  let appData: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    appData = tempDir('gazette-appdata-');
    standin = await boot(appData.dir);
  });
  afterAll(() => appData.cleanup());

  it('opens one sandboxed, isolated window on app://gazette', () => {
    expect(standin.windows).toHaveLength(1);
    const prefs = standin.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' });
    expect(prefs.nodeIntegrationInWorker ?? false).toBe(false);
    expect(prefs.webviewTag ?? false).toBe(false);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs.experimentalFeatures ?? false).toBe(false);
    expect(standin.windows[0].loaded).toEqual(['app://gazette/index.html']);
    expect(standin.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
  });

  it('reaches every contract channel over its one IPC handler, and only those', async () => {
    const handler = standin.ipcHandlers[IPC_CALL];
    expect(Object.keys(standin.ipcHandlers)).toEqual([IPC_CALL]);
    for (const channel of Object.keys(contract)) {
      // A payload every channel's schema refuses: the answer names the channel, so the call reached it.
      const result = await handler(fromApp, channel, 'not an object');
      expect(result.error?.code, channel).toBe('bad-request');
      expect(result.error?.message, channel).toContain(`invalid request for ${channel}`);
    }
    expect((await handler(fromApp, 'fs.readFile', {})).error?.code).toBe('unknown-channel');
    const list = await handler(fromApp, 'issues.list', {});
    expect(list.ok).toBe(true);
  });

  it('exposes one preload function per contract channel and nothing else', async () => {
    g.__electronStandin = { appData: appData.dir };
    delete requireHere.cache[preloadBundle];
    requireHere(preloadBundle);
    const exposed = (g.__electronStandin as Standin).exposed.gazette;
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.keys(exposed).sort()).toEqual([...Object.keys(contract).map(channelFunctionName), 'onEvent'].sort());
    expect(await exposed.issuesList({})).toEqual([IPC_CALL, 'issues.list', {}]);
  });

  it('refuses IPC from any other frame or origin', async () => {
    const handler = standin.ipcHandlers[IPC_CALL];
    const before = ((await handler(fromApp, 'issues.list', {})).value as unknown[]).length;
    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'app://print/print/print.html' } },
      { senderFrame: { url: 'file:///etc/passwd' } },
      { senderFrame: { url: 'app://gazette.evil/index.html' } },
      { senderFrame: null },
      {},
    ]) {
      const result = await handler(event, 'issues.createNext', {});
      expect(result, JSON.stringify(event)).toEqual({ ok: false, error: { code: 'forbidden', message: '拒绝访问' } });
    }
    expect((await handler(fromApp, 'issues.createNext', 42)).ok).toBe(false);
    expect(((await handler(fromApp, 'issues.list', {})).value as unknown[]).length).toBe(before);
  });

  it('serves app:// only from the build, with the CSP header', async () => {
    const serve = standin.protocolHandlers.app;
    const page = await serve(new Request('app://gazette/index.html'));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('frame-src app://print');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const print = await serve(new Request('app://print/print/print.html'));
    expect(print.status).toBe(200);
    expect(print.headers.get('content-security-policy')).toContain('frame-ancestors app://gazette');
    for (const url of [
      'app://gazette/..%2f..%2fpackage.json',
      'app://gazette/%2e%2e/%2e%2e/package.json',
      'app://gazette/assets/..%5c..%5cpackage.json',
      'app://gazette/%00',
      'app://print/index.html',
      'app://evil/index.html',
    ]) {
      const response = await serve(new Request(url));
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('"private"');
    }
  });

  it('denies navigation, redirects, window.open, webviews and permission requests', () => {
    const contents = standin.windows[0].webContents;
    expect(contents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler({ url: 'app://gazette/index.html' })).toEqual({ action: 'deny' });
    expect(contents.emitPreventable('will-navigate', {}, 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', {}, 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', {}, 'app://gazette/index.html#/issue/x')).toBe(false);
    expect(contents.emitPreventable('will-redirect', {}, 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-frame-navigate', { isMainFrame: false, url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitPreventable('will-frame-navigate', { isMainFrame: false, url: 'app://print/print/print.html' })).toBe(false);
    expect(contents.emitPreventable('will-attach-webview', {})).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      standin.permissionRequestHandler({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    expect(standin.permissionCheckHandler({}, 'media', 'app://gazette')).toBe(false);
  });

  it('offers 恢复 in the 文件 menu', () => {
    const file = standin.menu!.template.find((m) => m.label === '文件')!;
    expect(file.submenu.map((i) => i.label)).toContain('恢复…');
  });
});

describe('a library that cannot be opened', () => {
  it('shows a dialog and quits instead of starting without a window (zero-length file, left as it was)', async () => {
    const { dir, cleanup } = tempDir('gazette-appdata-');
    try {
      mkdirSync(path.join(dir, 'gazette'));
      writeFileSync(path.join(dir, 'gazette', 'library.sqlite'), '');
      const standin = await boot(dir);
      expect(standin.windows).toHaveLength(0);
      expect(standin.quitCalled).toBe(true);
      const box = standin.dialogs.find((d) => d.kind === 'showErrorBox');
      expect(box?.args[0]).toBe('无法打开资料库');
      expect(String(box?.args[1])).toContain('这个文件是空的');
      expect(readFileSync(path.join(dir, 'gazette', 'library.sqlite'))).toHaveLength(0);
      // …and the reason is in the log file the dialog names.
      expect(readFileSync(path.join(dir, 'gazette', 'logs', 'gazette.log'), 'utf8')).toContain('the library could not be opened');
    } finally {
      cleanup();
    }
  });

  it('offers the newest good backup for a damaged library and opens it when chosen', async () => {
    const { dir, cleanup } = tempDir('gazette-appdata-');
    try {
      const file = path.join(dir, 'gazette', 'library.sqlite');
      mkdirSync(path.dirname(file));
      const lib = openLibrary(file, { logger: { warn: () => {} } });
      lib.issues.insertTree(makeTree());
      dailyBackup(lib.rawDb, file, new Date(2026, 0, 2));
      lib.rawDb.pragma('wal_checkpoint(TRUNCATE)');
      lib.close();
      const bytes = readFileSync(file);
      bytes.fill(0x5a, 4096, bytes.length);
      writeFileSync(file, bytes);

      const standin = await boot(dir, 0); // the user picks 从备份恢复
      const offer = standin.dialogs.find((d) => d.kind === 'showMessageBoxSync');
      expect(offer).toBeDefined();
      expect(JSON.stringify(offer!.args)).toContain('2026-01-02');
      expect(standin.windows).toHaveLength(1);
      const list = await standin.ipcHandlers[IPC_CALL](fromApp, 'issues.list', {});
      expect((list.value as unknown[]).length).toBe(1);
      expect(listBackups(file).map((b) => b.day)).toContain('2026-01-02');
    } finally {
      cleanup();
    }
  });
});
