/** The calendar day in China (UTC+8, no daylight saving) at an instant, `YYYY-MM-DD`, whatever the machine's zone. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
