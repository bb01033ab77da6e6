import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../../contract/domain/clock.ts';
import { printedDateTime, printedDay } from '../../../electron/core/documents/document-dates.ts';
import { documentTranslator } from '../../../electron/core/documents/document-frame.ts';
import { maskIdNumber } from '../../../contract/domain/id-number.ts';
import { pageFor } from '../../../electron/core/documents/paper.ts';
import { A4 } from '../../../electron/core/pdf/layout.ts';

describe('maskIdNumber', () => {
  it('keeps the first 6 and the last 4 characters', () => {
    expect(maskIdNumber('430102199003071234')).toBe('430102********1234');
    expect(maskIdNumber('43072119750516231x')).toBe('430721********231X');
    expect(maskIdNumber('430102900307123')).toBe('430102*****7123');
  });

  it('never prints the birth date and sequence of any 18-character number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked.slice(14)).toBe(id.slice(14));
      }),
    );
  });

  it('hides a number too short to mask partly', () => {
    expect(maskIdNumber('H1234567')).toBe('********');
  });
});

describe('printed dates', () => {
  const t = documentTranslator();

  it('writes days the Chinese way, without leading zeros', () => {
    expect(printedDay(t, '2026-11-03')).toBe('2026年11月3日');
    expect(printedDay(t, '2027-01-20')).toBe('2027年1月20日');
    expect(() => printedDay(t, '2026-02-30')).toThrow();
  });

  it('prints instants in China time whatever the machine zone', () => {
    expect(chinaDay(new Date('2026-11-03T16:30:00Z'))).toBe('2026-11-04');
    expect(printedDateTime(t, new Date('2026-11-03T01:05:00Z'))).toBe('2026年11月3日 09:05');
    expect(printedDateTime(t, new Date('2026-12-31T23:59:00Z'))).toBe('2027年1月1日 07:59');
  });
});

describe('paper', () => {
  it('is A4 by default and keeps a narrow roll usable', () => {
    expect(pageFor(undefined)).toBe(A4);
    const roll = pageFor({ widthMm: 80, heightMm: 200 });
    expect(roll.width).toBeCloseTo(226.77, 1);
    expect(roll.width - roll.margin.left - roll.margin.right).toBeGreaterThan(180);
    expect(roll.margin.bottom).toBeGreaterThanOrEqual(34);
    expect(() => pageFor({ widthMm: 30, heightMm: 200 })).toThrow(RangeError);
  });
});
