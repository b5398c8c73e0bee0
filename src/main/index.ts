// Electron entry: the window, the menu and the IPC wiring. Everything else lives in the plain-Node core
// (workstation.ts), which this file only composes. One of the two files allowed to import electron.
import { app, BrowserWindow, ipcMain, Menu, net, protocol, safeStorage, session, shell, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_METHODS, COMMAND_CHANNEL, IPC_PREFIX } from '../shared/api';
import { dispatch } from './api/dispatch';
import { appRoot } from './paths';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, hardenedWebPreferences, isAppUrl } from './shell/security';
import { buildMenuSections } from './shell/menu-template';
import { parseWindowBounds, type WindowBounds } from './shell/window-state';
import { openWorkstation, type Workstation } from './workstation';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(appRoot(), 'dist', 'renderer');
let workstation: Workstation | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    console.error(`Plumbline could not start: ${(err as Error).message}`);
    app.exit(1);
  });
}

function start(): void {
  const dataDir = process.env.PLUMBLINE_DATA ?? app.getPath('userData');
  // Secrets (the model API key) are encrypted with the OS keychain / DPAPI / libsecret, never stored in clear.
  const vault = {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain: string) => safeStorage.encryptString(plain),
    decrypt: (blob: Buffer) => safeStorage.decryptString(blob),
  };
  workstation = openWorkstation({ dataDir, vault });
  const ws = workstation;

  serveRenderer();
  lockDownSession();
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, (event, req: unknown) => {
      if (!isAppUrl(event.senderFrame?.url ?? '')) return { ok: false, error: { name: 'Forbidden', message: 'Calls are accepted only from the Plumbline window.' } };
      return dispatch(ws.handlers, method, req);
    });
  }
  mainWindow = createWindow(ws);
  Menu.setApplicationMenu(buildMenu(ws));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ws.close());
}

/** Serves dist/renderer under app://plumbline with the CSP as a real header. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.normalize(path.join(rendererDir, relative));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** No remote content: every request that is not the app's own scheme is cancelled, every permission denied. */
function lockDownSession(): void {
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_SCHEME}:`) || details.url.startsWith('devtools:') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

function createWindow(ws: Workstation): BrowserWindow {
  const settingsKey = 'window.bounds';
  const bounds = parseWindowBounds(ws.settings.get(settingsKey));
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Plumbline',
    backgroundColor: '#1b1f24',
    webPreferences: hardenedWebPreferences(path.join(appRoot(), 'dist', 'main', 'preload.cjs')),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.on('close', () => {
    const b = win.getNormalBounds();
    const state: WindowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    ws.settings.set(settingsKey, JSON.stringify(state));
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function buildMenu(ws: Workstation): Menu {
  const sections = buildMenuSections(ws.keymap.list());
  const send = (command: string) => mainWindow?.webContents.send(COMMAND_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = sections.map((section) => ({
    label: section.label,
    submenu: [
      ...section.items.map((item) => ({
        label: item.label,
        accelerator: item.accelerator,
        // The renderer owns key handling (rebindable keymap); the menu only shows the keys.
        registerAccelerator: false,
        click: () => send(item.command),
      })),
      ...(section.label === 'View' ? ([{ type: 'separator' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] as MenuItemConstructorOptions[]) : []),
      ...(section.label === 'File' ? ([{ role: 'quit' }] as MenuItemConstructorOptions[]) : []),
    ],
  }));
  if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
  if (!sections.some((s) => s.label === 'File')) template.unshift({ label: 'File', submenu: [{ role: 'quit' }] });
  template.splice(1, 0, { role: 'editMenu' });
  return Menu.buildFromTemplate(template);
}
