import { CLOCK_ENV, clockFrom } from '../../contract/domain/clock.ts';
import { DeviceManager, type DeviceManagerOptions } from './device-manager.ts';
import { serveApi, type RpcMessage, type RpcPort } from './rpc.ts';

// The device process: the DeviceManager in a process of its own, answering the core over its channel (a Node IPC
// channel, or an Electron utility process's parent port). A native driver that crashes takes down this process
// only; the core starts it again.
/** Electron's utility process talks through `process.parentPort`; a Node child through its IPC channel. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;
const port: RpcPort = parentPort
  ? {
      postMessage: (message: RpcMessage) => parentPort.postMessage(message),
      on: (_event, listener) => parentPort.on('message', (e) => listener(e.data as RpcMessage)),
    }
  : {
      postMessage: (message: RpcMessage) => process.send?.(message),
      on: (_event, listener) => process.on('message', (m) => listener(m as RpcMessage)),
    };

const options = JSON.parse(process.env.DOORSTEP_DEVICE_OPTIONS ?? '{}') as DeviceManagerOptions;
let emit: (event: string, payload: unknown) => void = () => undefined;
const manager = new DeviceManager(
  options,
  {
    changed: (status) => emit('changed', status),
    ink: (batch) => emit('ink', batch),
    cleared: () => emit('cleared', {}),
  },
  // The core's clock reaches this process through the environment it inherits.
  clockFrom(process.env[CLOCK_ENV]),
);

emit = serveApi(port, manager);

// Without the core there is nothing to serve: go when it goes (closing, the core disconnects after close()).
process.on('disconnect', () => {
  void manager.close().finally(() => process.exit(0));
});

manager.start().then(
  () => emit('started', {}),
  (error: unknown) => emit('failed', { message: String((error as Error)?.message ?? error) }),
);
