import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../../contract/api/api.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../contract/api/wire.ts';
import type { Station } from '../core/station.ts';
import { APP_ORIGIN } from './app-protocol.ts';

/** Only our own page, in the top frame of our own window, may call the core. */
function trustedSender(event: IpcMainInvokeEvent, windowContents: () => WebContents | undefined): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    event.sender === windowContents() &&
    frame === event.sender.mainFrame &&
    new URL(frame.url).origin === APP_ORIGIN
  );
}

/** One `ipcMain.handle` per contract method; inputs and outputs are validated by the shared dispatcher. */
export function serveContractOverIpc(station: Station, windowContents: () => WebContents | undefined): () => void {
  for (const name of methodNames) {
    ipcMain.handle(`${IPC_CALL_CHANNEL}:${name}`, (event, input: unknown, session: unknown) => {
      if (!trustedSender(event, windowContents)) {
        station.logger.log('warn', 'ipc.untrusted-sender', { method: name, url: event.senderFrame?.url ?? null });
        return { ok: false, error: { name: 'IpcError', code: 'error.internal', message: 'untrusted sender', params: {}, kind: 'failure' } };
      }
      return station.call(name, input, { transport: 'ipc', session: typeof session === 'string' ? session : null });
    });
  }
  const unsubscribe = station.bus.subscribe((event, payload) => {
    windowContents()?.send(IPC_EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    for (const name of methodNames) ipcMain.removeHandler(`${IPC_CALL_CHANNEL}:${name}`);
  };
}
