import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { RpcMessage, RpcPort } from '../../../native/devices/rpc.ts';

/** The device process as its host sees it, however it was started. */
export interface DeviceChild {
  port: RpcPort;
  /** Whether messages can still reach it. */
  running(): boolean;
  onExit(listener: (why: string) => void): void;
  /** Lets it finish and go, after close() was answered. */
  stop(): void;
  kill(): void;
}

/** Starts the device process from `file` with `env` added to this process's environment. */
export type DeviceLauncher = (file: string, env: Record<string, string>) => DeviceChild;

/**
 * Web mode and the CLI: a Node child process with an IPC channel. (The Electron app uses a utility process
 * instead — electron/shell/utility-launcher.ts — since its fuses turn off the ELECTRON_RUN_AS_NODE that fork needs.)
 */
export const forkLauncher: DeviceLauncher = (file, env) => {
  const child = fork(file, [], { serialization: 'advanced', env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Booting the drivers must not slow the screens the villager is waiting for.
  if (child.pid !== undefined) setPriority(child.pid, 10);
  return {
    port: {
      postMessage: (message: RpcMessage) => child.send(message),
      on: (_event, listener) => child.on('message', (m) => listener(m as RpcMessage)),
    },
    running: () => child.connected,
    onExit: (listener) => child.once('exit', (code, signal) => listener(`exited with ${signal ?? code}`)),
    stop: () => {
      if (child.connected) child.disconnect();
    },
    kill: () => child.kill('SIGKILL'),
  };
};
