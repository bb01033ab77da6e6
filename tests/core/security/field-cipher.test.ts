import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecurityError } from '../../../electron/core/security/errors.ts';
import { FieldCipher, fieldAad } from '../../../electron/core/security/field-cipher.ts';
import { StationKeys } from '../../../electron/core/security/station-keys.ts';
import { masterKey, stationKeys } from './helpers.ts';

const cipher = new FieldCipher(stationKeys());
const aad = fieldAad('person', 123, 'name');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The typed refusal a changed value must give: never a plain Error, never a wrong plaintext. */
function expectRefused(open: () => unknown): void {
  let thrown: unknown;
  try {
    open();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SecurityError);
  expect(['security.tampered', 'security.unknown-key']).toContain((thrown as SecurityError).code);
}

describe('FieldCipher', () => {
  it('round-trips any text and any bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.string(), (plain, where) => {
        expect(cipher.openText(cipher.sealText(plain, where), where)).toBe(plain);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), fc.string(), (plain, where) => {
        expect(cipher.openBytes(cipher.sealBytes(Buffer.from(plain), where), where)).toEqual(Buffer.from(plain));
      }),
    );
  });

  it('writes versioned text with the key id, and a fresh nonce every time', () => {
    const sealed = cipher.sealText('王小明', aad);
    expect(sealed).toMatch(new RegExp(`^v1:${stationKeys().current.keyId}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('王');
    expect(cipher.sealText('王小明', aad)).not.toBe(sealed);
    expect(cipher.sealBytes(Buffer.from('scan'), aad).subarray(0, 4)).toEqual(Buffer.from([0x44, 0x53, 0x42, 0x01]));
  });

  it('refuses text with any one character changed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.nat(), fc.nat(), (plain, at, by) => {
        const sealed = cipher.sealText(plain, aad);
        const i = at % sealed.length;
        const others = [...`${BASE64URL}:`].filter((c) => c !== sealed[i]);
        const changed = sealed.slice(0, i) + others[by % others.length]! + sealed.slice(i + 1);
        expectRefused(() => cipher.openText(changed, aad));
      }),
    );
  });

  it('refuses bytes with any bit of any byte flipped, and cut-off bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (plain, at, bit) => {
        const sealed = cipher.sealBytes(Buffer.from(plain), aad);
        const changed = Buffer.from(sealed);
        changed[at % sealed.length]! ^= 1 << bit;
        expectRefused(() => cipher.openBytes(changed, aad));
        expectRefused(() => cipher.openBytes(sealed.subarray(0, at % sealed.length), aad));
      }),
    );
  });

  it('refuses a value opened under any other AAD, so ciphertexts swapped between rows or columns fail', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (plain, a, b) => {
        fc.pre(a !== b);
        expectRefused(() => cipher.openText(cipher.sealText(plain, a), b));
        expectRefused(() => cipher.openBytes(cipher.sealBytes(Buffer.from(plain), a), b));
      }),
    );
    const alice = cipher.sealText('110101199003071234', fieldAad('person', 1, 'id_number'));
    expect(() => cipher.openText(alice, fieldAad('person', 2, 'id_number'))).toThrow(
      expect.objectContaining({ code: 'security.tampered' }),
    );
    expect(() => cipher.openText(alice, fieldAad('person', 1, 'phone'))).toThrow(
      expect.objectContaining({ code: 'security.tampered' }),
    );
  });

  it('refuses values sealed by another station with unknown-key', () => {
    const other = new FieldCipher(stationKeys('station B'));
    expect(() => cipher.openText(other.sealText('x', aad), aad)).toThrow(
      expect.objectContaining({ code: 'security.unknown-key' }),
    );
    expect(() => cipher.openBytes(other.sealBytes(Buffer.from('x'), aad), aad)).toThrow(
      expect.objectContaining({ code: 'security.unknown-key' }),
    );
  });

  it('keeps opening values sealed before a key rotation, and seals new ones with the new key', () => {
    const before = new FieldCipher(new StationKeys(masterKey('old')));
    const sealed = before.sealText('张三', aad);
    const ring = new StationKeys(masterKey('new'), [masterKey('old')]);
    const after = new FieldCipher(ring);
    expect(after.openText(sealed, aad)).toBe('张三');
    expect(after.sealText('张三', aad).split(':')[1]).toBe(ring.current.keyId);
  });

  it('does not open sealed text as bytes or the other way round', () => {
    const text = cipher.sealText('x', aad);
    const [, keyId, body] = text.split(':');
    const header = Buffer.from([0x44, 0x53, 0x42, 0x01]);
    const asBytes = Buffer.concat([header, Buffer.from(keyId!, 'base64url'), Buffer.from(body!, 'base64url')]);
    expectRefused(() => cipher.openBytes(asBytes, aad));
  });

  it('refuses things that were never sealed', () => {
    for (const junk of ['', '王小明', 'v1:', 'v1:abc', 'v2:AAAAAAAA:AAAA', 'v1:AAAAAAAA:AAAA:AAAA']) {
      expectRefused(() => cipher.openText(junk, aad));
    }
    expectRefused(() => cipher.openBytes(Buffer.from('%PDF-1.7'), aad));
  });
});
