import { WorkingCalendar } from './working-calendar.ts';

/**
 * The calendar in use. A file from the township is validated completely before it is swapped in, so a bad file
 * changes nothing. Version order (refusing an older calendar) is the job of whoever stores calendars, as for
 * catalogues.
 */
export class CalendarHolder {
  #current: WorkingCalendar;

  constructor(initial: WorkingCalendar) {
    this.#current = initial;
  }

  get current(): WorkingCalendar {
    return this.#current;
  }

  /** Swaps in a calendar already built (and so fully validated). */
  replace(calendar: WorkingCalendar): void {
    this.#current = calendar;
  }

  /** Replaces the calendar with the one in `text`; throws ValidationError and keeps the current one if it is bad. */
  load(text: string, source?: string): WorkingCalendar {
    this.#current = WorkingCalendar.fromJSON(text, source);
    return this.#current;
  }
}
