import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The kiosk window: full screen in the packaged app, and the Electron security checklist's web preferences —
 * context isolation, the sandbox, no Node, web security, no devtools once packaged.
 */
export function kioskWindowOptions(packaged: boolean, preload: string): BrowserWindowConstructorOptions {
  return {
    kiosk: packaged,
    fullscreen: packaged,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !packaged,
      spellcheck: false,
    },
  };
}
