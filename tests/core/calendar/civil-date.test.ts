import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../../../contract/domain/calendar/calendar-error.ts';
import { formatDate, parseDate, weekday } from '../../../contract/domain/calendar/civil-date.ts';
import { thrown } from './helpers.ts';

const MS_PER_DAY = 86_400_000;

describe('civil dates', () => {
  it('numbers days from 1970-01-01, a Thursday', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(weekday(0)).toBe(4);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(weekday(parseDate('2025-01-26'))).toBe(0); // a Sunday, a make-up working day in 2025
    expect(weekday(parseDate('2025-02-08'))).toBe(6); // a Saturday
  });

  it('knows leap years', () => {
    expect(formatDate(parseDate('2024-02-29') + 1)).toBe('2024-03-01');
    expect(formatDate(parseDate('2000-02-29') + 1)).toBe('2000-03-01');
    expect(formatDate(parseDate('2100-02-28') + 1)).toBe('2100-03-01');
  });

  it('agrees with UTC time for any day of years 1000–9999', () => {
    const day = fc.date({
      min: new Date('1000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const text = d.toISOString().slice(0, 10);
        const n = Math.floor(d.getTime() / MS_PER_DAY);
        expect(parseDate(text)).toBe(n);
        expect(formatDate(n)).toBe(text);
        expect(weekday(n)).toBe(d.getUTCDay());
      }),
    );
  });

  it.each([
    '2025-02-30',
    '2023-02-29',
    '2100-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-5',
    '20250105',
    ' 2025-01-05',
    '2025-01-05T00:00',
    '2025/01/05',
    '',
  ])('rejects %j as calendar.bad-date', (text) => {
    const error = thrown(() => parseDate(text));
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'calendar.bad-date', kind: 'input', params: { date: text } });
  });

  it('rejects any day past the end of its month', () => {
    const monthLength = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const overflow = fc
      .record({
        y: fc.integer({ min: 1000, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        extra: fc.integer({ min: 1, max: 68 }),
      })
      .map(({ y, m, extra }) => {
        const d = Math.min(monthLength(y, m) + extra, 99);
        return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(overflow, (text) => {
        expect(() => parseDate(text)).toThrow(CalendarError);
      }),
    );
  });
});
