import { HolidayCalendar } from './holiday-calendar.ts';
import { ValidationError } from '../errors.ts';
import { STATUTORY_RULES, statutoryDays, statutoryIssues, type StatutoryRules } from './statutory-holidays.ts';
import { parseOrThrow } from '../validate.ts';
import { compareVersions } from '../versions.ts';
import { CalendarError } from './calendar-error.ts';
import { dayNumber, formatDate, parseDate, weekday } from './civil-date.ts';

const subject = (source?: string): string => (source === undefined ? 'holiday calendar' : `holiday calendar ${source}`);

/** A due date, and whether it was counted over a year with no official schedule yet (预计). */
export interface CountedDay {
  date: string;
  provisional: boolean;
}

/** An official calendar file with where it came from, for error messages. */
export interface OfficialCalendar {
  calendar: HolidayCalendar;
  source: string;
}

/**
 * Validates one official calendar completely — its schema, then the statutory holidays it must keep — and throws
 * one ValidationError listing every bad field.
 */
export function checkOfficialCalendar(data: unknown, source?: string, rules: StatutoryRules = STATUTORY_RULES): HolidayCalendar {
  const calendar = parseOrThrow(HolidayCalendar, data, subject(source));
  const issues = statutoryIssues(calendar, rules);
  if (issues.length > 0) throw new ValidationError(subject(source), issues);
  return calendar;
}

