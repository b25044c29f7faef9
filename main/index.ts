/**
 * The Electron entry: the only module that imports electron at runtime (with main/electron/*).
 * Windows with sandbox + context isolation, pages from the app:// protocol (strict path containment, CSP),
 * permissions, navigation and window.open denied, single instance, window state, the library in userData,
 * menus, and the contract over one ipcMain handler that checks the sender frame's origin.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, IPC_CALL, IPC_EVENT } from '../common/ipc/names';
import { createElectronPrintEngine } from './electron/printEngine';
import type { UserFileKind } from './handlers/deps';
import { handleCall } from './handlers/index';
import { createLibraryHost, type LibraryHost } from './libraryHost';
import { createHostServices, handlerServices } from './hostServices';
import { createFileLogger } from './log';
import { appRoot } from './appRoot';
import { LIBRARY_FILE_NAME } from './paths';
import { newestGoodBackup, restoreBackup, StoreError, type Library } from './store/index';
import { ELECTRON_PRINT_ORIGIN, urlOrigin } from '../common/render/printProtocol';
import { containedPath, contentSecurityPolicy, PUBLIC_PREFIXES } from './web/server';
import { denyOthersWrite } from './umask';

const APP_HOST = 'gazette';
/** The live preview's print page runs on its own host, another site, so in its own renderer process. */
const PRINT_HOST = new URL(ELECTRON_PRINT_ORIGIN).host;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

denyOthersWrite();

