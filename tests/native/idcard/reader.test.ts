/** The reader against the in-process simulator over a memory link: every step, fault and recovery path. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CardExpiredError,
  ChecksumError,
  IdCardTimeoutError,
  NoCardError,
  NotResidentCardError,
  ReadFailedError,
  SelectFailedError,
  UnpluggedError,
} from '../../../native/idcard/errors.ts';
import { IdCardReader, type IdCardReaderOptions } from '../../../native/idcard/reader.ts';
import { createMemoryLink } from '../../../native/idcard/simulator/memory-link.ts';
import { loadProfiles } from '../../../native/idcard/simulator/profiles.ts';
import { DEFAULT_SAM_ID, SamSimulator } from '../../../native/idcard/simulator/simulator.ts';
import type { FaultConfig } from '../../../native/idcard/simulator/faults.ts';
import type { Transport } from '../../../native/idcard/transport.ts';

const profiles = loadProfiles();
const NOW = () => new Date('2026-06-01T10:00:00+08:00');
const photo = { format: 'wlt', bytes: 1024, decoded: null, unavailableReason: 'idcard.photo-no-decoder' };
const readers: IdCardReader[] = [];

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

/** A simulator and a reader joined by a memory link that is re-made whenever the reader opens the port. */
function rig(options: { faults?: FaultConfig; card?: string | null; reader?: Partial<IdCardReaderOptions>; wrap?: (t: Transport) => Transport } = {}) {
  const sim = new SamSimulator({ profiles, baud: 0, ...(options.faults ? { faults: options.faults } : {}) });
  if (options.card !== null) sim.place(options.card ?? 'li-yangben');
  let opens = 0;
  let refuse = false;
  const reader = new IdCardReader({
    open: async () => {
      opens++;
      if (refuse) throw new UnpluggedError('memory');
      const link = createMemoryLink();
      sim.attach(link.device);
      return options.wrap ? options.wrap(link.host) : link.host;
    },
    timeouts: { find: 300, select: 300, read: 500 },
    now: NOW,
    ...options.reader,
  });
  readers.push(reader);
  return {
    sim,
    reader,
    opens: () => opens,
    refuse: (value: boolean) => {
      refuse = value;
    },
  };
}

