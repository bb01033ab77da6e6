import type { Tx } from '../store/store.ts';

export type FeedKind = 'case-state' | 'catalog' | 'calendar' | 'blacklist';

/**
 * Appends one item to what stations pull (stationId null: for all). The lock makes feed positions commit in order,
 * so a station's cursor never passes an item that commits later with a lower position.
 */
export async function appendFeed(tx: Tx, kind: FeedKind, stationId: string | null, payload: object, now: Date): Promise<number> {
  await tx.lock('feed');
  const row = await tx.get<{ seq: number }>(
    'INSERT INTO feed (kind, station_id, payload, created_at) VALUES (?, ?, ?, ?) RETURNING seq',
    [kind, stationId, JSON.stringify(payload), now.toISOString()],
  );
  return row!.seq;
}
