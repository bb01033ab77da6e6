import { chinaDay } from '../../../contract/domain/clock.ts';
import type { Locale } from '../../../contract/domain/messages.ts';
import { stationNow } from './station-clock.ts';

const CHINA = 'Asia/Shanghai';

/** `2026-12-04` → 2026年12月4日 in Chinese (as the printed documents write it), the ISO day in English. */
export function dayText(locale: Locale, day: string): string {
  const [y, m, d] = day.split('-');
  return locale === 'zh-CN' && y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : day;
}

/** An instant as a clock in China shows it: 2026年11月22日 14:05. */
export function instantText(locale: Locale, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: CHINA, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  return `${dayText(locale, chinaDay(at))} ${time}`;
}

/** Today in China (YYYY-MM-DD) by the station's clock, whatever the machine's zone: deadlines are counted in China. */
export function today(): string {
  return chinaDay(stationNow());
}

/** Whole days as UTC midnights, so adding days never trips over a time zone or daylight saving. */
export function addDays(day: string, n: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + n);
  return at.toISOString().slice(0, 10);
}
