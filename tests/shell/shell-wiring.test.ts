import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../contract/api/api.ts';
import { IPC_CALL_CHANNEL } from '../../contract/api/wire.ts';
import { openStation } from '../../electron/core/station.ts';
import { serveContractOverIpc, type IpcRegistrar } from '../../electron/shell/ipc.ts';
import { rendererResponse } from '../../electron/shell/renderer-files.ts';
import { kioskWindowOptions } from '../../electron/shell/window-options.ts';
import { testClock } from '../helpers/clock.ts';

// The shell's wiring without the Electron binary (it cannot be fetched here): the IPC registration against a
// stand-in for ipcMain and webContents, the app:// responses, the window's options.
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'doorstep-shell-'));
  dirs.push(d);
  return d;
};

type Handler = (event: unknown, input: unknown, session: unknown) => unknown;

describe('the IPC registration', () => {
  it('registers one handler per method, answers our window, refuses any other sender, and removes them all', async () => {
    const station = openStation({ dataDir: temp(), mode: 'electron', clock: testClock });
    const handlers = new Map<string, Handler>();
    const ipc = { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (channel: string) => handlers.delete(channel) };
    const mainFrame = { url: 'app://station/index.html' };
    const ours = { mainFrame, send: () => undefined };
    const stop = serveContractOverIpc(ipc as unknown as IpcRegistrar, station, () => ours as never);
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((m) => `${IPC_CALL_CHANNEL}:${m}`).sort());

    const call = (method: string, event: unknown, session: unknown = null) => handlers.get(`${IPC_CALL_CHANNEL}:${method}`)!(event, {}, session);
    expect(await call('appInfo', { sender: ours, senderFrame: mainFrame })).toMatchObject({ ok: true, value: { name: 'Doorstep', mode: 'electron' } });
    const strangers = [
      { sender: ours, senderFrame: { url: 'app://station/index.html' } }, // an iframe of our page
      { sender: { mainFrame }, senderFrame: mainFrame }, // another window
      { sender: ours, senderFrame: null },
      { sender: { mainFrame: { url: 'https://evil.example/' } }, senderFrame: { url: 'https://evil.example/' } },
    ];
    for (const event of strangers) expect(await call('appInfo', event)).toMatchObject({ ok: false, error: { code: 'error.untrusted-sender' } });
    // A staff method through IPC needs a session like anywhere else.
    expect(await call('caseList', { sender: ours, senderFrame: mainFrame })).toMatchObject({ ok: false, error: { code: 'auth.sign-in-needed' } });
    stop();
    expect(handlers.size).toBe(0);
    await station.close();
  });
});

describe('app://station', () => {
  it('serves the built renderer with the CSP, and nothing outside it or of another host', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {}');
    const index = await rendererResponse(dir, 'app://station/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await rendererResponse(dir, 'app://station/assets/app.js')).headers.get('content-type')).toBe('text/javascript');
    for (const url of ['app://station/../../etc/passwd', 'app://station/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html']) {
      expect((await rendererResponse(dir, url)).status, url).toBe(404);
    }
  });
});

describe('the kiosk window', () => {
  it('has the security checklist in its web preferences, and is a kiosk with no devtools once packaged', () => {
    const packaged = kioskWindowOptions(true, '/app/preload.cjs');
    expect(packaged).toMatchObject({ kiosk: true, fullscreen: true });
    expect(packaged.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(kioskWindowOptions(false, '/x').webPreferences?.devTools).toBe(true);
  });
});
