import type { HolidayCalendar } from '../../contract/domain/calendar/holiday-calendar.ts';

/**
 * A made-up official schedule for 2027, in the shape the State Council's notices take (longer 春节 and 国庆 with
 * make-up weekend days), for tests only: it keeps every statutory day of the 2024 amendment. Real schedules come
 * from the notice through scripts/import-holidays.mjs.
 */
export function calendar2027(version = '2026.11.2'): HolidayCalendar {
  const off = (name: string, ...dates: string[]) => dates.map((date) => ({ date, name, isOffDay: true }));
  const work = (name: string, ...dates: string[]) => dates.map((date) => ({ date, name, isOffDay: false }));
  const days = [
    ...off('元旦', '2027-01-01', '2027-01-02', '2027-01-03'),
    ...work('春节', '2027-01-31'),
    ...off('春节', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'),
    ...work('春节', '2027-02-20'),
    ...off('清明节', '2027-04-03', '2027-04-04', '2027-04-05'),
    ...work('劳动节', '2027-04-25'),
    ...off('劳动节', '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'),
    ...off('端午节', '2027-06-09'),
    ...off('中秋节', '2027-09-15'),
    ...work('国庆节', '2027-09-26'),
    ...off('国庆节', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'),
    ...work('国庆节', '2027-10-09'),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { version, source: 'test data: a made-up 2027 schedule', license: 'test data, no licence', years: [2027], days };
}
