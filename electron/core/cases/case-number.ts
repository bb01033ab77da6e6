import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** This station's short code, made once at first use; it is in every case number, so numbers never collide. */
export function stationCode(db: Database): string {
  const row = db.prepare("SELECT value FROM station_facts WHERE key = 'station-code'").get() as { value: string } | undefined;
  if (row) return row.value;
  const code = Array.from(randomBytes(5), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  db.prepare("INSERT INTO station_facts (key, value) VALUES ('station-code', ?) ON CONFLICT DO NOTHING").run(code);
  return stationCode(db);
}

/**
 * `CODE-YYYYMMDD-NNNN`: the station, the day of intake, and that day's running number; notices (一次性告知单) count
 * apart as `CODE-YYYYMMDD-GNNN`. Call inside the transaction that uses the number.
 */
export function nextCaseNumber(db: Database, code: string, day: string, kind: 'case' | 'notice' = 'case'): string {
  const key = `${kind}-seq:${day}`;
  const row = db
    .prepare(
      `INSERT INTO station_facts (key, value) VALUES (?, '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value`,
    )
    .get(key) as { value: string };
  const n = kind === 'case' ? row.value.padStart(4, '0') : `G${row.value.padStart(3, '0')}`;
  return `${code}-${day.replaceAll('-', '')}-${n}`;
}
