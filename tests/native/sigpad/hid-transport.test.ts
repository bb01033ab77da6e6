import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigpadUnavailableError } from '../../../native/sigpad/errors.ts';
import type { NodeHidDeviceInfo, NodeHidHandle, NodeHidLoader, NodeHidModule } from '../../../native/sigpad/hid-transport.ts';
import { NodeHidTransport } from '../../../native/sigpad/hid-transport.ts';
import { createHidSignaturePad } from '../../../native/sigpad/index.ts';
import { pickDevice } from '../../../native/sigpad/layouts.ts';
import type { PadStatus, SignaturePad } from '../../../native/sigpad/signature-pad.ts';
import { createSignaturePad } from '../../../native/sigpad/signature-pad.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { bytes, layouts, recording, RECORDINGS } from './helpers.ts';
import { PEN_DESCRIPTOR } from './recording-maker.ts';

class FakeHandle extends EventEmitter implements NodeHidHandle {
  closed = false;
  readonly sent: string[] = [];
  constructor(private readonly features: Buffer[]) {
    super();
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    const answer = this.features.find((f) => f[0] === reportId);
    if (answer === undefined) throw new Error('could not get feature report');
    return answer.subarray(0, length);
  }
  async sendFeatureReport(data: Buffer): Promise<number> {
    this.sent.push(data.toString('hex'));
    return data.length;
  }
}

const STU_430: NodeHidDeviceInfo = { vendorId: 0x056a, productId: 0x00a4, path: '/dev/hidraw1', product: 'STU-430' };
const PEN: NodeHidDeviceInfo = { vendorId: 0x1209, productId: 0x0001, path: '/dev/hidraw5', usagePage: 0x0d, usage: 0x02 };
const KEYBOARD: NodeHidDeviceInfo = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', usagePage: 0x01, usage: 0x06 };

/** A node-hid stand-in: a device list the test edits, and handles it can make emit data or errors. */
function fakeNodeHid(devices: NodeHidDeviceInfo[], features: Buffer[] = []) {
  const opened: { path: string; handle: FakeHandle }[] = [];
  const hid: NodeHidModule = {
    getHidapiVersion: () => '0.14.0',
    devicesAsync: async () => [...devices],
    HIDAsync: {
      open: async (path: string) => {
        if (path === '/dev/hidraw-locked') throw new Error('cannot open device with path /dev/hidraw-locked');
        const handle = new FakeHandle(features);
        opened.push({ path, handle });
        return handle;
      },
    },
  };
  return { hid, opened, devices };
}

/** The pad's next state change; the transport works out unplug or fault asynchronously. */
function nextState(pad: SignaturePad): Promise<PadStatus> {
  return new Promise((resolve) => {
    const off = pad.on('state', (status) => {
      off();
      resolve(status);
    });
  });
}

function padWith(loader: NodeHidLoader, sysfsHidraw?: string) {
  const transport = new NodeHidTransport({
    pick: (d) => pickDevice(layouts, d),
    loader,
    ...(sysfsHidraw === undefined ? {} : { sysfsHidraw }),
  });
  return { transport, pad: createSignaturePad({ transport, layouts }) };
}

describe('node-hid transport: loading', () => {
  it('a node-hid that cannot load makes the pad unavailable with the reason, never a crash', async () => {
    const loader = async () => (await import('./fixtures/node-hid-without-libusb.ts')) as unknown as NodeHidModule;
    const pad = createHidSignaturePad(layouts, loader);
    expect(await pad.probe()).toMatchObject({
      state: 'unavailable',
      lastError: { code: 'sigpad.unavailable', params: { reason: expect.stringContaining('libusb-1.0.so.0') } },
    });
    await expect(pad.start()).rejects.toBeInstanceOf(SigpadUnavailableError);
    expect(pad.status().state).toBe('unavailable');
  });

  it('a binding that fails on first use counts the same, and a later start retries (libusb installed meanwhile)', async () => {
    const { hid, opened } = fakeNodeHid([STU_430]);
    let installed = false;
    const loader = async (): Promise<NodeHidModule> => ({
      ...hid,
      getHidapiVersion: () => {
        if (!installed) throw new Error('libusb-1.0.so.0: cannot open shared object file');
        return '0.14.0';
      },
    });
    const { pad } = padWith(loader);
    await expect(pad.start()).rejects.toMatchObject({ code: 'sigpad.unavailable' });
    installed = true;
    await pad.start();
    expect(pad.status().state).toBe('capturing');
    expect(opened.map((o) => o.path)).toEqual(['/dev/hidraw1']);
  });

  it('the real node-hid on this machine loads or says why, and finds no pad here', async () => {
    const { pad } = padWith(async () => import('node-hid'));
    expect(['absent', 'unavailable']).toContain((await pad.probe()).state);
  });
});

