import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { rendererDistDir } from '../core/paths.ts';
import { openStation, type Station } from '../core/station.ts';
import { APP_ORIGIN } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { navigationAllowed, permissionAllowed, permissionCheckAllowed } from './guards.ts';
import { serveContractOverIpc } from './ipc.ts';
import { safeStorageProtector } from './safe-storage-protector.ts';
import { utilityLauncher } from './utility-launcher.ts';
import { kioskWindowOptions } from './window-options.ts';

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
    window = new BrowserWindow(kioskWindowOptions(app.isPackaged, join(import.meta.dirname, 'preload.cjs')));
    window.once('ready-to-show', () => window?.show());
    window.webContents.once('did-finish-load', () => station?.logger.log('info', 'window.loaded', { url: window?.webContents.getURL() }));
    window.webContents.on('render-process-gone', (_e, details) => {
      station?.logger.log('error', 'renderer.gone', { reason: details.reason });
      // Restart a crashed renderer, but not in a tight loop: at most 5 times a minute.
      const now = station?.clock().getTime() ?? 0;
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
      if (!navigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    // The camera is the one permission the kiosk needs, and only for our own page.
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
      const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
      callback(permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), ...(mediaTypes && { mediaTypes }) }));
    });
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
      permissionCheckAllowed({ permission, requestingUrl: requestingOrigin, ...(details.mediaType && { mediaType: details.mediaType }) }),
    );
    station = openStation({
      dataDir: process.env.STATION_DATA_DIR ?? app.getPath('userData'),
      mode: 'electron',
      keyProtector: safeStorageProtector(),
    });
    station.startDevices({ simulate: process.argv.includes('--simulate'), launcher: utilityLauncher });
    station.startSync();
    serveRenderer(rendererDistDir());
    serveContractOverIpc(ipcMain, station, () => window?.webContents);
    createWindow();
  });

  app.on('window-all-closed', () => {
    void (station?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
