import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPinStrength, hashPin, PIN_COST, pinNeedsRehash, verifyPin } from '../../../electron/core/security/pin.ts';
import { StationKeys } from '../../../electron/core/security/station-keys.ts';
import { masterKey, stationKeys } from './helpers.ts';

const keys = stationKeys();
const isWeak = (pin: string) => {
  try {
    checkPinStrength(pin);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: 'security.weak-pin', kind: 'input' });
    return true;
  }
};

describe('PIN rules', () => {
  it('refuse exactly the 30 six-digit PINs that are one digit repeated or a run up or down', () => {
    const weak: string[] = [];
    for (let n = 0; n < 1_000_000; n++) {
      const pin = String(n).padStart(6, '0');
      if (isWeak(pin)) weak.push(pin);
    }
    expect(weak).toHaveLength(30);
    for (const pin of ['000000', '777777', '123456', '012345', '654321', '987654', '890123', '210987']) {
      expect(weak).toContain(pin);
    }
    for (const pin of ['135790', '123457', '112233', '024680']) expect(weak).not.toContain(pin);
  });

  it('refuse anything that is not exactly six ASCII digits', () => {
    fc.assert(
      fc.property(fc.string(), (pin) => {
        fc.pre(!/^\d{6}$/.test(pin));
        expect(isWeak(pin)).toBe(true);
      }),
    );
    for (const pin of ['12345', '1234567', '１３５７９０', '13579a', ' 135790']) {
      expect(isWeak(pin), pin).toBe(true);
    }
  });
});

describe('hashPin and verifyPin', () => {
  it('verify the right PIN only, with the cost written into the hash', async () => {
    const stored = await hashPin(keys, '135790');
    expect(stored).toMatch(new RegExp(`^\\$scrypt\\$k=${keys.current.keyId}\\$ln=15,r=8,p=1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(await verifyPin(keys, '135790', stored)).toBe(true);
    expect(await verifyPin(keys, '135791', stored)).toBe(false);
    expect(await verifyPin(keys, '', stored)).toBe(false);
    expect(await hashPin(keys, '135790')).not.toBe(stored);
  });

  it('refuse a weak PIN before hashing it', async () => {
    await expect(hashPin(keys, '123456')).rejects.toMatchObject({ code: 'security.weak-pin' });
  });

  it('need the station key: the same hash does not verify on another station', async () => {
    const stored = await hashPin(keys, '135790', { logN: 10, r: 8, p: 1 });
    await expect(verifyPin(stationKeys('station B'), '135790', stored)).rejects.toMatchObject({
      code: 'security.unknown-key',
    });
    const sameIdOtherPepper = stored.replace(keys.current.keyId, stationKeys('station B').current.keyId);
    expect(await verifyPin(stationKeys('station B'), '135790', sameIdOtherPepper)).toBe(false);
  });

  it('keep verifying hashes of an older cost or key, and say when to rehash them', async () => {
    const cheap = await hashPin(keys, '135790', { logN: 10, r: 8, p: 1 });
    expect(await verifyPin(keys, '135790', cheap)).toBe(true);
    expect(pinNeedsRehash(keys, cheap)).toBe(true);
    const rotated = new StationKeys(masterKey('next'), [masterKey('station A')]);
    const current = await hashPin(keys, '135790');
    expect(pinNeedsRehash(keys, current)).toBe(false);
    expect(await verifyPin(rotated, '135790', current)).toBe(true);
    expect(pinNeedsRehash(rotated, current)).toBe(true);
    expect(PIN_COST).toEqual({ logN: 15, r: 8, p: 1 });
  });

  it('refuse a damaged or doctored hash instead of guessing', async () => {
    const stored = await hashPin(keys, '135790', { logN: 10, r: 8, p: 1 });
    const doctored = [
      '',
      'plain 135790',
      stored.replace('ln=10', 'ln=30'),
      stored.replace('ln=10', 'ln=4'),
      stored.replace('ln=10,r=8', 'ln=24,r=64'),
      stored.replace('p=1', 'p=0'),
      stored.slice(0, -1),
    ];
    for (const bad of doctored) {
      await expect(verifyPin(keys, '135790', bad), bad).rejects.toMatchObject({ code: 'security.tampered' });
    }
  });
});
