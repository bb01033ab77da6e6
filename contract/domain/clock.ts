/**
 * Time, read from one place. The core, the CLI, the device process, the township and (through appInfo) the
 * screens take "now" from a Clock, so that a test, or a demonstration, can run the whole station on another day.
 */
export type Clock = () => Date;

/** The environment variable that pins every Doorstep process's clock (tests and demonstrations only). */
export const CLOCK_ENV = 'DOORSTEP_CLOCK';

const PINNED = /^(\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2}))(?:@(\d+))?$/;

/**
 * The machine's clock, unless `pinned` (the value of DOORSTEP_CLOCK) says otherwise: `2027-06-15T10:00:00+08:00`
 * starts the clock at that instant when it is made, and `…@<epoch ms>` says it read that instant at that real
 * moment, so that processes started at different times (a station, its device process, a township) share one
 * timeline. Time runs at the real rate either way: timeouts, sessions and backoff behave as they do in service.
 */
export function clockFrom(pinned: string | undefined): Clock {
  if (pinned === undefined || pinned === '') return () => new Date();
  const match = PINNED.exec(pinned);
  const at = match ? Date.parse(match[1]!) : Number.NaN;
  if (!match || Number.isNaN(at)) throw new Error(`${CLOCK_ENV} must be an ISO instant such as 2027-06-15T10:00:00+08:00, got ${pinned}`);
  const offset = at - (match[2] === undefined ? Date.now() : Number(match[2]));
  return () => new Date(Date.now() + offset);
}

/**
 * A clock that reads `at` now and runs on from there, with the DOORSTEP_CLOCK value that hands the same timeline
 * to the processes it is given to.
 */
export function clockReading(at: Date): { clock: Clock; value: string } {
  const value = `${at.toISOString()}@${Date.now()}`;
  return { clock: clockFrom(value), value };
}

/** The calendar day in China (UTC+8, no daylight saving) at an instant, `YYYY-MM-DD`, whatever the machine's zone. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
