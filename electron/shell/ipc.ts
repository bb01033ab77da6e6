import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { methodNames } from '../../contract/api/api.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallReply } from '../../contract/api/wire.ts';
import type { Station } from '../core/station.ts';
import { trustedSender } from './guards.ts';

/** The part of ipcMain this uses: passed in, so registration is tested with a stand-in. */
export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

const refused: CallReply = { ok: false, error: { name: 'IpcError', code: 'error.untrusted-sender', message: 'untrusted sender', params: {}, kind: 'input' } };

/** One `ipc.handle` per contract method; the sender is checked, then the shared dispatcher does the rest. */
export function serveContractOverIpc(ipc: IpcRegistrar, station: Pick<Station, 'call' | 'bus' | 'logger'>, windowContents: () => WebContents | undefined): () => void {
  for (const name of methodNames) {
    ipc.handle(`${IPC_CALL_CHANNEL}:${name}`, (event: IpcMainInvokeEvent, input: unknown, credentials: unknown) => {
      const frame = event.senderFrame;
      const facts = { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame, isOurWindow: event.sender === windowContents() };
      if (!trustedSender(facts)) {
        station.logger.log('warn', 'ipc.untrusted-sender', { method: name, url: facts.frameUrl });
        return refused;
      }
      const { session, visit } = (credentials ?? {}) as { session?: unknown; visit?: unknown };
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return station.call(name, input, { transport: 'ipc', session: text(session), visit: text(visit) });
    });
  }
  const unsubscribe = station.bus.subscribe((event, payload) => {
    windowContents()?.send(IPC_EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    for (const name of methodNames) ipc.removeHandler(`${IPC_CALL_CHANNEL}:${name}`);
  };
}
