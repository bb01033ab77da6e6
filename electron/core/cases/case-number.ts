import { randomBytes } from 'node:crypto';
import type { StationData } from '../../../db/station-data.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** This station's short code, made once at first use; it is in every case number, so numbers never collide. */
export function stationCode(db: StationData): string {
  const code = db.facts.code();
  if (code !== null) return code;
  db.facts.offerCode(Array.from(randomBytes(5), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join(''));
  return stationCode(db);
}

/**
 * `CODE-YYYYMMDD-NNNN`: the station, the day of intake, and that day's running number; notices (一次性告知单) count
 * apart as `CODE-YYYYMMDD-GNNN`. Call inside the transaction that uses the number.
 */
export function nextCaseNumber(db: StationData, code: string, day: string, kind: 'case' | 'notice' = 'case'): string {
  const value = String(db.facts.next(`${kind}-seq:${day}`));
  const n = kind === 'case' ? value.padStart(4, '0') : `G${value.padStart(3, '0')}`;
  return `${code}-${day.replaceAll('-', '')}-${n}`;
}
