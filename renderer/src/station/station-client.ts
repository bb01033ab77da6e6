import { createClient, type Client } from '../../../contract/api/client.ts';
import { httpTransport } from './http-transport.ts';
import { findBridge, ipcTransport } from './ipc-transport.ts';

/** IPC inside the Electron shell, HTTP in web mode: the screens cannot tell which. */
export function createStationClient(): Client {
  const bridge = findBridge();
  return createClient(bridge ? ipcTransport(bridge) : httpTransport());
}
