import { utilityProcess } from 'electron';
import type { DeviceLauncher } from '../core/devices/device-launcher.ts';

/**
 * The app's device process: an Electron utility process. Its fuses turn ELECTRON_RUN_AS_NODE off (an inspector
 * or a script run as Node could unwrap the station key), and child_process.fork needs it, so fork cannot be used.
 */
export const utilityLauncher: DeviceLauncher = (file, env) => {
  const child = utilityProcess.fork(file, [], { env: { ...process.env, ...env }, serviceName: 'Doorstep devices', stdio: 'inherit' });
  let alive = true;
  child.once('exit', () => {
    alive = false;
  });
  return {
    port: {
      postMessage: (message) => child.postMessage(message),
      on: (_event, listener) => child.on('message', listener),
    },
    running: () => alive,
    onExit: (listener) => child.once('exit', (code) => listener(`exited with ${code}`)),
    stop: () => child.kill(),
    kill: () => child.kill(),
  };
};
