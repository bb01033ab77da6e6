import { contextBridge, ipcRenderer } from 'electron';
import { isMethodName } from '../../contract/api/api.ts';
import { IPC_BRIDGE_KEY, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallReply } from '../../contract/api/wire.ts';

// The renderer's only door to the core: a call per contract method, and the push events. No Node, no ipcRenderer.
contextBridge.exposeInMainWorld(IPC_BRIDGE_KEY, {
  call(method: string, input: unknown, credentials: { session: unknown; visit: unknown }): Promise<CallReply> {
    if (!isMethodName(method)) return Promise.reject(new Error(`unknown method ${method}`));
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return ipcRenderer.invoke(`${IPC_CALL_CHANNEL}:${method}`, input, { session: text(credentials?.session), visit: text(credentials?.visit) }) as Promise<CallReply>;
  },
  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    const handler = (_e: unknown, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
