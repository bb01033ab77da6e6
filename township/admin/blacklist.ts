import { TownshipError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import { appendFeed } from '../sync/feed.ts';

/**
 * The integrity blacklist (诚信黑名单): people who lose 容缺. Kept and sent in clear, over TLS only: each station
 * stores an entry under its own keyed hash, which the township cannot make for it.
 */
export async function blacklistAdd(store: Store, idNumber: string, reason: string, now: Date): Promise<{ idNumber: string; changed: boolean }> {
  const id = idNumber.toUpperCase();
  return store.transaction(async (tx) => {
    await tx.lock('feed');
    const current = await tx.get<{ reason: string }>('SELECT reason FROM blacklist WHERE id_number = ?', [id]);
    if (current?.reason === reason) return { idNumber: id, changed: false };
    const at = now.toISOString();
    await tx.run(
      'INSERT INTO blacklist (id_number, reason, listed_at) VALUES (?, ?, ?) ON CONFLICT (id_number) DO UPDATE SET reason = excluded.reason, listed_at = excluded.listed_at',
      [id, reason, at],
    );
    await appendFeed(tx, 'blacklist', null, { op: 'add', idNumber: id, reason, at }, now);
    return { idNumber: id, changed: true };
  });
}

export async function blacklistRemove(store: Store, idNumber: string, now: Date): Promise<{ idNumber: string; changed: boolean }> {
  const id = idNumber.toUpperCase();
  return store.transaction(async (tx) => {
    await tx.lock('feed');
    if ((await tx.run('DELETE FROM blacklist WHERE id_number = ?', [id])) === 0) {
      throw new TownshipError(404, 'admin.not-blacklisted', `${id} is not on the blacklist`);
    }
    await appendFeed(tx, 'blacklist', null, { op: 'remove', idNumber: id, reason: null, at: now.toISOString() }, now);
    return { idNumber: id, changed: true };
  });
}
