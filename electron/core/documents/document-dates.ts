import { parseDate } from '../../../contract/domain/calendar/civil-date.ts';
import { chinaDay } from '../../../contract/domain/clock.ts';
import type { Translate } from '../messages.ts';

/** `2026-11-20` → 2026年11月20日; a day that does not exist throws rather than printing. */
export function printedDay(t: Translate, day: string): string {
  parseDate(day);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  return t('documents.date', { year: year ?? 0, month: month ?? 0, day: dayOfMonth ?? 0 });
}

/** 2026年11月3日 09:05, China time. */
export function printedDateTime(t: Translate, at: Date): string {
  const time = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return t('documents.dateTime', { date: printedDay(t, chinaDay(at)), time });
}