describe('IdCardReader', () => {
  it.each([...profiles.values()].filter((p) => p.id !== 'zhao-guoqi').map((p) => [p.id, p] as const))(
    'reads %s',
    async (id, profile) => {
      const { reader } = rig({ card: id });
      const result = await reader.read();
      expect(result.card).toEqual({ ...profile.card, photo });
      expect(result.wlt).toHaveLength(1024);
      expect(result.fingerprint).toBeNull();
    },
  );

  it('reads fingerprints with 30 10', async () => {
    const { reader } = rig({ card: 'chen-zhiwen', reader: { fingerprint: true } });
    const result = await reader.read();
    expect(result.card.fingerprint).toEqual({ bytes: 1024 });
    expect(result.fingerprint).toHaveLength(1024);
    const { reader: other } = rig({ card: 'li-yangben', reader: { fingerprint: true } });
    const without = await other.read();
    expect(without.card.fingerprint).toBeUndefined();
    expect(without.fingerprint).toHaveLength(0);
  });

  it('reports no card at once, without retrying', async () => {
    const { reader, sim } = rig({ card: null });
    await expect(reader.read()).rejects.toBeInstanceOf(NoCardError);
    expect(sim.stats.requests).toBe(1);
    await expect(rig({ faults: { noCard: true } }).reader.read()).rejects.toMatchObject({ code: 'idcard.no-card' });
  });

  it('reports a card lifted between find and select, and between select and read', async () => {
    await expect(rig({ faults: { removeAfter: 'find' } }).reader.read()).rejects.toBeInstanceOf(SelectFailedError);
    await expect(rig({ faults: { removeAfter: 'select' } }).reader.read()).rejects.toBeInstanceOf(ReadFailedError);
  });

  it('repeats a step whose answer was garbled, and gives up with a checksum error', async () => {
    const once = rig({ faults: { checksum: { step: 'read', times: 2 } } });
    expect((await once.reader.read()).card.name).toBe('李样本');
    expect(once.sim.stats.requests).toBe(4 + 1);
    const always = rig({ faults: { checksum: { step: 'select' } } });
    await expect(always.reader.read()).rejects.toBeInstanceOf(ChecksumError);
    expect(always.sim.stats.requests).toBe(1 + 3);
  });

  it('repeats a step that got no answer, and gives up with a timeout naming the step', async () => {
    expect((await rig({ faults: { timeout: { step: 'find', times: 1 } } }).reader.read()).card.name).toBe('李样本');
    const error = await rig({ faults: { timeout: { step: 'select' } }, reader: { retries: 1 } })
      .reader.read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdCardTimeoutError);
    expect((error as IdCardTimeoutError).params).toEqual({ step: 'select', timeoutMs: 300 });
  });

  it('resends a request the SAM could not check (SW3 10)', async () => {
    let corrupted = false;
    const wrap = (t: Transport): Transport =>
      Object.assign(Object.create(t) as Transport, {
        write: (bytes: Uint8Array) => {
          if (corrupted) return t.write(bytes);
          corrupted = true;
          const copy = Uint8Array.from(bytes);
          copy[copy.length - 1]! ^= 0x01;
          return t.write(copy);
        },
      });
    const { reader, sim } = rig({ wrap });
    expect((await reader.read()).card.name).toBe('李样本');
    expect(sim.stats.requests).toBe(4);
  });

  it('reads through garbage before every answer', async () => {
    expect((await rig({ faults: { garbage: { bytes: 40 } } }).reader.read()).card.name).toBe('李样本');
  });

  it('waits for a slow SAM and skips late answers to abandoned requests', async () => {
    const slow = rig({ faults: { samDelayMs: 250 }, reader: { timeouts: { find: 2000, select: 2000, read: 2000 } } });
    expect((await slow.reader.read()).card.name).toBe('李样本');
    // The first find times out; its late answer satisfies the repeated find, whose own answer then arrives
    // during select and must be skipped.
    const stale = rig({ faults: { samDelayMs: 150 }, reader: { timeouts: { find: 100, select: 2000, read: 2000 } } });
    expect((await stale.reader.read()).card.name).toBe('李样本');
    expect(stale.sim.stats.requests).toBe(4);
  });

  it.each(['find', 'select', 'read'] as const)('fails with unplugged when the port goes during %s, then recovers', async (step) => {
    const { reader, sim, opens } = rig({ faults: { unplug: { step } } });
    await expect(reader.read()).rejects.toBeInstanceOf(UnpluggedError);
    expect(sim.attached).toBe(false);
    expect((await reader.read()).card.name).toBe('李样本');
    expect(opens()).toBe(2);
  });

  it('fails with unplugged while the port cannot be opened, and reads once it can', async () => {
    const { reader, refuse } = rig();
    refuse(true);
    await expect(reader.read()).rejects.toBeInstanceOf(UnpluggedError);
    refuse(false);
    expect((await reader.read()).card.idNumber).toBe('43052419901105002X');
  });

  it('refuses an expired card unless told to accept it', async () => {
    const error = await rig({ card: 'zhao-guoqi' }).reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardExpiredError);
    expect((error as CardExpiredError).params).toEqual({ validTo: '2024-04-10' });
    const accepted = await rig({ card: 'zhao-guoqi', reader: { rejectExpired: false } }).reader.read();
    expect(accepted.card.validTo).toBe('2024-04-10');
    // Valid through its last day.
    const lastDay = rig({ card: 'zhao-guoqi', reader: { now: () => new Date(2024, 3, 10, 23, 59) } });
    expect((await lastDay.reader.read()).card.name).toBe('赵过期');
  });

  it('refuses card types the caller does not accept', async () => {
    const { reader } = rig({ card: 'john-example-2017', reader: { accept: ['resident'] } });
    await expect(reader.read()).rejects.toBeInstanceOf(NotResidentCardError);
  });

  it('reads the SAM id', async () => {
    expect(await rig().reader.readSamId()).toBe(DEFAULT_SAM_ID);
  });

  it('runs concurrent reads one after another', async () => {
    const { reader } = rig();
    const results = await Promise.all([reader.read(), reader.read(), reader.readSamId()]);
    expect(results[0].card.name).toBe('李样本');
    expect(results[1].card.name).toBe('李样本');
    expect(results[2]).toBe(DEFAULT_SAM_ID);
  });

  it('hands the photo to a configured decoder, and reports its failure without failing the read', async () => {
    const good = rig({ reader: { photoDecoder: { decode: async () => ({ mime: 'image/bmp', bytes: Uint8Array.of(1, 2, 3) }) } } });
    expect((await good.reader.read()).card.photo).toEqual({
      format: 'wlt',
      bytes: 1024,
      decoded: { mime: 'image/bmp', base64: 'AQID' },
    });
    const bad = rig({ reader: { photoDecoder: { decode: async () => Promise.reject(new Error('not a WLT')) } } });
    expect((await bad.reader.read()).card.photo).toEqual({
      format: 'wlt',
      bytes: 1024,
      decoded: null,
      unavailableReason: 'idcard.photo-decode-failed',
    });
  });
});
