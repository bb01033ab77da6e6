import { describe, expect, it } from 'vitest';
import { CardExpiredError } from '../../../native/idcard/errors.ts';
import { assertNotExpired, isExpired, localDay } from '../../../native/idcard/validity.ts';

describe('validity', () => {
  it('uses the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
  });

  it('counts the last day as valid and 长期 as never expiring', () => {
    const card = { validTo: '2026-03-01' };
    expect(isExpired(card, new Date(2026, 2, 1, 23, 59))).toBe(false);
    expect(isExpired(card, new Date(2026, 2, 2, 0, 0))).toBe(true);
    expect(isExpired({ validTo: '长期' }, new Date(2199, 0, 1))).toBe(false);
  });

  it('throws a typed input error', () => {
    expect(() => assertNotExpired({ validTo: '2020-01-01' }, new Date(2026, 0, 1))).toThrow(CardExpiredError);
    try {
      assertNotExpired({ validTo: '2020-01-01' }, new Date(2026, 0, 1));
    } catch (error) {
      expect((error as CardExpiredError).toJSON()).toMatchObject({ code: 'idcard.expired', kind: 'input', params: { validTo: '2020-01-01' } });
    }
  });
});
