import { describe, expect, it } from 'vitest';
import { StationError } from '../../../contract/domain/errors.ts';
import { CalendarError } from '../../../contract/domain/calendar/calendar-error.ts';
import { shipped, thrown } from './helpers.ts';

// Expected answers are counted by hand from the State Council notices (国务院办公厅关于部分节假日安排的通知),
// not computed by the code under test. In the counts, "x" is a rest day and "(k)" the k-th working day.

const cal = shipped();

describe('the shipped calendar', () => {
  it('is official for 2023–2026, from the newest notice (2025-11), and provisional after it up to 2040', () => {
    expect(cal.version).toBe('2025.11.1');
    expect(cal.officialYears).toEqual([2023, 2024, 2025, 2026]);
    expect(cal.officialThrough).toBe('2026-12-31');
    expect(cal.first).toBe('2023-01-01');
    expect(cal.last).toBe('2040-12-31');
  });
});

describe('isWorkingDay', () => {
  it.each([
    // 2025 Spring Festival: off Tue 1/28 – Tue 2/4; Sun 1/26 and Sat 2/8 are working days.
    ['2025-01-25', false], // Saturday, not a make-up day
    ['2025-01-26', true], // Sunday, make-up working day
    ['2025-01-27', true], // Monday
    ['2025-01-28', false], // Tuesday, holiday
    ['2025-02-04', false], // Tuesday, last holiday
    ['2025-02-05', true], // Wednesday
    ['2025-02-08', true], // Saturday, make-up working day
    ['2025-02-09', false], // Sunday
    // 2024 National Day: off Tue 10/1 – Mon 10/7; Sun 9/29 and Sat 10/12 are working days.
    ['2024-09-29', true],
    ['2024-10-01', false],
    ['2024-10-07', false], // a Monday
    ['2024-10-08', true],
    ['2024-10-12', true],
    ['2024-10-13', false],
    // 2024 Spring Festival eve (Fri 2/9) was not a holiday that year.
    ['2024-02-09', true],
    ['2024-02-29', true], // leap day, a Thursday
    // 2026: New Year off Thu 1/1 – Sat 1/3, Sun 1/4 working; Spring Festival off Sun 2/15 – Mon 2/23,
    // Sat 2/14 and Sat 2/28 working; National Day off Thu 10/1 – Wed 10/7, Sun 9/20 and Sat 10/10 working.
    ['2026-01-02', false],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-09-20', true],
    ['2026-10-07', false],
    ['2026-10-10', true],
    // The edges of the covered range.
    ['2023-01-01', false], // Sunday and 元旦
    ['2023-01-02', false], // Monday, 元旦 in lieu
    ['2023-01-03', true],
    ['2026-12-31', true], // Thursday
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toEqual({ working: expected, provisional: false });
  });

  it.each([
    // 2027 has no State Council schedule yet: weekends and the statutory days only (2024 amendment), no make-up
    // days. 元旦 Fri 1/1; 春节 from 除夕 Fri 2/5 to 初三 Mon 2/8; 清明 Mon 4/5; 劳动节 Sat 5/1, Sun 5/2; 端午 Wed 6/9;
    // 中秋 Wed 9/15; 国庆 Fri 10/1 – Sun 10/3 (lunar dates and 清明 from the published almanac).
    ['2027-01-01', false],
    ['2027-01-04', true],
    ['2027-02-04', true],
    ['2027-02-05', false],
    ['2027-02-08', false],
    ['2027-02-09', true],
    ['2027-04-05', false],
    ['2027-05-03', true], // no day in lieu for a holiday on a weekend
    ['2027-06-09', false],
    ['2027-09-15', false],
    ['2027-10-01', false],
    ['2027-10-04', true],
    ['2027-10-09', false], // a Saturday: never a make-up working day in a provisional year
    // Lunar new years further out: 2028-01-26 (除夕 1/25), 2030-02-03 (除夕 2/2), 2035-02-08 (除夕 2/7).
    ['2028-01-25', false],
    ['2028-01-28', false],
    ['2028-01-31', true],
    ['2030-02-01', true],
    ['2035-02-07', false],
    ['2040-12-31', true], // Monday, the last day the calendar counts
  ])('%s → %s, provisional', (date, expected) => {
    expect(cal.isWorkingDay(date)).toEqual({ working: expected, provisional: true });
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Fri 2025-01-24 + 3: Sat 1/25 x, Sun 1/26 (1), Mon 1/27 (2), 1/28–2/4 x, Wed 2/5 (3).
    ['2025-01-24', 3, '2025-02-05'],
    // Mon 2025-01-20 + 10 (医疗救助's limit): 1/21 (1), 1/22 (2), 1/23 (3), 1/24 (4), Sat 1/25 x, Sun 1/26 (5),
    // Mon 1/27 (6), 1/28–2/4 x, Wed 2/5 (7), 2/6 (8), Fri 2/7 (9), Sat 2/8 (10): due on a make-up Saturday.
    ['2025-01-20', 10, '2025-02-08'],
    // Mon 2025-01-27 + 5: 1/28–2/4 x, 2/5 (1), 2/6 (2), 2/7 (3), Sat 2/8 (4), Sun 2/9 x, Mon 2/10 (5).
    ['2025-01-27', 5, '2025-02-10'],
    // Intake on a holiday, Thu 2025-01-30: still day 0; 1/31–2/4 x, Wed 2/5 (1).
    ['2025-01-30', 1, '2025-02-05'],
    // Intake on National Day, Wed 2025-10-01 (off 10/1–10/8, Sat 10/11 working): Thu 10/9 (1), Fri 10/10 (2),
    // Sat 10/11 (3).
    ['2025-10-01', 3, '2025-10-11'],
    // Fri 2024-09-27 + 2: Sat 9/28 x, Sun 9/29 (1), Mon 9/30 (2).
    ['2024-09-27', 2, '2024-09-30'],
    // Fri 2024-09-27 + 3: ... Mon 9/30 (2), 10/1–10/7 x, Tue 10/8 (3).
    ['2024-09-27', 3, '2024-10-08'],
    // Fri 2024-09-27 + 7: ... 10/8 (3), 10/9 (4), 10/10 (5), Fri 10/11 (6), Sat 10/12 (7).
    ['2024-09-27', 7, '2024-10-12'],
    // Fri 2024-09-27 + 8: ... Sat 10/12 (7), Sun 10/13 x, Mon 10/14 (8).
    ['2024-09-27', 8, '2024-10-14'],
    // Thu 2024-02-08 + 2: Fri 2/9 (1), 2/10–2/17 x, Sun 2/18 (2, make-up day).
    ['2024-02-08', 2, '2024-02-18'],
    // Fri 2023-01-20 + 1: 1/21–1/27 x, Sat 1/28 (1, make-up day).
    ['2023-01-20', 1, '2023-01-28'],
    // Across the new year, Wed 2025-12-31 + 3: 2026-01-01–01-03 x, Sun 1/4 (1), Mon 1/5 (2), Tue 1/6 (3).
    ['2025-12-31', 3, '2026-01-06'],
    // Fri 2026-02-13 + 1: Sat 2/14 (1, make-up day).
    ['2026-02-13', 1, '2026-02-14'],
    // Fri 2026-02-13 + 2: Sat 2/14 (1), 2/15–2/23 x, Tue 2/24 (2).
    ['2026-02-13', 2, '2026-02-24'],
    // Thu 2026-09-24 + 1: Mid-Autumn 9/25–9/27 x, Mon 9/28 (1).
    ['2026-09-24', 1, '2026-09-28'],
    // Fri 2026-09-18 + 1: Sat 9/19 x, Sun 9/20 (1, make-up day).
    ['2026-09-18', 1, '2026-09-20'],
    // Wed 2026-09-30 + 3: 10/1–10/7 x, Thu 10/8 (1), Fri 10/9 (2), Sat 10/10 (3).
    ['2026-09-30', 3, '2026-10-10'],
    // The last official day: Wed 2026-12-30 + 1 = Thu 12/31 (1).
    ['2026-12-30', 1, '2026-12-31'],
  ])('%s + %i working days → %s', (start, n, due) => {
    expect(cal.addWorkingDays(start, n)).toEqual({ date: due, provisional: false });
  });

  it.each([
    // Wed 2026-12-30 + 2: Thu 12/31 (1), 2027-01-01 元旦 x, Sat, Sun x, Mon 1/4 (2): counted over 2027, so 预计.
    ['2026-12-30', 2, '2027-01-04'],
    // Wed 2026-12-02 + 25: Dec 3, 4 (2), 7–11 (7), 14–18 (12), 21–25 (17), 28–31 (21), 2027-01-01 x, Mon 1/4 (22),
    // 1/5 (23), 1/6 (24), Thu 1/7 (25).
    ['2026-12-02', 25, '2027-01-07'],
    // Thu 2027-02-04 + 1: 除夕 Fri 2/5 – 初三 Mon 2/8 x, Tue 2/9 (1).
    ['2027-02-04', 1, '2027-02-09'],
    // Fri 2027-04-30 + 1: 劳动节 falls on Sat 5/1 and Sun 5/2, no day in lieu: Mon 5/3 (1).
    ['2027-04-30', 1, '2027-05-03'],
    // Thu 2027-09-30 + 1: 国庆 Fri 10/1 – Sun 10/3 x, Mon 10/4 (1).
    ['2027-09-30', 1, '2027-10-04'],
  ])('%s + %i working days → %s, provisional', (start, n, due) => {
    expect(cal.addWorkingDays(start, n)).toEqual({ date: due, provisional: true });
  });

  it('n = 0 (即办) is the same day, even on a holiday, and never provisional', () => {
    expect(cal.addWorkingDays('2025-03-05', 0)).toEqual({ date: '2025-03-05', provisional: false });
    expect(cal.addWorkingDays('2025-10-01', 0)).toEqual({ date: '2025-10-01', provisional: false });
    expect(cal.addWorkingDays('2027-10-01', 0)).toEqual({ date: '2027-10-01', provisional: false });
  });

  it('refuses a count that is not a whole number of days', () => {
    expect(() => cal.addWorkingDays('2025-03-05', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-05', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-03-05', Number.NaN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    // (Fri 2025-01-24, Mon 2025-02-10]: Sun 1/26, Mon 1/27, Wed 2/5, Thu 2/6, Fri 2/7, Sat 2/8, Mon 2/10 = 7.
    ['2025-01-24', '2025-02-10', 7],
    // (Mon 2024-09-30, Tue 2024-10-08]: only 10/8 = 1, "due in 1 working day" across National Day.
    ['2024-09-30', '2024-10-08', 1],
    // Due Tue 2024-10-08, today Mon 10/14: 10/9, 10/10, 10/11, Sat 10/12, Mon 10/14 = overdue by 5.
    ['2024-10-14', '2024-10-08', -5],
    // (Wed 2025-12-31, Mon 2026-01-05]: 1/1–1/3 x, Sun 1/4, Mon 1/5 = 2.
    ['2025-12-31', '2026-01-05', 2],
    ['2025-03-05', '2025-03-05', 0],
    // Sat 2025-03-08 after Fri 3/7: no working day between them, so 0 (compare the dates to see it is late).
    ['2025-03-08', '2025-03-07', 0],
    // All of 2025: 261 weekdays (365 days from a Wednesday: 52 weeks + Wed). Weekday holidays: 元旦 1/1 (1), 春节
    // Tue 1/28–Fri 1/31 + Mon 2/3, Tue 2/4 (6), 清明 Fri 4/4 (1), 劳动节 Thu 5/1, Fri 5/2, Mon 5/5 (3), 端午 Mon 6/2
    // (1), 国庆中秋 Wed 10/1–Fri 10/3 + Mon 10/6–Wed 10/8 (6) = 18. Make-up days 1/26, 2/8, 4/27, 9/28, 10/11 = 5.
    // 261 − 18 + 5 = 248.
    ['2024-12-31', '2025-12-31', 248],
  ])('from %s to %s → %i', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toEqual({ days: expected, provisional: false });
  });

  it('counts a provisional year from the statutory days alone', () => {
    // 2027 starts on a Friday: 52 weeks + 1 day = 261 weekdays. Statutory days on weekdays: 1/1, 2/5, 2/8, 4/5, 6/9,
    // 9/15, 10/1 = 7 (劳动节 and 10/2–10/3 fall on weekends). 261 − 7 = 254.
    expect(cal.workingDaysBetween('2026-12-31', '2027-12-31')).toEqual({ days: 254, provisional: true });
    expect(cal.workingDaysBetween('2027-12-31', '2026-12-31')).toEqual({ days: -254, provisional: true });
    // A span that only touches 2026 is exact even when asked from the provisional side of nothing.
    expect(cal.workingDaysBetween('2026-12-30', '2026-12-31')).toEqual({ days: 1, provisional: false });
  });
});

describe('dates the calendar cannot answer for', () => {
  const range = { first: '2023-01-01', last: '2040-12-31' };
  const outOfRange = (date: string) => ({ code: 'calendar.out-of-range', kind: 'input', params: { ...range, date } });

  it.each(['2022-12-31', '2041-01-01', '1999-06-01', '2100-01-04'])('%s is out of range for any question', (date) => {
    for (const ask of [
      () => cal.isWorkingDay(date),
      () => cal.addWorkingDays(date, 0),
      () => cal.addWorkingDays(date, 5),
      () => cal.workingDaysBetween(date, '2025-06-03'),
      () => cal.workingDaysBetween('2025-06-03', date),
    ]) {
      const error = thrown(ask);
      expect(error).toBeInstanceOf(CalendarError);
      expect(error).toBeInstanceOf(StationError);
      expect(error).toMatchObject(outOfRange(date));
    }
  });

  it('a count that runs past the provisional horizon is out of range, not a guess', () => {
    // Fri 2040-12-28 + 1 = Mon 12/31 (1); + 2 would be in 2041.
    expect(cal.addWorkingDays('2040-12-28', 1)).toEqual({ date: '2040-12-31', provisional: true });
    expect(thrown(() => cal.addWorkingDays('2040-12-28', 2))).toMatchObject(outOfRange('2040-12-28'));
  });

  it.each(['2025-02-30', '2025-2-3', '2025-02-03 ', 'tomorrow'])('%j is calendar.bad-date', (date) => {
    const error = thrown(() => cal.isWorkingDay(date));
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'calendar.bad-date', kind: 'input', params: { date } });
    expect(thrown(() => cal.addWorkingDays(date, 1))).toMatchObject({ code: 'calendar.bad-date' });
    expect(thrown(() => cal.workingDaysBetween('2025-03-05', date))).toMatchObject({ code: 'calendar.bad-date' });
  });
});
