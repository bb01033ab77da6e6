import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberHash, normaliseIdNumber } from '../../../electron/core/security/id-number-hash.ts';
import { stationKeys } from './helpers.ts';

const keys = stationKeys();
const idNumber = fc
  .tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom(...'0123456789X'))
  .map(([body, check]) => body + check);

describe('idNumberHash', () => {
  it('is the same for the same number on one station, and carries the key id', () => {
    const h = idNumberHash(keys, '11010519491231002X');
    expect(h).toBe(idNumberHash(stationKeys(), '11010519491231002X'));
    expect(h).toMatch(new RegExp(`^${keys.current.keyId}:[A-Za-z0-9_-]{43}$`));
    expect(h).not.toContain('110105');
  });

  it('differs between stations, so one station’s index says nothing about another’s', () => {
    fc.assert(
      fc.property(idNumber, (n) => {
        expect(idNumberHash(stationKeys('station B'), n).split(':')[1]).not.toBe(idNumberHash(keys, n).split(':')[1]);
      }),
    );
  });

  it('ignores the case of the X, spaces and full-width characters', () => {
    const h = idNumberHash(keys, '11010519491231002X');
    expect(idNumberHash(keys, '11010519491231002x')).toBe(h);
    expect(idNumberHash(keys, ' 110105 19491231 002x ')).toBe(h);
    expect(idNumberHash(keys, '１１０１０５１９４９１２３１００２ｘ')).toBe(h);
  });

  it('gives different numbers different hashes', () => {
    fc.assert(
      fc.property(idNumber, idNumber, (a, b) => {
        fc.pre(a !== b);
        expect(idNumberHash(keys, a)).not.toBe(idNumberHash(keys, b));
      }),
    );
  });

  it('refuses anything that is not shaped like an 18-character ID number, as an input error', () => {
    const shapes = ['', '110105194912310', '11010519491231002', '1101051949123100234', '11010519491231002Y'];
    for (const bad of [...shapes, 'X10105194912310021']) {
      expect(() => idNumberHash(keys, bad), bad).toThrow(
        expect.objectContaining({ code: 'security.bad-id-number', kind: 'input' }),
      );
    }
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });
});
