import { TownshipError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';

/**
 * The integrity blacklist (诚信黑名单): people who lose 容缺. Kept and sent in clear, over TLS only: each station
 * stores an entry under its own keyed hash, which the township cannot make for it.
 */
export async function blacklistAdd(store: Store, idNumber: string, reason: string, now: Date): Promise<{ idNumber: string; changed: boolean }> {
  const id = idNumber.toUpperCase();
  return store.transaction(async (tx) => {
    await tx.lock('feed');
    if ((await tx.blacklist.reason(id)) === reason) return { idNumber: id, changed: false };
    const at = now.toISOString();
    await tx.blacklist.put(id, reason, at);
    await tx.feed.append('blacklist', null, { op: 'add', idNumber: id, reason, at }, at);
    return { idNumber: id, changed: true };
  });
}

export async function blacklistRemove(store: Store, idNumber: string, now: Date): Promise<{ idNumber: string; changed: boolean }> {
  const id = idNumber.toUpperCase();
  return store.transaction(async (tx) => {
    await tx.lock('feed');
    if (!(await tx.blacklist.remove(id))) {
      throw new TownshipError(404, 'admin.not-blacklisted', `${id} is not on the blacklist`);
    }
    const at = now.toISOString();
    await tx.feed.append('blacklist', null, { op: 'remove', idNumber: id, reason: null, at }, at);
    return { idNumber: id, changed: true };
  });
}
