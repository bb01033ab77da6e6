/**
 * An ID number as printed: the first 6 digits (the issuing region) and the last 4, the rest starred —
 * 430102********1234. Paper leaves the station; the full number stays in the encrypted case record.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim().toUpperCase()];
  // Too short to keep 10 characters and still hide some: hide it all rather than print it whole.
  if (chars.length < 14) return '*'.repeat(chars.length);
  return [...chars.slice(0, 6), ...'*'.repeat(chars.length - 10), ...chars.slice(-4)].join('');
}
