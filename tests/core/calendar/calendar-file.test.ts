import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HolidayCalendar } from '../../../contract/domain/calendar/holiday-calendar.ts';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { interpolate } from '../../../contract/domain/messages.ts';
import type { CalendarErrorCode } from '../../../contract/domain/calendar/calendar-error.ts';
import { checkOfficialCalendar, WorkingCalendar } from '../../../contract/domain/calendar/working-calendar.ts';
import { calendarFile, shipped, shippedData, thrown } from './helpers.ts';

type Data = HolidayCalendar;
const good = (): Data => shippedData() as Data;
const indexOf = (data: Data, date: string): number => data.days.findIndex((d) => d.date === date);

/** The paths a bad calendar is reported with. */
function issuePaths(data: unknown): string[] {
  const error = thrown(() => checkOfficialCalendar(data));
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.path);
}

describe('the shipped calendar files', () => {
  it('holidays-cn.json passes the contract and holds only whole known years', () => {
    const data = HolidayCalendar.parse(good());
    expect(data.days[0]).toEqual({ date: '2023-01-01', name: '元旦', isOffDay: true });
    // 2023.json also lists 2022-12-31, a year the file does not cover: left out.
    expect(data.days.some((d) => d.date < '2023-01-01' || d.date > '2026-12-31')).toBe(false);
    expect(data.license).toContain('MIT');
  });

  it('holidays-cn.schema.json is the JSON form of the zod schema (rerun scripts/import-holidays.mjs if not)', () => {
    const expected = z.toJSONSchema(HolidayCalendar, { io: 'input', unrepresentable: 'any' });
    expect(JSON.parse(calendarFile('holidays-cn.schema.json'))).toEqual(expected);
  });

  it('ships the upstream licence', () => {
    const text = calendarFile('LICENSE-holiday-cn.txt');
    expect(text).toMatch(/^MIT License/);
    expect(text).toContain('Copyright (c) 2019 NateScarlet');
  });
});

describe('a corrupt calendar', () => {
  it('bad JSON is a ValidationError', () => {
    const error = thrown(() => WorkingCalendar.fromJSON(calendarFile('holidays-cn.json').slice(0, 500), 'sync'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'error.validation',
      kind: 'input',
      params: { what: 'holiday calendar sync' },
    });
    expect((error as ValidationError).issues).toEqual([{ path: '', message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('a day that does not exist', () => {
    const data = good();
    const i = indexOf(data, '2025-02-04');
    data.days[i]!.date = '2025-02-30';
    expect(issuePaths(data)).toContain(`days[${i}].date`);
  });

  it('a holiday weekday turned into a working day (isOffDay flipped)', () => {
    const data = good();
    const i = indexOf(data, '2025-01-28'); // a Tuesday
    data.days[i]!.isOffDay = false;
    // A make-up day must be a weekend day: the schema says so before the statutory days are looked at.
    expect(issuePaths(data)).toEqual([`days[${i}].isOffDay`]);
  });

  it('a calendar that contradicts the statutory holidays: every such day listed', () => {
    const data = good();
    // 2026-10-01 (Thursday, 国庆) dropped from the list: a weekday not listed as off is a working day.
    const national = indexOf(data, '2026-10-01');
    data.days.splice(national, 1);
    // 2024-02-12 (Monday, 初三) dropped too, under the 2013 rules then in force.
    const spring = indexOf(data, '2024-02-12');
    data.days.splice(spring, 1);
    const error = thrown(() => checkOfficialCalendar(data)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([
      { path: 'years[1]', message: '2024-02-12 (春节) is a statutory holiday but is not listed as a day off' },
      { path: 'years[3]', message: '2026-10-01 (国庆节) is a statutory holiday but is not listed as a day off' },
    ]);
  });

  it('a statutory day that falls on a weekend needs no listing; 2024 除夕 was no holiday under the old rules', () => {
    const data = good();
    // 2023-10-01 is a Sunday: unlisted, it is a rest day anyway.
    data.days.splice(indexOf(data, '2023-10-01'), 1);
    expect(() => checkOfficialCalendar(data)).not.toThrow();
    expect(data.days.some((d) => d.date === '2024-02-09')).toBe(false);
  });

  it('a missing year, a repeated day, a day outside the years', () => {
    const data = good();
    data.years = [2023, 2024, 2026];
    const i = indexOf(data, '2024-10-01');
    data.days.splice(i + 1, 0, { date: '2024-10-01', name: '国庆节', isOffDay: true });
    data.days.push({ date: '2027-01-01', name: '元旦', isOffDay: true });
    const last = data.days.length - 1;
    const paths = issuePaths(data);
    expect(paths).toContain('years[2]');
    expect(paths).toContain(`days[${i + 1}].date`);
    expect(paths).toContain(`days[${last}].date`);
    // The listed 2025 days now fall outside the years too: every problem is listed at once.
    expect(paths).toContain(`days[${indexOf(data, '2025-01-01')}].date`);
  });

  it('missing and unknown fields, all listed', () => {
    const data: Record<string, unknown> = { ...good(), extra: 1 };
    delete data.version;
    data.years = [];
    const paths = issuePaths(data);
    expect(paths).toEqual(expect.arrayContaining(['version', 'years', '']));
  });

  it('a calendar that is not an object at all', () => {
    expect(issuePaths(null)).toEqual(['']);
  });
});

describe('messages', () => {
  const codes: (CalendarErrorCode | 'calendar.older-version' | 'calendar.version-conflict')[] = [
    'calendar.out-of-range',
    'calendar.bad-date',
    'calendar.older-version',
    'calendar.version-conflict',
  ];
  const table = (locale: string): Record<string, string> =>
    JSON.parse(
      readFileSync(new URL(`../../../assets/messages/${locale}/calendar.json`, import.meta.url), 'utf8'),
    ) as Record<string, string>;

  it.each(['zh-CN', 'en'])('%s has a message for every calendar error, filled by its params', (locale) => {
    const messages = table(locale);
    expect(Object.keys(messages).sort()).toEqual([...codes].sort());
    const cal = shipped();
    for (const ask of [() => cal.isWorkingDay('2041-01-04'), () => cal.isWorkingDay('2025-02-30')]) {
      const error = thrown(ask) as { code: string; params: Record<string, string | number> };
      const text = interpolate(messages[error.code]!, error.params);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});
