import lunar from 'lunar-javascript';
import { z } from 'zod';
import shipped from '../../../assets/calendar/statutory-holidays.json' with { type: 'json' };
import type { HolidayCalendar } from './holiday-calendar.ts';

const Name = z.string().min(1).max(20);
const Days = z.int().min(1).max(7).meta({ description: 'How many consecutive days off, from the first.' });

/** One statutory holiday: a fixed solar date, a lunar date (from its first day, or `startOffset` days before), or a solar term. */
export const StatutoryHoliday = z.discriminatedUnion('kind', [
  z.strictObject({ name: Name, kind: z.literal('solar'), month: z.int().min(1).max(12), day: z.int().min(1).max(31), days: Days }),
  z.strictObject({
    name: Name,
    kind: z.literal('lunar'),
    month: z.int().min(1).max(12),
    day: z.int().min(1).max(30),
    startOffset: z.int().min(-2).max(0).optional().meta({ description: '-1: the holiday starts the day before (除夕).' }),
    days: Days,
  }),
  z.strictObject({ name: Name, kind: z.literal('solar-term'), term: z.enum(['清明']), days: Days }),
]);
export type StatutoryHoliday = z.infer<typeof StatutoryHoliday>;

export const StatutoryRules = z
  .strictObject({
    $schema: z.string().optional(),
    source: z.string().min(2).meta({ description: 'The regulation and its amendments.' }),
    provisionalThrough: z.int().min(2030).max(2100).meta({ description: 'The last year a provisional calendar is counted for.' }),
    editions: z
      .array(z.strictObject({ from: z.int().min(1949), name: Name.max(40), holidays: z.array(StatutoryHoliday).min(1) }))
      .min(1)
      .meta({ description: 'Each amendment from the first year it applies to, ascending.' }),
  })
  .meta({
    title: 'Doorstep statutory holidays',
    description: '《全国年节及纪念日放假办法》: the days off every year has, before any State Council schedule moves them.',
  });
export type StatutoryRules = z.infer<typeof StatutoryRules>;

/** The rules as shipped in assets/calendar/statutory-holidays.json. */
export const STATUTORY_RULES: StatutoryRules = StatutoryRules.parse(shipped);

export interface StatutoryDay {
  date: string;
  name: string;
}

/** The first day of a holiday in `year`, as `YYYY-MM-DD` through lunar-javascript's calendar. */
function firstDay(year: number, h: StatutoryHoliday) {
  if (h.kind === 'solar') return lunar.Solar.fromYmd(year, h.month, h.day);
  if (h.kind === 'lunar') return lunar.Lunar.fromYmd(year, h.month, h.day).getSolar().next(h.startOffset ?? 0);
  // The lunar year that starts early in `year` holds that year's spring terms.
  return lunar.Lunar.fromYmd(year, 2, 1).getJieQiTable()[h.term]!;
}

/**
 * The statutory days off of `year` under the edition in force then, in date order; none before the first edition.
 * They are what a year without a State Council schedule is counted with: no make-up days, no moved weekends.
 */
export function statutoryDays(year: number, rules: StatutoryRules = STATUTORY_RULES): StatutoryDay[] {
  const edition = rules.editions.filter((e) => e.from <= year).at(-1);
  if (!edition) return [];
  const days = edition.holidays.flatMap((h) => {
    const first = firstDay(year, h);
    return Array.from({ length: h.days }, (_, i) => ({ date: first.next(i).toYmd(), name: h.name }));
  });
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// Parsed as UTC midnight, so the weekday cannot shift with the machine's time zone.
const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * Where an official calendar contradicts the law: a statutory holiday it makes a working day (listed as a make-up
 * day, or a weekday it does not list as off). Empty when it agrees. The calendar must already match its schema.
 */
export function statutoryIssues(calendar: HolidayCalendar, rules: StatutoryRules = STATUTORY_RULES): { path: string; message: string }[] {
  const listed = new Map(calendar.days.map((d, i) => [d.date, { ...d, i }]));
  const issues: { path: string; message: string }[] = [];
  for (const year of calendar.years) {
    for (const { date, name } of statutoryDays(year, rules)) {
      const day = listed.get(date);
      if (day && !day.isOffDay) {
        issues.push({ path: `days[${day.i}].isOffDay`, message: `${date} is ${name}, a statutory holiday: it cannot be a working day` });
      } else if (!day && !isWeekend(date)) {
        issues.push({ path: `years[${calendar.years.indexOf(year)}]`, message: `${date} (${name}) is a statutory holiday but is not listed as a day off` });
      }
    }
  }
  return issues;
}
