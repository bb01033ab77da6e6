import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigpadLayoutError } from '../../../native/sigpad/errors.ts';
import { layoutJsonSchema, parseLayout } from '../../../native/sigpad/layout.ts';
import { DEFAULT_LAYOUT_DIR, findLayout, loadLayouts, pickDevice } from '../../../native/sigpad/layouts.ts';
import type { DeviceInfo } from '../../../native/sigpad/transport.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { layout, layouts } from './helpers.ts';

const device = (d: Partial<DeviceInfo>): DeviceInfo => ({ vendorId: 0, productId: 0, path: '/dev/hidraw9', ...d });

describe('layout files', () => {
  it('are all valid and cover the STU-430, STU-540 and a generic digitizer', async () => {
    const files = (await readdir(DEFAULT_LAYOUT_DIR)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(layouts.map((l) => l.id).sort()).toEqual(['hid-digitizer', 'wacom-stu-430', 'wacom-stu-540']);
    expect(layouts).toHaveLength(files.length);
  });

  it('keep assets/sigpad/layout.schema.json equal to the schema the code validates with', async () => {
    await expect(`${JSON.stringify(layoutJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      join(DEFAULT_LAYOUT_DIR, 'layout.schema.json'),
    );
  });

  it('decode hex ids and command bytes', () => {
    const stu = layout('wacom-stu-430');
    expect(stu.match).toEqual({ vendorId: 0x056a, productIds: [0x00a4, 0x00a6] });
    expect(stu.reports.map((r) => r.reportId)).toEqual([0x01, 0x34]);
    expect(stu.commands?.start).toEqual([Uint8Array.of(0x20, 0x00), Uint8Array.of(0x21, 0x01)]);
  });

  it('reject a malformed file with every problem and its path', () => {
    const error = (() => {
      try {
        parseLayout({ id: 'X', name: '' }, 'bad.json');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SigpadLayoutError);
    expect((error as SigpadLayoutError).code).toBe('sigpad.bad-layout');
    expect((error as SigpadLayoutError).message).toMatch(/id: .*name: .*match/s);
  });

  it('turn an unreadable file into a typed error naming it', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'broken.json'), '{ not json');
    await expect(loadLayouts(dir)).rejects.toMatchObject({ code: 'sigpad.bad-layout', params: { source: 'broken.json' } });
  });
});

describe('choosing a device and its layout', () => {
  const stu540 = device({ vendorId: 0x056a, productId: 0x00a8, product: 'STU-540', path: '/dev/hidraw1' });
  const pen = device({ vendorId: 0x1209, productId: 0x0001, usagePage: 0x0d, usage: 0x02, path: '/dev/hidraw2' });
  const keyboard = device({ vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06, path: '/dev/hidraw3' });

  it('matches Wacom pads by vendor and product, anything else by digitizer usage', () => {
    expect(findLayout(layouts, stu540)?.id).toBe('wacom-stu-540');
    expect(findLayout(layouts, pen)?.id).toBe('hid-digitizer');
    expect(findLayout(layouts, keyboard)).toBeUndefined();
  });

  it('prefers a known model over a generic digitizer listed before it', () => {
    expect(pickDevice(layouts, [keyboard, pen, stu540])).toBe(stu540);
    expect(pickDevice(layouts, [keyboard, pen])).toBe(pen);
    expect(pickDevice(layouts, [keyboard])).toBeUndefined();
  });

  it('never reads a Wacom STU as a generic digitizer, even if it also reports a digitizer usage', () => {
    expect(findLayout(layouts, { ...stu540, usagePage: 0x0d, usage: 0x02 })?.id).toBe('wacom-stu-540');
  });
});
