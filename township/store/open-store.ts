import { mkdirSync } from 'node:fs';
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
    mkdirSync(dirname(file), { recursive: true });
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
