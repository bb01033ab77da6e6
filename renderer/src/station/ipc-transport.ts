import type { MethodName } from '../../../contract/api/api.ts';
import type { Credentials, Transport } from '../../../contract/api/client.ts';
import { IPC_BRIDGE_KEY, type CallReply } from '../../../contract/api/wire.ts';

/** What the Electron preload exposes on `window[IPC_BRIDGE_KEY]`. */
export interface StationBridge {
  call(method: MethodName, input: unknown, credentials: Credentials): Promise<CallReply>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

/** The preload's bridge, when this page runs inside the Electron shell. */
export function findBridge(): StationBridge | undefined {
  return (window as unknown as Record<string, StationBridge | undefined>)[IPC_BRIDGE_KEY];
}

export function ipcTransport(bridge: StationBridge): Transport {
  return {
    call: (method, input, credentials) => bridge.call(method, input, credentials),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
