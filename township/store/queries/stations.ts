import type { StationRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const stationQueries = (sql: SqlTx) => ({
  get: (id: string) => sql.get<StationRow>(
    'SELECT id, public_key, village, grid, enrolled_at, revoked_at, last_seen_at, calendar_through FROM stations WHERE id = ?',
    [id],
  ),

  key: (id: string) => sql.get<Pick<StationRow, 'id' | 'public_key' | 'revoked_at'>>('SELECT id, public_key, revoked_at FROM stations WHERE id = ?', [id]),

  exists: async (id: string) => (await sql.get('SELECT 1 AS x FROM stations WHERE id = ?', [id])) !== undefined,

  list: () => sql.all<StationRow>('SELECT id, public_key, village, grid, enrolled_at, revoked_at, last_seen_at, calendar_through FROM stations ORDER BY id'),

  /** True when the station is new; false when one with this id is already enrolled. */
  insert: async (s: Pick<StationRow, 'id' | 'public_key' | 'village' | 'grid' | 'enrolled_at'>) =>
    (await sql.run('INSERT INTO stations (id, public_key, village, grid, enrolled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [
      s.id, s.public_key, s.village, s.grid, s.enrolled_at,
    ])) === 1,

  /** A reinstalled station's new key; it is enrolled again, no longer revoked. */
  rekey: async (s: Pick<StationRow, 'id' | 'public_key' | 'village' | 'grid' | 'enrolled_at'>) => {
    await sql.run('UPDATE stations SET public_key = ?, village = ?, grid = ?, enrolled_at = ?, revoked_at = NULL WHERE id = ?', [
      s.public_key, s.village, s.grid, s.enrolled_at, s.id,
    ]);
  },

  /** Keeps the first revocation's time. */
  revoke: async (id: string, at: string) => {
    await sql.run('UPDATE stations SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [at, id]);
  },

  markSeen: async (id: string, at: string) => {
    await sql.run('UPDATE stations SET last_seen_at = ? WHERE id = ?', [at, id]);
  },

  /** Written only when it changed, so a pull that says the same again writes nothing. */
  setCalendarThrough: async (id: string, through: string) => {
    await sql.run('UPDATE stations SET calendar_through = ? WHERE id = ? AND calendar_through IS DISTINCT FROM ?', [through, id, through]);
  },
});

export type StationQueries = ReturnType<typeof stationQueries>;
