import { z } from 'zod';

/** `YYYY-MM-DD`; zod's ISO date also rejects days that do not exist, such as 2025-02-30. */
export const CalendarDate = z.iso.date();

export const CalendarDay = z.strictObject({
  date: CalendarDate,
  name: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: 'The holiday the State Council notice lists the day under, e.g. 春节.' }),
  isOffDay: z.boolean().meta({
    description: 'true: a day off (holiday); false: a Saturday or Sunday that is a make-up working day (调休上班).',
  }),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

// Parsed as UTC midnight, so the weekday cannot shift with the machine's time zone.
const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * China's official holidays and make-up working days for whole years. Published by the township through sync and
 * shipped with the app; a day not listed is a working day on Monday–Friday and a rest day on Saturday and Sunday.
 */
export const HolidayCalendar = z
  .strictObject({
    version: z
      .string()
      .regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/)
      .meta({ description: 'YYYY.M.N; a newer calendar has a higher version.' }),
    source: z.string().min(2).meta({ description: 'Where the facts come from: the data set and the notices.' }),
    license: z.string().min(2).meta({ description: 'Licence of the data set the file was converted from.' }),
    years: z
      .array(z.int().min(1949).max(2999))
      .min(1)
      .meta({ description: 'The years the file covers completely, consecutive and ascending.' }),
    days: z.array(CalendarDay).meta({
      description:
        'Every listed day, sorted by date, each date once, all within `years`; make-up working days fall on weekends.',
    }),
  })
  .superRefine((cal, ctx) => {
    // zod runs this even when a field failed a format check, so each rule tolerates malformed values.
    cal.years.forEach((year, i) => {
      const before = cal.years[i - 1];
      if (before !== undefined && year !== before + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', i],
          message: `expected ${before + 1}: years must be consecutive`,
        });
      }
    });
    const known = new Set(cal.years);
    cal.days.forEach((day, i) => {
      const before = cal.days[i - 1];
      if (before !== undefined && day.date <= before.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: `not after ${before.date}: days must be sorted by date, each date once`,
        });
      }
      if (!known.has(Number(day.date.slice(0, 4)))) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${day.date} is outside the listed years` });
      }
      if (!day.isOffDay && CalendarDate.safeParse(day.date).success && !isWeekend(day.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'isOffDay'],
          message: `${day.date} is a weekday: a make-up working day must be a Saturday or Sunday`,
        });
      }
    });
  })
  .meta({
    title: 'Doorstep holiday calendar',
    description: 'A day not listed is a working day Monday to Friday and a rest day on Saturday and Sunday.',
  });
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;
