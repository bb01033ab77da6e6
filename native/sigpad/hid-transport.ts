import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Emitter } from './emitter.ts';
import { SigpadAbsentError, SigpadOpenFailedError, SigpadUnavailableError } from './errors.ts';
import type { DeviceInfo, SigpadTransport, TransportEvents } from './transport.ts';

/** The part of node-hid this transport uses, so tests can hand in a stand-in module. */
export interface NodeHidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

export interface NodeHidHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
  getFeatureReport(reportId: number, length: number): Promise<Buffer>;
  sendFeatureReport(data: Buffer): Promise<number>;
  /** Not in node-hid 3.4; used when a later version has it. */
  getReportDescriptor?(): Promise<Buffer>;
}

export interface NodeHidModule {
  getHidapiVersion(): string;
  devicesAsync(): Promise<NodeHidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<NodeHidHandle> };
}

export type NodeHidLoader = () => Promise<NodeHidModule>;

/** node-hid, imported only when a pad is first looked for: its native binding needs libusb-1.0 at load time. */
const importNodeHid: NodeHidLoader = () => import('node-hid');

export interface NodeHidTransportOptions {
  /** Chooses the device to open among those enumerated (see pickDevice). */
  pick: (devices: DeviceInfo[]) => DeviceInfo | undefined;
  loader?: NodeHidLoader;
  /** Where Linux lists hidraw nodes; the report descriptor is read from here. */
  sysfsHidraw?: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function toDeviceInfo(d: NodeHidDeviceInfo & { path: string }): DeviceInfo {
  const info: DeviceInfo = { vendorId: d.vendorId, productId: d.productId, path: d.path };
  if (d.product) info.product = d.product;
  if (d.manufacturer) info.manufacturer = d.manufacturer;
  if (d.usagePage !== undefined) info.usagePage = d.usagePage;
  if (d.usage !== undefined) info.usage = d.usage;
  return info;
}

export class NodeHidTransport implements SigpadTransport {
  private readonly events = new Emitter<TransportEvents>();
  private readonly loader: NodeHidLoader;
  private readonly sysfsHidraw: string;
  private hid: Promise<NodeHidModule> | undefined;
  private handle: NodeHidHandle | undefined;
  private info: DeviceInfo | undefined;

  constructor(private readonly options: NodeHidTransportOptions) {
    this.loader = options.loader ?? importNodeHid;
    this.sysfsHidraw = options.sysfsHidraw ?? '/sys/class/hidraw';
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  private async load(): Promise<NodeHidModule> {
    this.hid ??= (async () => {
      try {
        const hid = await this.loader();
        // Loads the native binding now, so a missing libusb shows up here rather than in the middle of a capture.
        hid.getHidapiVersion();
        return hid;
      } catch (cause) {
        // Forget the failure: once a technician installs libusb, the next start works without an app restart.
        this.hid = undefined;
        throw new SigpadUnavailableError(message(cause), cause);
      }
    })();
    return this.hid;
  }

  private async enumerate(hid: NodeHidModule): Promise<DeviceInfo[]> {
    const all = await hid.devicesAsync();
    return all.filter((d): d is NodeHidDeviceInfo & { path: string } => typeof d.path === 'string').map(toDeviceInfo);
  }

  async open(): Promise<DeviceInfo> {
    if (this.info !== undefined) return this.info;
    const hid = await this.load();
    let devices: DeviceInfo[];
    try {
      devices = await this.enumerate(hid);
    } catch (cause) {
      throw new SigpadUnavailableError(`cannot list HID devices: ${message(cause)}`, cause);
    }
    const info = this.options.pick(devices);
    if (info === undefined) throw new SigpadAbsentError();
    let handle: NodeHidHandle;
    try {
      handle = await hid.HIDAsync.open(info.path);
    } catch (cause) {
      throw new SigpadOpenFailedError(info.product ?? info.path, message(cause), cause);
    }
    this.handle = handle;
    this.info = info;
    handle.on('error', (error) => void this.onReadError(handle, info, error));
    handle.on('data', (data) => {
      if (this.handle === handle) this.events.emit('data', new Uint8Array(data), performance.now());
    });
    return info;
  }

  /** A read error is either an unplug (the device is gone from the list) or a real fault. */
  private async onReadError(handle: NodeHidHandle, info: DeviceInfo, error: unknown): Promise<void> {
    if (this.handle !== handle) return;
    this.handle = undefined;
    this.info = undefined;
    // The handle is dead either way; closing an unplugged device fails, which changes nothing.
    await handle.close().catch(() => undefined);
    let present = true;
    try {
      const hid = await this.load();
      present = (await this.enumerate(hid)).some((d) => d.path === info.path);
    } catch {
      present = false;
    }
    if (present) this.events.emit('error', error instanceof Error ? error : new Error(message(error)));
    else this.events.emit('detach');
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.info = undefined;
    if (handle !== undefined) await handle.close();
  }

  private opened(): NodeHidHandle {
    if (this.handle === undefined) throw new Error('signature pad is not open');
    return this.handle;
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    return new Uint8Array(await this.opened().getFeatureReport(reportId, length));
  }

  async sendFeatureReport(data: Uint8Array): Promise<void> {
    await this.opened().sendFeatureReport(Buffer.from(data));
  }

  async reportDescriptor(): Promise<Uint8Array | null> {
    const handle = this.opened();
    if (handle.getReportDescriptor !== undefined) return new Uint8Array(await handle.getReportDescriptor());
    const path = this.info?.path ?? '';
    if (!path.startsWith('/dev/hidraw')) return null;
    try {
      return new Uint8Array(await readFile(join(this.sysfsHidraw, basename(path), 'device', 'report_descriptor')));
    } catch {
      // Not Linux hidraw, or sysfs hidden: the layout file is the documented fallback.
      return null;
    }
  }
}
