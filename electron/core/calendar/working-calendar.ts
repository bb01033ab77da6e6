import { HolidayCalendar } from '../../contract/calendar.ts';
import { ValidationError } from '../../contract/errors.ts';
import { parseOrThrow } from '../../contract/validate.ts';
import { CalendarError } from './calendar-error.ts';
import { dayNumber, formatDate, parseDate, weekday } from './civil-date.ts';

const subject = (source?: string): string => (source === undefined ? 'holiday calendar' : `holiday calendar ${source}`);

/**
 * Working days (工作日) under China's official holidays and make-up working days, for the years a holiday calendar
 * covers. Dates are `YYYY-MM-DD`; a date outside those years is a `calendar.out-of-range` error, never a guess.
 * Immutable: a newer calendar is a new instance, built (and fully validated) before it replaces the old one.
 */
export class WorkingCalendar {
  readonly version: string;
  readonly years: readonly number[];
  /** First and last day covered, `YYYY-MM-DD`. */
  readonly first: string;
  readonly last: string;
  /** Day number of `first`; every table below is indexed by day number minus this. */
  readonly #origin: number;
  readonly #working: Uint8Array;
  /** #upTo[i] = working days among offsets 0..i-1, so counts between two days are one subtraction. */
  readonly #upTo: Int32Array;
  /** Offsets of the working days in order: the k-th working day after any day is one lookup. */
  readonly #workdays: Int32Array;

  /** Validates `data` completely first; throws ValidationError listing every bad field. */
  constructor(data: unknown, source?: string) {
    const cal = parseOrThrow(HolidayCalendar, data, subject(source));
    const firstYear = cal.years[0]!;
    const lastYear = cal.years[cal.years.length - 1]!;
    this.version = cal.version;
    this.years = Object.freeze([...cal.years]);
    this.#origin = dayNumber(firstYear, 1, 1);
    const length = dayNumber(lastYear + 1, 1, 1) - this.#origin;
    this.first = formatDate(this.#origin);
    this.last = formatDate(this.#origin + length - 1);

    this.#working = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const wd = weekday(this.#origin + i);
      this.#working[i] = wd === 0 || wd === 6 ? 0 : 1;
    }
    for (const day of cal.days) this.#working[parseDate(day.date) - this.#origin] = day.isOffDay ? 0 : 1;

    this.#upTo = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) this.#upTo[i + 1] = this.#upTo[i]! + this.#working[i]!;
    this.#workdays = new Int32Array(this.#upTo[length]!);
    for (let i = 0; i < length; i++) if (this.#working[i]) this.#workdays[this.#upTo[i]!] = i;
  }

  /** Parses a calendar file's text; bad JSON is a ValidationError too. */
  static fromJSON(text: string, source?: string): WorkingCalendar {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ValidationError(subject(source), [
        { path: '', message: `not valid JSON: ${(error as Error).message}` },
      ]);
    }
    return new WorkingCalendar(data, source);
  }

  /** Monday–Friday unless a holiday; Saturday and Sunday only when listed as a make-up working day. */
  isWorkingDay(date: string): boolean {
    return this.#working[this.#offset(date)] === 1;
  }

  /**
   * The due date of a matter taken in on `start` with a limit of `n` working days: the n-th working day after
   * `start` (the intake day is day 0, even when it is itself a rest day). n = 0 (即办) is `start` itself.
   */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
    const offset = this.#offset(start);
    if (n === 0) return start;
    const due = this.#workdays[this.#upTo[offset + 1]! + n - 1];
    if (due === undefined) throw this.#outOfRange(start);
    return formatDate(this.#origin + due);
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier. For the clerk's desk:
   * workingDaysBetween(today, due) > 0 is "due in N working days", < 0 "overdue by N working days". 0 means no
   * working day separates them (the same day, or e.g. a Saturday and the Friday before it), so tell "due today"
   * from "overdue" by comparing the dates.
   */
  workingDaysBetween(from: string, to: string): number {
    return this.#upTo[this.#offset(to) + 1]! - this.#upTo[this.#offset(from) + 1]!;
  }

  #offset(date: string): number {
    const offset = parseDate(date) - this.#origin;
    if (offset < 0 || offset >= this.#working.length) throw this.#outOfRange(date);
    return offset;
  }

  #outOfRange(date: string): CalendarError {
    return new CalendarError(
      'calendar.out-of-range',
      `holiday calendar ${this.version} covers ${this.first} to ${this.last}; cannot count working days at ${date}`,
      { date, first: this.first, last: this.last },
    );
  }
}
