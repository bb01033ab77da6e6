import type { PullItem, PullRequest, PullResponse } from '../../contract/api/sync.ts';
import type { Store } from '../store/store.ts';

/** A page stops growing here (after its first item), so a few catalogue versions do not make one huge answer. */
const MAX_PULL_BYTES = 4 << 20;

/** The station's feed after its cursor: its cases' township steps, and what is published for every station. */
export async function pull(store: Store, stationId: string, req: PullRequest): Promise<PullResponse> {
  const after = Number(req.cursor);
  const rows = await store.transaction(async (tx) => {
    if (req.calendarThrough !== undefined) {
      await tx.stations.setCalendarThrough(stationId, req.calendarThrough);
    }
    return tx.feed.after(stationId, after, req.limit + 1);
  });
  const items: PullItem[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, req.limit)) {
    if (items.length > 0 && bytes + row.payload.length > MAX_PULL_BYTES) break;
    bytes += row.payload.length;
    items.push({ seq: row.seq, kind: row.kind, ...JSON.parse(row.payload) } as PullItem);
  }
  const last = items.at(-1);
  return { items, cursor: last ? String(last.seq) : req.cursor, more: items.length < rows.length };
}
