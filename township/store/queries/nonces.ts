import type { SqlTx } from '../sql.ts';

export const nonceQueries = (sql: SqlTx) => ({
  pruneExpired: async (nowMs: number) => {
    await sql.run('DELETE FROM nonces WHERE expires_ms < ?', [nowMs]);
  },

  /** True the first time this station uses this nonce. */
  spend: async (stationId: string, nonce: string, expiresMs: number) =>
    (await sql.run('INSERT INTO nonces (station_id, nonce, expires_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [stationId, nonce, expiresMs])) === 1,
});

export type NonceQueries = ReturnType<typeof nonceQueries>;
