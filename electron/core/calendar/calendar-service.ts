import type { StationData } from '../../../db/station-data.ts';
import type { CalendarStatus } from '../../../contract/api/api.ts';
import { HolidayCalendar } from '../../../contract/domain/calendar/holiday-calendar.ts';
import { chinaDay, type Clock } from '../../../contract/domain/clock.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { compareVersions } from '../../../contract/domain/versions.ts';
import type { Logger } from '../log.ts';
import { formatDate, parseDate } from '../../../contract/domain/calendar/civil-date.ts';
import { checkOfficialCalendar, type WorkingCalendar } from '../../../contract/domain/calendar/working-calendar.ts';

/** From this many days before the last official day it knows, the station asks for next year's calendar. */
export const CALENDAR_WARN_DAYS = 60;

export class CalendarVersionError extends StationError {
  constructor(code: 'calendar.older-version' | 'calendar.version-conflict', incoming: string, held: string) {
    super(code, `holiday calendar ${incoming} cannot replace ${held}`, { params: { incoming, held }, kind: 'input' });
  }
}

/**
 * The official holiday calendars the station holds — the shipped one and every version the township published —
 * and the working calendar made of them. A published version is checked completely (schema and statutory days)
 * and must be newer than every version held; a bad one changes nothing.
 */
export class CalendarService {
  #current: WorkingCalendar;
  readonly #listeners = new Set<(calendar: WorkingCalendar) => void>();

  private readonly db: StationData;
  private readonly clock: Clock;

  constructor(deps: { db: StationData; shipped: WorkingCalendar; clock: Clock; logger: Logger }) {
    const { db, shipped, clock, logger } = deps;
    this.db = db;
    this.clock = clock;
    let calendar = shipped;
    const rows = db.calendar.all();
    for (const row of rows.sort((a, b) => compareVersions(a.version, b.version))) {
      try {
        calendar = calendar.with(checkOfficialCalendar(JSON.parse(row.body), `township ${row.version}`), `township ${row.version}`);
      } catch (error) {
        // Stored only after the same checks; one that fails now (the rules changed with an update) is left out.
        logger.log('warn', 'calendar.stored-version-refused', { version: row.version, error: (error as Error).message });
      }
    }
    this.#current = calendar;
  }

  get current(): WorkingCalendar {
    return this.#current;
  }

  /** Called, inside the installing transaction, with each calendar installed: provisional due dates follow it. */
  onInstalled(listener: (calendar: WorkingCalendar) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Installs a township-published calendar: checked, newer than every version held, stored, then in use. The same
   * version with the same content again is a no-op (false). Throws ValidationError or CalendarVersionError otherwise.
   */
  install(data: unknown, source: string): boolean {
    const parsed = HolidayCalendar.safeParse(data);
    const version = parsed.success ? parsed.data.version : undefined;
    const held = this.#current.official.find((o) => o.calendar.version === version);
    if (held && parsed.success) {
      if (JSON.stringify(held.calendar) === JSON.stringify(parsed.data)) return false;
      throw new CalendarVersionError('calendar.version-conflict', parsed.data.version, held.calendar.version);
    }
    const calendar = checkOfficialCalendar(data, source);
    if (compareVersions(calendar.version, this.#current.version) <= 0) {
      throw new CalendarVersionError('calendar.older-version', calendar.version, this.#current.version);
    }
    const next = this.#current.with(calendar, source);
    this.db.transaction(() => {
      this.db.calendar.insert(calendar.version, JSON.stringify(calendar), this.clock().toISOString());
      for (const listener of this.#listeners) listener(next);
    });
    this.#current = next;
    return true;
  }

  /** What the technician and the admin are told: how far the official schedule reaches, and whether to worry. */
  status(): CalendarStatus {
    const { version, officialThrough, last } = this.#current;
    const warnFrom = formatDate(parseDate(officialThrough) - CALENDAR_WARN_DAYS);
    return { version, officialThrough, last, warnFrom, warning: chinaDay(this.clock()) >= warnFrom };
  }
}
