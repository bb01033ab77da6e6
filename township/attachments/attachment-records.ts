import type { Store } from '../store/store.ts';

/** Notes an attachment as stored whole; the blob file is already in place, so a repeat (after a crash) is harmless. */
export function recordAttachment(store: Store, sha256: string, size: number, stationId: string, now: Date): Promise<void> {
  return store.transaction((tx) => tx.attachments.record(sha256, size, stationId, now.toISOString()));
}
