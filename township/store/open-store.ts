import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { PgStore } from './pg-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file (`sqlite:` prefix optional). */
export async function openStore(url: string): Promise<Store> {
  let store: Store;
  if (/^postgres(ql)?:\/\//.test(url)) {
    store = new PgStore(url);
  } else {
    const file = url.replace(/^sqlite:/, '');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Made 0600 before SQLite opens it: its -wal and -shm files take the database's mode.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    store = new SqliteStore(file);
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
