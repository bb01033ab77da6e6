import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../../contract/domain/calendar/holiday-calendar.ts';
import { CalendarError } from '../../../contract/domain/calendar/calendar-error.ts';
import { shipped, shippedData, thrown } from './helpers.ts';

const cal = shipped();

// A deliberately naive oracle, written from the rule itself: step one day at a time through UTC dates.
const MS_PER_DAY = 86_400_000;
const listed = new Map((shippedData() as HolidayCalendar).days.map((d) => [d.date, d.isOffDay]));
// 2027, which has no schedule yet, by hand from the almanac: the statutory days of the 2024 amendment.
for (const date of ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']) {
  listed.set(date, true);
}
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
/** Start days early enough that 121 working days still end inside 2027, the one provisional year the oracle knows. */
const start = dayBetween('2023-01-01', '2027-06-30');
const count = fc.integer({ min: 0, max: 120 });
const anyDay = dayBetween('2023-01-01', '2027-12-31');
const isProvisional = (date: string): boolean => date > '2026-12-31';

describe('WorkingCalendar properties', () => {
  it('isWorkingDay matches the naive rule on every day of 2023–2027, provisional exactly in 2027', () => {
    for (let ms = msOf('2023-01-01'); ms <= msOf('2027-12-31'); ms += MS_PER_DAY) {
      const date = toDate(ms);
      expect(cal.isWorkingDay(date), date).toEqual({ working: naiveWorking(date), provisional: isProvisional(date) });
    }
  });

  it('addWorkingDays matches stepping day by day, provisional exactly when a counted day is in 2027', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        const due = naiveAdd(d, n);
        expect(cal.addWorkingDays(d, n)).toEqual({ date: due, provisional: n > 0 && isProvisional(due) });
      }),
    );
  });

  it('addWorkingDays(d, n) is a later working day for n >= 1', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const due = cal.addWorkingDays(d, n).date;
        expect(cal.isWorkingDay(due).working).toBe(true);
        expect(due > d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, for working days d and rest days alike', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n).date).days).toBe(n);
      }),
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        expect(cal.addWorkingDays(d, n).date < cal.addWorkingDays(d, n + 1).date).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and adds up', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        const between = (x: string, y: string) => cal.workingDaysBetween(x, y).days;
        expect(between(a, b) + between(b, a)).toBe(0);
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
      }),
    );
  });

  it('a count ending on 2026-12-31 is exact; one running past it is provisional, never an error', () => {
    fc.assert(
      fc.property(dayBetween('2026-10-01', '2026-12-31'), fc.integer({ min: 1, max: 400 }), (d, extra) => {
        const left = cal.workingDaysBetween(d, '2026-12-31').days;
        expect(cal.addWorkingDays(d, left)).toEqual({ date: left === 0 ? d : '2026-12-31', provisional: false });
        const past = cal.addWorkingDays(d, left + extra);
        expect(past.provisional).toBe(true);
        expect(past.date > '2026-12-31').toBe(true);
      }),
    );
  });

  it('any real date before 2023 or after the 2040 horizon is out of range', () => {
    const outside = fc.oneof(dayBetween('1000-01-01', '2022-12-31'), dayBetween('2041-01-01', '9999-12-31'));
    fc.assert(
      fc.property(outside, (d) => {
        const error = thrown(() => cal.isWorkingDay(d));
        expect(error).toBeInstanceOf(CalendarError);
        expect(error).toMatchObject({ code: 'calendar.out-of-range', params: { date: d } });
      }),
    );
  });
});
