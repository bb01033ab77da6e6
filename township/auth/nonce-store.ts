import type { Store } from '../store/store.ts';
import type { NonceStore } from './signature.ts';

const PRUNE_EVERY_MS = 60_000;

/**
 * Nonces in the database rather than in memory, so several server processes on one PostgreSQL refuse the same
 * replay. Spending a nonce also notes when the station was last seen.
 */
export class DbNonceStore implements NonceStore {
  #lastPrune = 0;

  constructor(private readonly store: Store) {}

  use(stationId: string, nonce: string, expiresMs: number, nowMs: number): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      if (nowMs - this.#lastPrune > PRUNE_EVERY_MS) {
        this.#lastPrune = nowMs;
        await tx.nonces.pruneExpired(nowMs);
      }
      const fresh = await tx.nonces.spend(stationId, nonce, expiresMs);
      if (fresh) await tx.stations.markSeen(stationId, new Date(nowMs).toISOString());
      return fresh;
    });
  }
}
