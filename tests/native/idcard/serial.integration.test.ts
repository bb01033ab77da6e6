/**
 * The whole chain on a real serial path: serialport on one end of a socat pty pair, the simulator process on
 * the other, speaking GA 467 at 115200 baud. Every profile, every scripted fault, and a pulled cable during
 * each step of a read, after which the reader must recover on its own once the port is back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import {
  ChecksumError,
  IdCardTimeoutError,
  NoCardError,
  ReadFailedError,
  SelectFailedError,
  UnpluggedError,
} from '../../../native/idcard/errors.ts';
import { IdCardReader } from '../../../native/idcard/reader.ts';
import { serialTransportOpener } from '../../../native/idcard/serial-transport.ts';
import { SimulatorProcess } from '../../../native/idcard/simulator/child.ts';
import type { FaultConfig } from '../../../native/idcard/simulator/faults.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';
import { PtyPair } from '../../../native/idcard/simulator/pty-pair.ts';

const profiles = [...loadProfiles().values()];
const photo = { format: 'wlt', bytes: 1024, decoded: null, unavailableReason: 'idcard.photo-no-decoder' };

let dir: string;
let pair: PtyPair;
let sim: SimulatorProcess;
let reader: IdCardReader;

async function faults(config: FaultConfig): Promise<void> {
  await sim.send({ op: 'faults', faults: config });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idcard-it-'));
  pair = await PtyPair.start({ dir });
  sim = await SimulatorProcess.start({ port: pair.devicePath, baud: 115200 });
  reader = new IdCardReader({
    open: serialTransportOpener(pair.hostPath),
    timeouts: { find: 1000, select: 1000, read: 1500 },
    rejectExpired: false,
    now: testClock,
  });
});

afterAll(async () => {
  await reader?.close();
  await sim?.stop();
  await pair?.unplug();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await faults({});
  await sim.send({ op: 'place', profile: 'li-yangben' });
});

describe('reading over a pty with serialport', () => {
  it.each(profiles.map((p) => [p.id, p] as const))('reads %s', async (id, profile) => {
    await sim.send({ op: 'place', profile: id });
    const { card } = await reader.read();
    expect(card).toEqual({ ...profile.card, photo });
  });

  it('reads the SAM id', async () => {
    expect(await reader.readSamId()).toMatch(/^\d{2}\.\d{2}-\d+-\d{10}-\d{10}$/);
  });
});

describe('scripted faults', () => {
  it('no card', async () => {
    await sim.send({ op: 'remove' });
    await expect(reader.read()).rejects.toBeInstanceOf(NoCardError);
    await faults({ noCard: true });
    await sim.send({ op: 'place', profile: 'wang-ceshi' });
    await expect(reader.read()).rejects.toBeInstanceOf(NoCardError);
  });

  it('card removed between find and select, and between select and read', async () => {
    await faults({ removeAfter: 'find' });
    await expect(reader.read()).rejects.toBeInstanceOf(SelectFailedError);
    await sim.send({ op: 'place', profile: 'li-yangben' });
    await faults({ removeAfter: 'select' });
    await expect(reader.read()).rejects.toBeInstanceOf(ReadFailedError);
  });

  it('checksum error: recovered by asking again, reported when it persists', async () => {
    await faults({ checksum: { step: 'read', times: 1 } });
    expect((await reader.read()).card.name).toBe('李样本');
    await faults({ checksum: { step: 'read' } });
    await expect(reader.read()).rejects.toBeInstanceOf(ChecksumError);
  });

  it('no reply: recovered by asking again, reported as a timeout when it persists', async () => {
    await faults({ timeout: { step: 'select', times: 1 } });
    expect((await reader.read()).card.name).toBe('李样本');
    await faults({ timeout: { step: 'find' } });
    await expect(reader.read()).rejects.toBeInstanceOf(IdCardTimeoutError);
  });

  it('garbage bytes before every frame', async () => {
    await faults({ garbage: { bytes: 37 } });
    expect((await reader.read()).card.name).toBe('李样本');
  });

  it('slow SAM (800 ms before each answer)', async () => {
    await faults({ samDelayMs: 800 });
    expect((await reader.read()).card.name).toBe('李样本');
  });
});

describe('unplugged during a read', () => {
  it.each(['find', 'select', 'read'] as const)('during %s: typed error, then recovery once the port is back', async (step) => {
    await faults({ unplug: { step } });
    const reading = reader.read();
    await sim.waitFor('unplugged');
    // The cable is pulled: the pty pair disappears altogether.
    await pair.unplug();
    await expect(reading).rejects.toBeInstanceOf(UnpluggedError);
    await expect(reader.read()).rejects.toBeInstanceOf(UnpluggedError);
    await pair.plug();
    await sim.send({ op: 'replug' });
    expect((await reader.read()).card.name).toBe('李样本');
  });

  it('while idle between reads', async () => {
    expect((await reader.read()).card.name).toBe('李样本');
    await pair.unplug();
    await sim.waitFor('disconnected');
    await pair.plug();
    await sim.send({ op: 'replug' });
    // The old port is gone; at most one read notices, after which the reader has reopened it.
    const first = await reader.read().catch((e: unknown) => e);
    if (first instanceof Error) expect(first).toBeInstanceOf(UnpluggedError);
    expect((await reader.read()).card.name).toBe('李样本');
  });
});
