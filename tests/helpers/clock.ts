import { CLOCK_ENV, chinaDay, clockFrom, type Clock } from '../../contract/domain/clock.ts';

/**
 * The tests' clock: the machine's, or the one DOORSTEP_CLOCK pins when `npm test` runs the date-sensitive suites
 * again on other days. Tests read "now" and "today" from here, never from Date, so that they pass on any day.
 */
export const testClock: Clock = clockFrom(process.env[CLOCK_ENV]);

/** Today in China by the tests' clock. */
export const testToday = (): string => chinaDay(testClock());
