import type { SqlTx } from '../sql.ts';

export const blacklistQueries = (sql: SqlTx) => ({
  reason: async (idNumber: string) => (await sql.get<{ reason: string }>('SELECT reason FROM blacklist WHERE id_number = ?', [idNumber]))?.reason,

  /** Lists the person, or gives a listed one the new reason and time. */
  put: async (idNumber: string, reason: string, at: string) => {
    await sql.run(
      'INSERT INTO blacklist (id_number, reason, listed_at) VALUES (?, ?, ?) ON CONFLICT (id_number) DO UPDATE SET reason = excluded.reason, listed_at = excluded.listed_at',
      [idNumber, reason, at],
    );
  },

  /** False when the person was not listed. */
  remove: async (idNumber: string) => (await sql.run('DELETE FROM blacklist WHERE id_number = ?', [idNumber])) === 1,
});

export type BlacklistQueries = ReturnType<typeof blacklistQueries>;
