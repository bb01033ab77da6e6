/**
 * The station core's clock as the screens see it: appInfo tells the core's "now", and the screens keep the
 * difference to their own, so "today" on a screen is the core's today (deadlines, the date picker).
 */
let offsetMs = 0;

/** Called with appInfo's `now` when it arrives. */
export function setStationNow(iso: string): void {
  const at = Date.parse(iso);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

export function stationNow(): Date {
  return new Date(Date.now() + offsetMs);
}
