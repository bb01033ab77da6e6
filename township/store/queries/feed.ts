import type { FeedKind, FeedRow } from '../rows.ts';
import type { SqlTx } from '../sql.ts';

export const feedQueries = (sql: SqlTx) => ({
  /**
   * Appends one item to what stations pull (stationId null: for all) and returns its position. The lock makes
   * positions commit in order, so a station's cursor never passes an item that commits later with a lower one.
   */
  append: async (kind: FeedKind, stationId: string | null, payload: object, at: string): Promise<number> => {
    await sql.lock('feed');
    const row = await sql.get<{ seq: number }>('INSERT INTO feed (kind, station_id, payload, created_at) VALUES (?, ?, ?, ?) RETURNING seq', [
      kind, stationId, JSON.stringify(payload), at,
    ]);
    return row!.seq;
  },

  /** Up to `limit` items after `after` for this station: its own and those for every station, in order. */
  after: (stationId: string, after: number, limit: number) =>
    sql.all<FeedRow>(
      `SELECT seq, kind, payload FROM feed WHERE station_id = ? AND seq > ?
       UNION ALL
       SELECT seq, kind, payload FROM feed WHERE station_id IS NULL AND seq > ?
       ORDER BY seq LIMIT ?`,
      [stationId, after, after, limit],
    ),
});

export type FeedQueries = ReturnType<typeof feedQueries>;
