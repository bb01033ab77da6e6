import { describe, expect, it } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import { IdCardTimeoutError } from '../../../native/idcard/errors.ts';
import { PREAMBLE } from '../../../native/idcard/sam-frame.ts';
import { handleControlLine } from '../../../native/idcard/simulator/control.ts';
import { parseFaultSpec, parseFaults } from '../../../native/idcard/simulator/faults.ts';
import { createMemoryLink } from '../../../native/idcard/simulator/memory-link.ts';
import { loadProfiles, parseProfile } from '../../../native/idcard/simulator/profiles.ts';
import { SamSimulator, garbageBytes } from '../../../native/idcard/simulator/simulator.ts';
import { IdCardReader } from '../../../native/idcard/reader.ts';
import { isExpired } from '../../../native/idcard/validity.ts';

const profiles = loadProfiles();

describe('fault spec', () => {
  it('parses the short form', () => {
    expect(
      parseFaultSpec('no-card, remove-after=find, timeout=read*2, checksum=any, garbage=12*1, unplug=select@5, slow=800'),
    ).toEqual({
      noCard: true,
      removeAfter: 'find',
      timeout: { step: 'read', times: 2 },
      checksum: { step: 'any' },
      garbage: { bytes: 12, times: 1 },
      unplug: { step: 'select', afterBytes: 5 },
      samDelayMs: 800,
    });
    expect(parseFaults('{"unplug":{"step":"read"}}')).toEqual({ unplug: { step: 'read' } });
  });

  it.each(['slow=801', 'timeout=later', 'checksum=read*0', 'teleport', 'garbage=x', 'remove-after=read'])(
    'rejects %j',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow(RangeError);
    },
  );
});

describe('profiles', () => {
  it('cover the cases the station must handle', () => {
    const cards = [...profiles.values()].map((p) => p.card);
    expect(new Set(cards.map((c) => c.gender))).toEqual(new Set(['男', '女']));
    expect(new Set(cards.flatMap((c) => (c.cardType === 'resident' ? [c.nationCode] : []))).size).toBeGreaterThanOrEqual(4);
    expect(cards.some((c) => c.validTo === '长期')).toBe(true);
    expect(cards.some((c) => isExpired(c, new Date('2026-06-01')))).toBe(true);
    expect([...profiles.values()].some((p) => p.fingerprint)).toBe(true);
    expect(new Set(cards.map((c) => c.cardType))).toEqual(
      new Set(['resident', 'hmt-residence', 'foreign-permanent-2017', 'foreign-permanent-2023']),
    );
    expect(cards.every((c) => c.idNumberValid)).toBe(true);
  });

  it('are validated when loaded', () => {
    expect(() => parseProfile({ id: 'x', description: 'x', fingerprint: false, card: { cardType: 'resident' } }, 'x.json')).toThrow(
      expect.objectContaining({ code: 'idcard.bad-profile' }),
    );
  });
});

describe('garbage', () => {
  it('holds broken preambles but never a whole one', () => {
    for (let seed = 0; seed < 500; seed++) {
      const junk = Buffer.from(garbageBytes(64, seed));
      expect(junk.indexOf(PREAMBLE)).toBe(-1);
      expect(junk.subarray(0, 3)).toEqual(Buffer.from([0xaa, 0xaa, 0x96]));
    }
  });
});

describe('control channel', () => {
  const host = () => {
    const sim = new SamSimulator({ profiles, baud: 0 });
    return { sim, replug: async () => undefined, quit: async () => undefined };
  };

  it('places and removes cards, sets faults, reports status, echoes ids', async () => {
    const h = host();
    expect(await handleControlLine(h, '{"id":1,"op":"place","profile":"wang-ceshi"}')).toMatchObject({
      id: 1,
      ok: true,
      status: { card: 'wang-ceshi', connected: false },
    });
    expect(await handleControlLine(h, '{"op":"faults","spec":"slow=100"}')).toMatchObject({
      ok: true,
      status: { faults: { samDelayMs: 100 } },
    });
    expect(await handleControlLine(h, '{"op":"faults","faults":{"noCard":true}}')).toMatchObject({
      status: { faults: { noCard: true } },
    });
    expect(await handleControlLine(h, '{"op":"remove"}')).toMatchObject({ ok: true, status: { card: null } });
  });

  it('answers bad lines with ok:false and keeps going', async () => {
    const h = host();
    expect(await handleControlLine(h, 'nonsense')).toMatchObject({ ok: false });
    expect(await handleControlLine(h, '{"id":"a","op":"place","profile":"nobody"}')).toMatchObject({ id: 'a', ok: false });
    expect(await handleControlLine(h, '{"op":"fly"}')).toMatchObject({ ok: false });
  });

  it('unplug closes the link; a timeout fault keeps the reader waiting', async () => {
    const h = host();
    h.sim.place('li-yangben');
    const link = createMemoryLink();
    h.sim.attach(link.device);
    await handleControlLine(h, '{"op":"faults","spec":"timeout=find"}');
    const reader = new IdCardReader({ open: async () => link.host, timeouts: { find: 50 }, retries: 0, now: testClock });
    await expect(reader.read()).rejects.toBeInstanceOf(IdCardTimeoutError);
    await handleControlLine(h, '{"op":"unplug"}');
    expect(h.sim.attached).toBe(false);
    await expect(reader.read()).rejects.toMatchObject({ code: 'idcard.unplugged' });
  });
});
