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
        await tx.run('DELETE FROM nonces WHERE expires_ms < ?', [nowMs]);
      }
      const fresh = await tx.run('INSERT INTO nonces (station_id, nonce, expires_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [stationId, nonce, expiresMs]);
      if (fresh === 1) await tx.run('UPDATE stations SET last_seen_at = ? WHERE id = ?', [new Date(nowMs).toISOString(), stationId]);
      return fresh === 1;
    });
  }
}
