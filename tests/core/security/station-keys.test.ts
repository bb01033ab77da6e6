import { describe, expect, it } from 'vitest';
import { StationKeys } from '../../../electron/core/security/station-keys.ts';
import { masterKey } from './helpers.ts';

describe('StationKeys', () => {
  it('derives a separate 256-bit key for each purpose, the same every time', () => {
    const { keyId, data, lookup, audit, pin } = new StationKeys(masterKey('a')).current;
    expect(keyId).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const subKeys = [data, lookup, audit, pin];
    for (const k of subKeys) expect(k).toHaveLength(32);
    expect(new Set(subKeys.map((k) => k.toString('hex'))).size).toBe(4);
    expect(subKeys).not.toContainEqual(masterKey('a'));
    expect(new StationKeys(masterKey('a')).current.data).toEqual(data);
  });

  it('gives different stations different keys and key ids', () => {
    const a = new StationKeys(masterKey('a')).current;
    const b = new StationKeys(masterKey('b')).current;
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.lookup).not.toEqual(b.lookup);
  });

  it('finds retired keys by id and refuses unknown ids with a typed error', () => {
    const ring = new StationKeys(masterKey('new'), [masterKey('old')]);
    const old = new StationKeys(masterKey('old')).current;
    expect(ring.byId(old.keyId).data).toEqual(old.data);
    expect(ring.byId(ring.current.keyId)).toBe(ring.current);
    expect(() => ring.byId('AAAAAAAA')).toThrow(
      expect.objectContaining({ code: 'security.unknown-key', params: { keyId: 'AAAAAAAA' } }),
    );
  });

  it('refuses a master key of the wrong size', () => {
    expect(() => new StationKeys(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