describe('node-hid transport: devices', () => {
  it('opens the known model among all HID devices and feeds its reports to the pad', async () => {
    const rec = await recording(RECORDINGS.stu430);
    const { hid, opened } = fakeNodeHid([KEYBOARD, PEN, STU_430], rec.featureReports.map((f) => Buffer.from(f)));
    const { pad } = padWith(async () => hid);
    let points = 0;
    pad.on('point', () => points++);
    await pad.start();
    const handle = opened[0]?.handle as FakeHandle;
    expect(opened[0]?.path).toBe('/dev/hidraw1');
    expect(handle.sent).toEqual(['3203', '2000', '2101']);
    for (const r of rec.reports) handle.emit('data', Buffer.from(r.data));
    const signature = await pad.confirm();
    expect(signature.strokes).toHaveLength(15);
    expect(points).toBeGreaterThan(500);
  });

  it('says absent when no pad is plugged in, open-failed when one cannot be opened', async () => {
    const none = fakeNodeHid([KEYBOARD]);
    expect(await padWith(async () => none.hid).pad.probe()).toMatchObject({ state: 'absent' });
    const locked = fakeNodeHid([{ ...STU_430, path: '/dev/hidraw-locked' }]);
    expect(await padWith(async () => locked.hid).pad.probe()).toMatchObject({
      state: 'error',
      lastError: { code: 'sigpad.open-failed', params: { device: 'STU-430' } },
    });
  });

  it('a read error with the device gone is an unplug; plugged back, the next start finds it again', async () => {
    const fake = fakeNodeHid([STU_430]);
    const { pad } = padWith(async () => fake.hid);
    await pad.start();
    const first = fake.opened[0]?.handle as FakeHandle;
    fake.devices.length = 0;
    const lost = nextState(pad);
    first.emit('error', new Error('could not read from HID device'));
    expect(await lost).toMatchObject({ state: 'error', lastError: { code: 'sigpad.detached' } });
    expect(first.closed).toBe(true);

    fake.devices.push(STU_430);
    await pad.start();
    expect(pad.status().state).toBe('capturing');
    expect(fake.opened).toHaveLength(2);
  });

  it('a read error with the device still there is a device fault', async () => {
    const fake = fakeNodeHid([STU_430]);
    const { pad } = padWith(async () => fake.hid);
    await pad.start();
    const lost = nextState(pad);
    fake.opened[0]?.handle.emit('error', new Error('EIO'));
    expect(await lost).toMatchObject({ state: 'error', lastError: { code: 'sigpad.device-error' } });
  });

  it('reads a generic pen through its report descriptor from sysfs', async () => {
    const sysfs = tempDir();
    await mkdir(join(sysfs, 'hidraw5', 'device'), { recursive: true });
    // The pen's X range is 20000 here, not the layout file's 10000.
    const descriptor = bytes(PEN_DESCRIPTOR.replace('261027', '26204e').replace('46e803', '46d007'));
    await writeFile(join(sysfs, 'hidraw5', 'device', 'report_descriptor'), descriptor);
    const fake = fakeNodeHid([KEYBOARD, PEN]);
    const { pad, transport } = padWith(async () => fake.hid, sysfs);
    await pad.start();
    expect(await transport.reportDescriptor()).toEqual(descriptor);
    expect(pad.status().device).toMatchObject({ layoutId: 'hid-digitizer', surface: { width: 20000, height: 6000 } });
  });

  it('falls back to the generic layout file when the descriptor cannot be read', async () => {
    const fake = fakeNodeHid([PEN]);
    const { pad } = padWith(async () => fake.hid, join(tempDir(), 'no-such-dir'));
    await pad.start();
    expect(pad.status().device?.surface).toEqual({ width: 10000, height: 6000, maxPressure: 2047 });
  });
});
