import { join } from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import { rendererDistDir } from '../core/paths.ts';
import { openStation, startDevices, startSync, type Station } from '../core/station.ts';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.ts';
import { serveContractOverIpc } from './ipc.ts';
import { safeStorageProtector } from './safe-storage-protector.ts';

// Settings the Electron security checklist asks for, before anything else runs.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let station: Station | undefined;
  let window: BrowserWindow | undefined;
  let crashes: number[] = [];

  const createWindow = () => {
    window = new BrowserWindow({
      kiosk: app.isPackaged,
      fullscreen: app.isPackaged,
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
      show: false,
      webPreferences: {
        preload: join(import.meta.dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: !app.isPackaged,
        spellcheck: false,
      },
    });
    window.once('ready-to-show', () => window?.show());
    window.webContents.on('render-process-gone', (_e, details) => {
      station?.logger.log('error', 'renderer.gone', { reason: details.reason });
      // Restart a crashed renderer, but not in a tight loop: at most 5 times a minute.
      const now = Date.now();
      crashes = [...crashes.filter((t) => now - t < 60_000), now];
      if (crashes.length <= 5) window?.reload();
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    // The document camera is the one permission the kiosk needs.
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'media'));
    station = openStation({
      dataDir: process.env.STATION_DATA_DIR ?? app.getPath('userData'),
      mode: 'electron',
      keyProtector: safeStorageProtector(),
    });
    startDevices(station, { simulate: process.argv.includes('--simulate') });
    startSync(station);
    serveRenderer(rendererDistDir());
    serveContractOverIpc(station, () => window?.webContents);
    createWindow();
  });

  app.on('window-all-closed', () => {
    void (station?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
