import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { CalendarVersionError } from '../../../electron/core/calendar/calendar-service.ts';
import { openTestStation, type TestStation } from '../../helpers/station.ts';
import { calendar2027 } from '../../helpers/calendar-2027.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { thrown } from './helpers.ts';

const open: TestStation[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

function station(dataDir = tempDir(), at = '2026-12-02T02:00:00Z'): TestStation {
  const s = openTestStation({ dataDir, mode: 'web', clock: () => new Date(at) });
  open.push(s);
  return s;
}

const stored = (s: TestStation) => (s.db.prepare('SELECT count(*) AS n FROM calendar_versions').get() as { n: number }).n;

describe('the station calendar', () => {
  it('warns from 60 days before the last official day, not before', () => {
    // 2026-12-31 − 60 days = 2026-11-01.
    expect(station(tempDir(), '2026-10-31T15:59:59Z').calendar.status()).toMatchObject({ officialThrough: '2026-12-31', warnFrom: '2026-11-01', warning: false });
    expect(station(tempDir(), '2026-10-31T16:00:00Z').calendar.status().warning).toBe(true);
  });

  it('installs a newer official year, keeps it across a restart, and stops warning', () => {
    const dir = tempDir();
    const s = station(dir);
    expect(s.calendar.current.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-09', provisional: true });
    expect(s.calendar.install(calendar2027(), 'township 2026.11.2')).toBe(true);
    expect(s.calendar.current.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-12', provisional: false });
    // 2023–2026 still come from the shipped calendar: a version covering one year does not drop the others.
    expect(s.calendar.current.officialYears).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(s.calendar.current.isWorkingDay('2026-10-07')).toEqual({ working: false, provisional: false });
    expect(s.calendar.status()).toMatchObject({ version: '2026.11.2', officialThrough: '2027-12-31', warning: false });
    // The same version with the same content again is nothing new.
    expect(s.calendar.install(calendar2027(), 'township 2026.11.2')).toBe(false);
    const again = station(dir);
    expect(again.calendar.current.version).toBe('2026.11.2');
    expect(again.calendar.current.isWorkingDay('2027-01-31')).toEqual({ working: true, provisional: false });
  });

  it('refuses an older version, a changed version and one that breaks the statutory days; nothing changes', () => {
    const s = station();
    s.calendar.install(calendar2027(), 'township');
    const before = s.calendar.current;

    expect(thrown(() => s.calendar.install(calendar2027('2025.1.1'), 'township'))).toMatchObject({ code: 'calendar.older-version' });
    const changed = calendar2027();
    changed.days = changed.days.filter((d) => d.date !== '2027-01-31');
    expect(thrown(() => s.calendar.install(changed, 'township'))).toBeInstanceOf(CalendarVersionError);

    const unlawful = calendar2027('2026.12.1');
    // 2027-10-01 made a working day: 国庆 is a statutory holiday. And 2027-06-09 (端午, a Wednesday) left out.
    unlawful.days = unlawful.days.flatMap((d) => (d.date === '2027-10-01' ? [] : d.date === '2027-06-09' ? [] : [d]));
    const error = thrown(() => s.calendar.install(unlawful, 'township')) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.message)).toEqual([
      '2027-06-09 (端午节) is a statutory holiday but is not listed as a day off',
      '2027-10-01 (国庆节) is a statutory holiday but is not listed as a day off',
    ]);
    const flipped = calendar2027('2026.12.2');
    flipped.days.find((d) => d.date === '2027-10-02')!.isOffDay = false; // a Saturday, so a valid make-up day — but 国庆
    expect((thrown(() => s.calendar.install(flipped, 'township')) as ValidationError).issues).toEqual([
      { path: `days[${flipped.days.findIndex((d) => d.date === '2027-10-02')}].isOffDay`, message: '2027-10-02 is 国庆节, a statutory holiday: it cannot be a working day' },
    ]);

    expect(s.calendar.current).toBe(before);
    expect(stored(s)).toBe(1);
  });
});