/** Parses a calendar file's text and checks it; bad JSON is a ValidationError too. */
export function parseOfficialCalendar(text: string, source?: string): HolidayCalendar {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(subject(source), [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return checkOfficialCalendar(data, source);
}

/**
 * Working days (工作日) in China. A year some official calendar covers is counted from the State Council's schedule
 * (holidays and make-up working days), the newest version that covers it winning; any other year up to the rules'
 * horizon is provisional: weekends and the statutory holidays only, no make-up days. Every answer says whether it
 * rests on a provisional day. Dates are `YYYY-MM-DD`; one before the first official year or past the horizon is a
 * `calendar.out-of-range` error. Immutable: a newer calendar is a new instance, built and validated before use.
 */
export class WorkingCalendar {
  /** The newest official version the calendar holds. */
  readonly version: string;
  readonly officialYears: readonly number[];
  /** Last day of the last official year: after it, counts are provisional. */
  readonly officialThrough: string;
  /** First and last day the calendar answers for, `YYYY-MM-DD`. */
  readonly first: string;
  readonly last: string;
  readonly #official: readonly OfficialCalendar[];
  readonly #origin: number;
  readonly #working: Uint8Array;
  readonly #provisional: Uint8Array;
  /** #upTo[i] = working days among offsets 0..i-1, so counts between two days are one subtraction. */
  readonly #upTo: Int32Array;
  /** The same for provisional days, so "does this span touch a provisional day" is one subtraction too. */
  readonly #provisionalUpTo: Int32Array;
  /** Offsets of the working days in order: the k-th working day after any day is one lookup. */
  readonly #workdays: Int32Array;

  /** `official` must be checked already (checkOfficialCalendar); at least one is needed to know where to start. */
  constructor(official: readonly OfficialCalendar[], rules: StatutoryRules = STATUTORY_RULES) {
    if (official.length === 0) throw new RangeError('a working calendar needs at least one official calendar');
    this.#official = [...official].sort((a, b) => compareVersions(a.calendar.version, b.calendar.version));
    const byYear = new Map<number, HolidayCalendar>();
    for (const { calendar } of this.#official) for (const year of calendar.years) byYear.set(year, calendar);
    this.officialYears = Object.freeze([...byYear.keys()].sort((a, b) => a - b));
    this.version = this.#official.at(-1)!.calendar.version;

    const firstYear = this.officialYears[0]!;
    const lastOfficialYear = this.officialYears.at(-1)!;
    const lastYear = Math.max(rules.provisionalThrough, lastOfficialYear);
    this.#origin = dayNumber(firstYear, 1, 1);
    const length = dayNumber(lastYear + 1, 1, 1) - this.#origin;
    this.first = formatDate(this.#origin);
    this.last = formatDate(this.#origin + length - 1);
    this.officialThrough = `${lastOfficialYear}-12-31`;

    this.#working = new Uint8Array(length);
    this.#provisional = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const wd = weekday(this.#origin + i);
      this.#working[i] = wd === 0 || wd === 6 ? 0 : 1;
    }
    for (let year = firstYear; year <= lastYear; year++) {
      const calendar = byYear.get(year);
      if (calendar) {
        for (const day of calendar.days) {
          if (day.date.startsWith(`${year}-`)) this.#working[parseDate(day.date) - this.#origin] = day.isOffDay ? 0 : 1;
        }
      } else {
        this.#provisional.fill(1, dayNumber(year, 1, 1) - this.#origin, dayNumber(year + 1, 1, 1) - this.#origin);
        for (const day of statutoryDays(year, rules)) this.#working[parseDate(day.date) - this.#origin] = 0;
      }
    }

    this.#upTo = new Int32Array(length + 1);
    this.#provisionalUpTo = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      this.#upTo[i + 1] = this.#upTo[i]! + this.#working[i]!;
      this.#provisionalUpTo[i + 1] = this.#provisionalUpTo[i]! + this.#provisional[i]!;
    }
    this.#workdays = new Int32Array(this.#upTo[length]!);
    for (let i = 0; i < length; i++) if (this.#working[i]) this.#workdays[this.#upTo[i]!] = i;
  }

  /** One official calendar file alone, checked first (as shipped, or in tests). */
  static fromJSON(text: string, source?: string): WorkingCalendar {
    return new WorkingCalendar([{ calendar: parseOfficialCalendar(text, source), source: source ?? 'file' }]);
  }

  /** The official calendars it is made of, oldest version first. */
  get official(): readonly OfficialCalendar[] {
    return this.#official;
  }

  /** This calendar with one more official version; `calendar` must be checked already. */
  with(calendar: HolidayCalendar, source: string): WorkingCalendar {
    return new WorkingCalendar([...this.#official, { calendar, source }]);
  }

  /** Monday–Friday unless a holiday; Saturday and Sunday only when an official schedule makes it a working day. */
  isWorkingDay(date: string): { working: boolean; provisional: boolean } {
    const offset = this.#offset(date);
    return { working: this.#working[offset] === 1, provisional: this.#provisional[offset] === 1 };
  }

  /**
   * The due date of a matter taken in on `start` with a limit of `n` working days: the n-th working day after
   * `start` (the intake day is day 0, even when it is itself a rest day). n = 0 (即办) is `start` itself.
   * Provisional when any day counted lies in a year without an official schedule.
   */
  addWorkingDays(start: string, n: number): CountedDay {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
    const offset = this.#offset(start);
    if (n === 0) return { date: start, provisional: false };
    const due = this.#workdays[this.#upTo[offset + 1]! + n - 1];
    if (due === undefined) throw this.#outOfRange(start);
    return { date: formatDate(this.#origin + due), provisional: this.#touchesProvisional(offset, due) };
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier. For the clerk's desk:
   * days > 0 is "due in N working days", < 0 "overdue by N working days". 0 means no working day separates them
   * (the same day, or e.g. a Saturday and the Friday before it), so tell "due today" from "overdue" by the dates.
   */
  workingDaysBetween(from: string, to: string): { days: number; provisional: boolean } {
    const a = this.#offset(from);
    const b = this.#offset(to);
    return { days: this.#upTo[b + 1]! - this.#upTo[a + 1]!, provisional: this.#touchesProvisional(Math.min(a, b), Math.max(a, b)) };
  }

  /** Whether a day after offset `a` up to and including offset `b` is provisional. */
  #touchesProvisional(a: number, b: number): boolean {
    return this.#provisionalUpTo[b + 1]! - this.#provisionalUpTo[a + 1]! > 0;
  }

  #offset(date: string): number {
    const offset = parseDate(date) - this.#origin;
    if (offset < 0 || offset >= this.#working.length) throw this.#outOfRange(date);
    return offset;
  }

  #outOfRange(date: string): CalendarError {
    return new CalendarError(
      'calendar.out-of-range',
      `working days are known from ${this.first} to ${this.last} (official to ${this.officialThrough}); cannot count at ${date}`,
      { date, first: this.first, last: this.last },
    );
  }
}
