import type { Locale } from '../../../contract/domain/messages.ts';
import { dayText } from './day-text.ts';

/**
 * A due date as the screens write it: 2027年3月1日, or — counted over a year with no official holiday schedule
 * yet — 预计 2027年3月1日（以国务院公布的节假日安排为准）, as the printed documents do.
 */
export function dueText(t: (key: string, params?: Record<string, string | number>) => string, locale: Locale, date: string, provisional: boolean): string {
  return provisional ? t('ui.due.provisional', { date: dayText(locale, date) }) : dayText(locale, date);
}
