import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testClock } from '../../helpers/clock.ts';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildServer } from '../../../township/server.ts';
import { openStore } from '../../../township/store/open-store.ts';
import type { Store } from '../../../township/store/store.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

export type BackendName = 'sqlite' | 'postgresql';
/** Every protocol test runs once per backend, from the same test cases (describe.each(BACKENDS)). */
export const BACKENDS: { backend: BackendName }[] = [{ backend: 'sqlite' }, { backend: 'postgresql' }];

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghij';

export interface TestTownship {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  /** A database URL the CLI can open too. */
  dbUrl: string;
  /** Moves the server's clock (ms); the signing test station keeps real time. */
  clock: { offsetMs: number };
  /** An admin JSON call with the right token; the answer is read loosely, as tests check it field by field. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  admin(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; json: any }>;
}

/**
 * Registers the hooks of one backend in the surrounding describe: a PostgreSQL cluster for the block (none for
 * SQLite), and a fresh database, data directory and server for every test. Returns a getter for the current one.
 */
export function useTownship(backend: BackendName): () => TestTownship {
  let cluster: PgCluster | undefined;
  let current: (TestTownship & { cleanup(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (backend === 'postgresql') cluster = await startPgCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'township-test-'));
    const dbUrl = cluster ? await cluster.createDatabase() : join(dataDir, 'township.sqlite');
    const store = await openStore(dbUrl);
    const clock = { offsetMs: 0 };
    const app = await buildServer({ store, dataDir, adminToken: ADMIN_TOKEN, now: () => new Date(testClock().getTime() + clock.offsetMs) });
    current = {
      app,
      store,
      dataDir,
      dbUrl,
      clock,
      async admin(method, url, body) {
        const res = await app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
          ...(body !== undefined && { payload: JSON.stringify(body) }),
        });
        return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined };
      },
      async cleanup() {
        await app.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });

  return () => {
    if (!current) throw new Error('no township: call this inside a test');
    return current;
  };
}