// Same folder as main/paths.ts defaultLibraryPath(): <appData>/gazette.
app.setPath('userData', path.join(app.getPath('appData'), 'gazette'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let host: LibraryHost | null = null;
  const log = createFileLogger('app', { dir: path.join(app.getPath('userData'), 'logs') });
  // The app's long-lived services (Electron's printToPDF window and the layout caches, the Word worker, the
  // files it wrote, the volume job), for the app's life: stopped when it quits (main/hostServices.ts).
  const services = createHostServices({ launchEngine: () => createElectronPrintEngine(`${APP_ORIGIN}/print/print.html`) });
  const rendererRoot = path.join(appRoot(), 'dist', 'renderer');

  const emit = (channel: string, payload: unknown) => {
    for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, { channel, payload });
  };
  const menuCommand = (command: string) => emit('menu.command', { command });

  // ---------------------------------------------------------------- window state
  const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');
  type WindowState = { x?: number; y?: number; width: number; height: number; maximized?: boolean };
  const readState = (): WindowState => {
    try {
      const s = JSON.parse(readFileSync(stateFile(), 'utf8')) as WindowState;
      if (s.width > 400 && s.height > 300) return s;
    } catch {}
    return { width: 1440, height: 900 };
  };
  const saveState = (win: BrowserWindow) => {
    try {
      const b = win.getNormalBounds();
      writeFileSync(stateFile(), JSON.stringify({ ...b, maximized: win.isMaximized() }));
    } catch {}
  };

  // ---------------------------------------------------------------- security
  // Not `new URL(url).origin`: Node's URL says 'null' for app:// URLs, which would refuse every IPC call.
  const isOurUrl = (url: string) => urlOrigin(url) === APP_ORIGIN;

  const isPrintFrameUrl = (url: string) => urlOrigin(url) === ELECTRON_PRINT_ORIGIN;

  app.on('web-contents-created', (_, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Subframes may only be our own pages or the print page.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isOurUrl(event.url) && !isPrintFrameUrl(event.url)) event.preventDefault();
    });
    contents.on('will-navigate', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  /**
   * app://gazette/… is the app; app://print/… serves only the print page and the build assets, framed by
   * the app alone (frame-ancestors), and the app may frame only that origin (frame-src).
   */
  function serveApp(request: Request): Response {
    const url = new URL(request.url);
    const printHost = url.host === PRINT_HOST;
    if (!printHost && url.host !== APP_HOST) return new Response('forbidden', { status: 403 });
    if (printHost && !PUBLIC_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return new Response('forbidden', { status: 403 });
    const file = containedPath(rendererRoot, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    const csp = printHost ? contentSecurityPolicy({ frameSrc: "'none'", frameAncestors: APP_ORIGIN }) : contentSecurityPolicy({ frameSrc: ELECTRON_PRINT_ORIGIN });
    return new Response(readFileSync(file), {
      headers: {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }

  // ---------------------------------------------------------------- windows
  function createWindow(): BrowserWindow {
    const state = readState();
    const win = new BrowserWindow({
      x: state.x,
      y: state.y,
      width: state.width,
      height: state.height,
      minWidth: 1100,
      minHeight: 700,
      show: false,
      title: '政务公开信息编排',
      backgroundColor: '#eef0f3',
      webPreferences: {
        preload: path.join(appRoot(), 'dist', 'preload', 'index.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        // No middle-click (auxclick) navigation; window.open is denied as well (setWindowOpenHandler).
        disableBlinkFeatures: 'Auxclick',
      },
    });
    if (state.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.on('close', () => saveState(win));
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  }

  // ---------------------------------------------------------------- menus
  async function importFile(): Promise<void> {
    if (!host || !mainWindow) return;
    const picked = await dialog.showOpenDialog(mainWindow, {
      title: '导入',
      properties: ['openFile'],
      filters: [
        { name: '期刊包或文本', extensions: ['gazette', 'txt'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    const file = picked.filePaths[0];
    if (!file) return;
    // The file was picked here in main: the package import takes it as the host's choice, never as a payload path.
    const result = file.toLowerCase().endsWith('.gazette')
      ? await handleCall('issues.importPackage', { pick: true }, { deps: { ...deps, chooseOpenFile: async () => file } })
      : await handleCall('issues.importText', { text: readFileSync(file, 'utf8') }, { deps });
    if (!result.ok) dialog.showErrorBox('导入失败', result.error.message);
    else menuCommand('library');
  }

  function buildMenu(): Menu {
    const template: MenuItemConstructorOptions[] = [
      {
        label: '文件',
        submenu: [
          { label: '新建一期', accelerator: 'CmdOrCtrl+N', click: () => menuCommand('new-issue') },
          { label: '打开…', accelerator: 'CmdOrCtrl+O', click: () => void importFile() },
          { label: '导入…', accelerator: 'CmdOrCtrl+I', click: () => void importFile() },
          { type: 'separator' },
          { label: '导出 PDF', accelerator: 'CmdOrCtrl+E', click: () => menuCommand('export-pdf') },
          { label: '导出 DOCX', accelerator: 'CmdOrCtrl+Shift+E', click: () => menuCommand('export-docx') },
          { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => menuCommand('print') },
          { type: 'separator' },
          { label: '恢复…', click: () => menuCommand('restore') },
          { type: 'separator' },
          { label: '退出', role: 'quit' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          { label: '撤销', role: 'undo' },
          { label: '重做', role: 'redo' },
          { type: 'separator' },
          { label: '剪切', role: 'cut' },
          { label: '复制', role: 'copy' },
          { label: '粘贴', role: 'paste' },
          { label: '全选', role: 'selectAll' },
          { type: 'separator' },
          { label: '查找与替换', accelerator: 'CmdOrCtrl+F', click: () => menuCommand('find') },
          { label: '全刊查找替换', accelerator: 'CmdOrCtrl+Shift+F', click: () => menuCommand('find-in-issue') },
        ],
      },
      {
        label: '视图',
        submenu: [
          { label: '期刊库', accelerator: 'CmdOrCtrl+L', click: () => menuCommand('library') },
          { type: 'separator' },
          { label: '实际大小', role: 'resetZoom' },
          { label: '放大', role: 'zoomIn' },
          { label: '缩小', role: 'zoomOut' },
          { type: 'separator' },
          { label: '全屏', role: 'togglefullscreen' },
          ...(app.isPackaged ? [] : ([{ label: '开发者工具', role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
        ],
      },
      {
        label: '帮助',
        submenu: [
          {
            label: '关于',
            click: () =>
              void dialog.showMessageBox({ type: 'info', title: '关于', message: `政务公开信息编排 ${app.getVersion()}`, detail: `资料库：${host?.library.file ?? ''}` }),
          },
          { label: '打开资料库所在文件夹', click: () => host && shell.showItemInFolder(host.library.file) },
        ],
      },
    ];
    return Menu.buildFromTemplate(template);
  }

  // ---------------------------------------------------------------- files the user chooses (dialogs in main)
  const FILE_TYPES: Record<UserFileKind, { name: string; extensions: string[]; title: string }> = {
    pdf: { name: 'PDF', extensions: ['pdf'], title: '导出 PDF' },
    docx: { name: 'Word 文档', extensions: ['docx'], title: '导出 DOCX' },
    gazette: { name: '期刊包', extensions: ['gazette'], title: '期刊包' },
  };

  /** Where to save an export: the save dialog (it asks before replacing a file); null when closed. */
  async function chooseSaveFile({ kind, suggestedName }: { kind: UserFileKind; suggestedName: string }): Promise<string | null> {
    const type = FILE_TYPES[kind];
    const options: SaveDialogOptions = {
      title: type.title,
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [{ name: type.name, extensions: type.extensions }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return null;
    const ext = `.${type.extensions[0]}`;
    return picked.filePath.toLowerCase().endsWith(ext) ? picked.filePath : picked.filePath + ext;
  }

  /** Which file to read: the open dialog; null when closed. */
  async function chooseOpenFile({ kind }: { kind: UserFileKind }): Promise<string | null> {
    const type = FILE_TYPES[kind];
    const options: OpenDialogOptions = { title: `导入${type.name}`, properties: ['openFile'], filters: [{ name: type.name, extensions: type.extensions }] };
    const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  }

  // ---------------------------------------------------------------- contract over IPC
  const deps = {
    get library(): Library {
      if (!host) throw new StoreError('io', '资料库没有打开 (library not open)');
      return host.library;
    },
    logger: log,
    restoreLibrary: (day?: string) => {
      if (!host) throw new StoreError('io', '资料库没有打开 (library not open)');
      return host.restore(day);
    },
    emit,
    printEngine: () => services.printService.engine(),
    ...handlerServices(services),
    revealFile: (file: string) => shell.showItemInFolder(file),
    chooseSaveFile,
    chooseOpenFile,
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    protocol.handle('app', serveApp);
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    host = openLibraryOrExplain(path.join(app.getPath('userData'), LIBRARY_FILE_NAME));
    if (!host) return;

    ipcMain.handle(IPC_CALL, async (event, channel: unknown, payload: unknown) => {
      // Only our own pages may call: the sending frame must be on the app:// origin.
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOurUrl(frameUrl) || typeof channel !== 'string') return { ok: false, error: { code: 'forbidden', message: '拒绝访问' } };
      return handleCall(channel, payload, { deps });
    });

    Menu.setApplicationMenu(buildMenu());
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    // Start the Word import worker once the window has settled, so the first import does not wait for it.
    setTimeout(() => void services.docxWorker.prewarm(), 10_000).unref();
  }).catch((error: unknown) => {
    // A start that fails here would leave a process with no window: say why and quit.
    log.error('the app could not start', error);
    dialog.showErrorBox('无法启动', error instanceof Error ? error.message : String(error));
    app.quit();
  });

  /**
   * Open the library; when it cannot be opened, say why in a dialog (never a silent start without a
   * window). A damaged library with a good backup offers to restore it (the damaged file is kept aside).
   */
  function openLibraryOrExplain(file: string): LibraryHost | null {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const opened = createLibraryHost(file, { logger: log });
        if (opened.library.readOnly) log.warn(`library opened read-only: ${file}`);
        return opened;
      } catch (error) {
        log.error('the library could not be opened', error);
        const message = error instanceof StoreError ? error.message : `无法打开资料库：${file}（详情已写入日志）`;
        const backup = error instanceof StoreError && error.code === 'corrupt' && attempt === 0 ? newestGoodBackup(file) : null;
        if (backup) {
          const choice = dialog.showMessageBoxSync({
            type: 'error',
            title: '资料库已损坏',
            message: '资料库文件已损坏，无法打开。',
            detail: `${message}\n\n可以用 ${backup.day} 的自动备份恢复（损坏的文件会保留在旁边）。`,
            buttons: ['从备份恢复', '退出'],
            defaultId: 0,
            cancelId: 1,
          });
          if (choice === 0) {
            restoreBackup(file, { from: backup.file });
            continue;
          }
        } else {
          dialog.showErrorBox('无法打开资料库', `${message}\n\n资料库：${file}\n日志：${log.file}`);
        }
        app.quit();
        return null;
      }
    }
    return null;
  }

  app.on('window-all-closed', () => {
    void services.stop();
    host?.close();
    host = null;
    app.quit();
  });
}
