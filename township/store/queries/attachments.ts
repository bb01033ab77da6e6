import type { SqlTx } from '../sql.ts';

/** The hashes are bound as one JSON array, so the statement is the same text for any number of them. */
const HELD_AMONG = {
  sqlite: 'SELECT sha256 FROM attachment_holders WHERE station_id = ? AND sha256 IN (SELECT value FROM json_each(?))',
  postgresql: 'SELECT sha256 FROM attachment_holders WHERE station_id = ? AND sha256 IN (SELECT json_array_elements_text(?::json))',
} as const;

export const attachmentQueries = (sql: SqlTx, backend: 'sqlite' | 'postgresql') => ({
  /** Stored whole, uploaded by this station; a repeat (after a crash between the blob and these rows) changes nothing. */
  record: async (sha256: string, size: number, stationId: string, at: string) => {
    await sql.run('INSERT INTO attachments (sha256, size, station_id, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
      sha256, size, stationId, at,
    ]);
    await sql.run('INSERT INTO attachment_holders (sha256, station_id, stored_at) VALUES (?, ?, ?) ON CONFLICT (sha256, station_id) DO NOTHING', [
      sha256, stationId, at,
    ]);
  },

  /** Whether this station has uploaded this attachment whole. */
  heldBy: async (sha256: string, stationId: string) =>
    (await sql.get('SELECT 1 AS x FROM attachment_holders WHERE sha256 = ? AND station_id = ?', [sha256, stationId])) !== undefined,

  /** Which of `shas` this station has uploaded whole; no query for none. */
  heldAmong: async (stationId: string, shas: readonly string[]): Promise<Set<string>> => {
    if (shas.length === 0) return new Set();
    const rows = await sql.all<{ sha256: string }>(HELD_AMONG[backend], [stationId, JSON.stringify(shas)]);
    return new Set(rows.map((r) => r.sha256));
  },
});

export type AttachmentQueries = ReturnType<typeof attachmentQueries>;
