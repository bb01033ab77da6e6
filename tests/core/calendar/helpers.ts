import { readFileSync } from 'node:fs';
import { WorkingCalendar } from '../../../contract/domain/calendar/working-calendar.ts';

export const calendarFile = (name: string): string =>
  readFileSync(new URL(`../../../assets/calendar/${name}`, import.meta.url), 'utf8');

/** The calendar the app ships, as raw data (for tests that corrupt it) and loaded. */
export const shippedData = (): Record<string, unknown> =>
  JSON.parse(calendarFile('holidays-cn.json')) as Record<string, unknown>;
export const shipped = (): WorkingCalendar =>
  WorkingCalendar.fromJSON(calendarFile('holidays-cn.json'), 'holidays-cn.json');

/** What `fn` throws, to check an error's fields. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
