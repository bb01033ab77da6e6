import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import type { DeviceStatus } from '../../../contract/api/devices.ts';
import { DeviceManager } from '../../../native/devices/device-manager.ts';
import { SerialTransport } from '../../../native/idcard/serial-transport.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';
import { PtyPair } from '../../../native/idcard/simulator/pty-pair.ts';
import { SamSimulator } from '../../../native/idcard/simulator/simulator.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('hot-plug of the ID reader on a real serial path', () => {
  it('shows the reader absent when unplugged and ready again when plugged back, and it reads without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-hotplug-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pair = await PtyPair.start({ dir });
    cleanups.push(() => pair.unplug());
    const profiles = loadProfiles();
    const simulator = new SamSimulator({ profiles, baud: 0 });
    const attach = async () => simulator.attach(await SerialTransport.open(pair.devicePath));
    await attach();
    simulator.place([...profiles.keys()][0]!);

    const seen: DeviceStatus[] = [];
    const manager = new DeviceManager(
      { simulate: false, idcardPort: pair.hostPath, printerRoles: {}, pollMs: 200 },
      { changed: (s) => seen.push(s), ink: () => undefined, cleared: () => undefined },
      testClock,
    );
    cleanups.push(() => manager.close());
    await manager.start();
    const reader = () => manager.list().find((d) => d.kind === 'idcard')!;
    expect(reader().state).toBe('ready');
    expect((await manager.readIdCard()).idNumber).toBe([...profiles.values()][0]!.card.idNumber);

    simulator.detach();
    await pair.unplug();
    await vi.waitFor(() => expect(seen.filter((s) => s.kind === 'idcard').at(-1)?.state).toBe('absent'), { timeout: 10_000 });
    await expect(manager.readIdCard()).rejects.toMatchObject({ code: 'idcard.unplugged' });

    await pair.plug();
    await attach();
    await vi.waitFor(
      () => expect(seen.filter((s) => s.kind === 'idcard').at(-1)?.state).toMatch(/ready|error/),
      { timeout: 10_000 },
    );
    expect((await manager.readIdCard()).idNumber).toBe([...profiles.values()][0]!.card.idNumber);
    expect(reader()).toMatchObject({ state: 'ready', lastError: null });
  });
});
