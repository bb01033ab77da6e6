import { fileURLToPath } from 'node:url';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import type { SignaturePoint } from '../../../contract/domain/signature.ts';
import type { DeviceApi, Remote } from '../../../native/devices/device-api.ts';
import type { DeviceManagerOptions } from '../../../native/devices/device-manager.ts';
import { remoteApi, RpcClient } from '../../../native/devices/rpc.ts';
import type { EventBus } from '../event-bus.ts';
import type { Logger } from '../log.ts';
import type { DeviceChild, DeviceLauncher } from './device-launcher.ts';

class DeviceProcessFailedError extends StationError {
  constructor(detail: string) {
    super('devices.worker-failed', `device process failed: ${detail}`);
  }
}

/** How long to wait before starting a crashed device process again. */
const RESTART_DELAY_MS = 1000;

/**
 * From source (tests, `npx station`) the device process is the TypeScript module started through tsx; in the
 * app's bundle it is device-process.mjs next to the main bundle.
 */
function entry(): { file: string; env: Record<string, string> } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('../../../native/devices/process-boot.mjs', import.meta.url)),
      env: { DOORSTEP_DEVICE_ENTRY: new URL('../../../native/devices/device-process.ts', import.meta.url).href },
    };
  }
  return { file: fileURLToPath(new URL('./device-process.mjs', import.meta.url)), env: {} };
}

/**
 * The core's handle on the devices. They live in a process of their own (DeviceManager): a slow reader, a page
 * being straightened or a PNG being drawn never holds up the UI or the HTTP server, and a native driver that
 * crashes takes down only that process, which is started again. Device events go onto the bus.
 */
export class DeviceHost {
  private child: DeviceChild | null = null;
  private alive = false;
  private exited: Promise<void> = Promise.resolve();
  private rpc: RpcClient | null = null;
  private closing = false;
  /** Settles when the device process has started; calls wait for it rather than fail while it boots. */
  private ready: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: DeviceManagerOptions,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly launch: DeviceLauncher,
  ) {}

  /** Starts the device process in the background: the station serves its screens meanwhile. */
  static start(options: DeviceManagerOptions, bus: EventBus, logger: Logger, launch: DeviceLauncher): DeviceHost {
    const host = new DeviceHost(options, bus, logger, launch);
    host.ready = host.spawn();
    host.ready.catch((error: unknown) => logger.log('error', 'devices.start-failed', { error: String(error) }));
    return host;
  }

  /** Resolves once the devices are up (or rejects with why they are not). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private spawn(): Promise<void> {
    const { file, env } = entry();
    const child = this.launch(file, { ...env, DOORSTEP_DEVICE_OPTIONS: JSON.stringify(this.options) });
    const rpc = new RpcClient(child.port);
    this.alive = true;
    this.exited = new Promise((resolve) =>
      child.onExit(() => {
        this.alive = false;
        resolve();
      }),
    );
    this.child = child;
    this.rpc = rpc;
    const started = new Promise<void>((resolve, reject) => {
      rpc.onEvent((event, payload) => {
        if (event === 'started') resolve();
        else if (event === 'failed') reject(new DeviceProcessFailedError((payload as { message: string }).message));
        else this.forward(event, payload);
      });
      child.onExit((why) => reject(new DeviceProcessFailedError(why)));
    });
    child.onExit((why) => {
      rpc.failAll(new DeviceProcessFailedError(why));
      if (this.closing) return;
      this.logger.log('error', 'devices.process-exited', { why });
      setTimeout(() => {
        if (this.closing) return;
        this.ready = this.spawn();
        this.ready.catch((error: unknown) => this.logger.log('error', 'devices.restart-failed', { error: String(error) }));
      }, RESTART_DELAY_MS).unref();
    });
    return started;
  }

  private forward(event: string, payload: unknown): void {
    if (event === 'changed') this.bus.emit('deviceChanged', payload as DeviceStatus);
    else if (event === 'ink') this.bus.emit('sigpadInk', payload as { stroke: number; points: SignaturePoint[] });
    else if (event === 'cleared') this.bus.emit('sigpadCleared', {});
  }

  /** The devices, typed as DeviceApi; every call waits for the device process to be up. */
  readonly api: Remote<Omit<DeviceApi, 'close'>> = remoteApi<DeviceApi>((method, args) => this.call(method, args));

  private async call(method: string, args: unknown[]): Promise<unknown> {
    await this.ready;
    if (!this.rpc || !this.child?.running()) throw new DeviceProcessFailedError('not running');
    return this.rpc.call(method, args);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.ready.catch(() => undefined);
    const child = this.child;
    if (!child || !this.alive) return;
    await this.call('close', []).catch(() => undefined);
    child.stop();
    const killer = setTimeout(() => child.kill(), 5000);
    await this.exited;
    clearTimeout(killer);
  }
}
