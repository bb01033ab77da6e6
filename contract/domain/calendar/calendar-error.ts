import { StationError } from '../errors.ts';

export type CalendarErrorCode = 'calendar.out-of-range' | 'calendar.bad-date';

/** A date the calendar cannot answer for; always the caller's input, never a guess. */
export class CalendarError extends StationError {
  declare readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string, params: Record<string, string | number>) {
    super(code, message, { params, kind: 'input' });
  }
}
