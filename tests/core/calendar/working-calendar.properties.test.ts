import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../../electron/contract/calendar.ts';
import { CalendarError } from '../../../electron/core/calendar/calendar-error.ts';
import { shipped, shippedData, thrown } from './helpers.ts';

const cal = shipped();

// A deliberately naive oracle, written from the rule itself: step one day at a time through UTC dates.
const MS_PER_DAY = 86_400_000;
const listed = new Map((shippedData() as HolidayCalendar).days.map((d) => [d.date, d.isOffDay]));
const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const naiveWorking = (date: string): boolean => {
  const off = listed.get(date);
  if (off !== undefined) return !off;
  const wd = new Date(msOf(date)).getUTCDay();
  return wd !== 0 && wd !== 6;
};
const naiveAdd = (start: string, n: number): string => {
  let date = start;
  for (let k = 0; k < n; ) {
    date = toDate(msOf(date) + MS_PER_DAY);
    if (naiveWorking(date)) k++;
  }
  return date;
};

const dayBetween = (first: string, last: string): fc.Arbitrary<string> =>
  fc.integer({ min: msOf(first) / MS_PER_DAY, max: msOf(last) / MS_PER_DAY }).map((n) => toDate(n * MS_PER_DAY));
/** Start days early enough that 121 working days still end inside 2026. */
const start = dayBetween('2023-01-01', '2026-06-30');
const count = fc.integer({ min: 0, max: 120 });
const anyDay = dayBetween('2023-01-01', '2026-12-31');

describe('WorkingCalendar properties', () => {
  it('isWorkingDay matches the naive rule on every day of 2023–2026', () => {
    for (let ms = msOf('2023-01-01'); ms <= msOf('2026-12-31'); ms += MS_PER_DAY) {
      expect(cal.isWorkingDay(toDate(ms)), toDate(ms)).toBe(naiveWorking(toDate(ms)));
    }
  });

  it('addWorkingDays matches stepping day by day', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(cal.addWorkingDays(d, n)).toBe(naiveAdd(d, n));
      }),
    );
  });

  it('addWorkingDays(d, n) is a later working day for n >= 1', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const due = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(due > d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, for working days d and rest days alike', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(cal.addWorkingDays(d, n) < cal.addWorkingDays(d, n + 1)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and adds up', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
    );
  });

  it('a count running past 2026-12-31 is out of range; one ending on it is not', () => {
    fc.assert(
      fc.property(dayBetween('2026-10-01', '2026-12-31'), fc.integer({ min: 1, max: 400 }), (d, extra) => {
        const left = cal.workingDaysBetween(d, '2026-12-31');
        expect(cal.addWorkingDays(d, left)).toBe(left === 0 ? d : '2026-12-31');
        expect(thrown(() => cal.addWorkingDays(d, left + extra))).toMatchObject({ code: 'calendar.out-of-range' });
      }),
    );
  });

  it('any real date outside 2023–2026 is out of range', () => {
    const outside = fc.oneof(dayBetween('1000-01-01', '2022-12-31'), dayBetween('2027-01-01', '9999-12-31'));
    fc.assert(
      fc.property(outside, (d) => {
        const error = thrown(() => cal.isWorkingDay(d));
        expect(error).toBeInstanceOf(CalendarError);
        expect(error).toMatchObject({ code: 'calendar.out-of-range', params: { date: d } });
      }),
    );
  });
});
