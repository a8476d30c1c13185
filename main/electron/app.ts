/**
 * The desktop shell, kept thin: a secure window, one IPC channel, native dialogs and menus.
 * Every behaviour lives in code that runs in plain Node (main/handlers, db/), shared with
 * browser mode and the CLI.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NAME, DB_FILE_NAME } from '../app-info';
import { appRoot } from '../app-root';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { firstScreenGate } from '../first-screen-gate';
import { handlers } from '../handlers/index';
import { desktopCapabilities } from './desktop';
import { safeStorageBox } from './safe-storage';
import { forwardChanges, registerIpc } from './ipc';
import { changeFeed } from '../changes/change-feed';
import { methodChanges } from '../changes/method-changes';
import { buildMenu } from './menu';
import { APP_ORIGIN, APP_URL, registerAppScheme, serveRenderer } from './protocol';
import { guardWebContents, installGlobalGuards, lockDownSession, secureWebPreferences } from './security';
import { configureSpellcheck, prepareSpellcheck } from './spellcheck';
import { loadWindowState, trackWindowState } from './window-state';
import { setTokenVault } from '../sync/token-vault';
import { safeStorageVault } from './safe-storage-vault';
import { PAGE_CSP } from '../http';
import { cspWithStream, isStreamRequest, setStreamEndpoint, startDesktopStream, type StreamEndpoint } from '../stream-endpoint';

app.setName(APP_NAME);
registerAppScheme();
installGlobalGuards();

/**
 * better-sqlite3 is a native module: the packaged app gets one rebuilt for Electron by
 * electron-builder; a development checkout keeps the Node build for the tests in node_modules and
 * an Electron build beside it (scripts/electron-native.mjs).
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const dev = path.join(appRoot(), 'build', 'electron-native', 'better_sqlite3.node');
  return fs.existsSync(dev) ? dev : undefined;
}

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  if (i > 0 && process.argv[i + 1]) return path.resolve(process.argv[i + 1]);
  if (process.env.WORKBENCH_DB) return path.resolve(process.env.WORKBENCH_DB);
  return path.join(app.getPath('userData'), DB_FILE_NAME);
}

let mainWindow: BrowserWindow | null = null;
let ctx: Ctx | null = null;
/** The window's live stream of co-edited bodies, on a loopback socket of its own (stream-endpoint.ts). */
let stream: Promise<StreamEndpoint | null> = Promise.resolve(null);
let streamUrl: string | undefined;

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  // The preferences come from secureWebPreferences (contextIsolation, sandbox, Auxclick off), which
  // shell.test.ts checks; the static checker cannot follow the call.
  const win = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    ...state,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: APP_NAME,
    // Linux shows this in the task bar; Windows and macOS take the installer's icon.ico / icon.icns.
    icon: path.join(appRoot(), 'build-resources', 'icons', '256x256.png'),
    backgroundColor: '#fbfaf8',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  guardWebContents(win.webContents);
  trackWindowState(win, app.getPath('userData'));
  // The draft saver holds the window (beforeunload) while a save is in flight. Electron would
  // otherwise cancel the close silently, so ask: wait for the save, or close anyway.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Wait for the save', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'A change is still being saved.',
      detail: 'Wait a moment and close again so nothing is lost, or close now and lose the last seconds of typing.',
    });
    if (choice === 1) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    stream = startDesktopStream(() => ctx, APP_ORIGIN).then(
      (endpoint) => ((streamUrl = endpoint.url), endpoint),
      (e: Error) => (console.warn(`The co-editing stream could not start: ${e.message}`), null),
    );
    lockDownSession((url) => isStreamRequest(url, streamUrl));
    const spellcheck = {
      dictionariesDir: app.isPackaged ? path.join(process.resourcesPath, 'dictionaries') : path.join(appRoot(), 'build-resources', 'dictionaries'),
      userDataDir: app.getPath('userData'),
      log: (message: string) => console.warn(message),
    };
    prepareSpellcheck(session.defaultSession, spellcheck);
    serveRenderer(path.join(appRoot(), 'dist', 'renderer'), async () => {
      const endpoint = await stream;
      return endpoint ? cspWithStream(PAGE_CSP, endpoint.url) : PAGE_CSP;
    });
    Menu.setApplicationMenu(buildMenu());
    // The window first: its renderer process starts while the database opens below, and its
    // first request is answered as soon as this task ends. What the first screen does not need
    // (the daily backup, installing the spellcheck dictionaries) waits for the gate.
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    const gate = firstScreenGate();
    try {
      // The workspace token is sealed by the system keychain in the desktop app.
      setTokenVault(safeStorageVault);
      ctx = createContext({ dbPath: dbPathFromArgs(), mode: 'electron', nativeBinding: nativeBinding(), backgroundAfter: gate.opened });
    } catch (err) {
      dialog.showErrorBox(APP_NAME, `The workbench database could not be opened.\n\n${(err as Error).message}`);
      app.exit(2);
      return;
    }
    ctx.desktop = desktopCapabilities(() => mainWindow);
    ctx.secretBox = safeStorageBox();
    setStreamEndpoint(ctx, stream);
    const store = ctx;
    const feed = changeFeed(store);
    const dispatch = gate.track(createDispatch(handlers, store, { onWrite: (method, input) => feed.note(methodChanges(store.db, method, input)) }));
    registerIpc(dispatch, (wc) => mainWindow !== null && !mainWindow.isDestroyed() && wc === mainWindow.webContents);
    forwardChanges(feed, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
    void gate.opened.then(() => configureSpellcheck(session.defaultSession, spellcheck));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void stream.then((endpoint) => endpoint?.close());
    if (ctx) closeContext(ctx);
  });
}
