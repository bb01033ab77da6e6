import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../contract/domain/clock.ts';
import { testClock } from './clock.ts';
import { buildServer } from '../../township/server.ts';
import { openStore } from '../../township/store/open-store.ts';
import type { Store } from '../../township/store/store.ts';

export const ADMIN_TOKEN = 'sync-test-admin-token-0123456789abcdef';

export interface RunningTownship {
  url: string;
  app: FastifyInstance;
  store: Store;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** A one-time enrolment code for a station of this village and grid. */
  code(): Promise<string>;
  stop(): Promise<void>;
}

/** The real township server, SQLite-backed, listening on loopback; `clock` when its stations live on another day. */
export async function startTownship(
  dbUrl?: string,
  dataDir = mkdtempSync(join(tmpdir(), 'township-')),
  clock: Clock = testClock,
): Promise<RunningTownship> {
  const store = await openStore(dbUrl ?? join(dataDir, 'township.sqlite'));
  const app = await buildServer({ store, dataDir, adminToken: ADMIN_TOKEN, now: clock });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin: RunningTownship['admin'] = async (method, path, body) => {
    const res = await fetch(new URL(path, address), {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    url: address,
    app,
    store,
    admin,
    code: async () => (await admin('POST', '/v1/admin/enrolment-codes', { village: '青苗村', grid: '第三网格' })).json.code as string,
    stop: async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
