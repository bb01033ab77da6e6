import type { SqlTx } from '../sql.ts';

/** The hashes are bound as one JSON array, so the statement is the same text for any number of them. */
const STORED_AMONG = {
  sqlite: 'SELECT sha256 FROM attachments WHERE sha256 IN (SELECT value FROM json_each(?))',
  postgresql: 'SELECT sha256 FROM attachments WHERE sha256 IN (SELECT json_array_elements_text(?::json))',
} as const;

export const attachmentQueries = (sql: SqlTx, backend: 'sqlite' | 'postgresql') => ({
  /** A repeat (after a crash between the blob and this row) changes nothing. */
  record: async (sha256: string, size: number, stationId: string, at: string) => {
    await sql.run('INSERT INTO attachments (sha256, size, station_id, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
      sha256, size, stationId, at,
    ]);
  },

  /** Which of `shas` are stored whole; no query for none. */
  storedAmong: async (shas: readonly string[]): Promise<Set<string>> => {
    if (shas.length === 0) return new Set();
    const rows = await sql.all<{ sha256: string }>(STORED_AMONG[backend], [JSON.stringify(shas)]);
    return new Set(rows.map((r) => r.sha256));
  },
});

export type AttachmentQueries = ReturnType<typeof attachmentQueries>;
