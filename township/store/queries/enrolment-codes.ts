import type { EnrolmentCodeRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const enrolmentCodeQueries = (sql: SqlTx) => ({
  insert: async (c: Omit<EnrolmentCodeRow, 'used_at'>) => {
    await sql.run('INSERT INTO enrolment_codes (code_hash, village, grid, station_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      c.code_hash, c.village, c.grid, c.station_id, c.created_at, c.expires_at,
    ]);
  },

  find: (codeHash: string) =>
    sql.get<Pick<EnrolmentCodeRow, 'village' | 'grid' | 'station_id' | 'expires_at' | 'used_at'>>(
      'SELECT village, grid, station_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?',
      [codeHash],
    ),

  /** Spends the code unless it is spent already: two stations racing for one code cannot both get true. */
  claim: async (codeHash: string, stationId: string, at: string) =>
    (await sql.run('UPDATE enrolment_codes SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL', [at, stationId, codeHash])) === 1,
});

export type EnrolmentCodeQueries = ReturnType<typeof enrolmentCodeQueries>;
