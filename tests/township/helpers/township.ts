import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testClock } from '../../helpers/clock.ts';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startPgCluster, type PgCluster } from '../../../scripts/lib/pg-cluster.ts';
import { ADMIN_TOKEN, startTownship } from '../../../scripts/lib/township.ts';
import type { Store } from '../../../township/store/store.ts';

export type BackendName = 'sqlite' | 'postgresql';
/** Every protocol test runs once per backend, from the same test cases (describe.each(BACKENDS)). */
export const BACKENDS: { backend: BackendName }[] = [{ backend: 'sqlite' }, { backend: 'postgresql' }];

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
 * SQLite), and a fresh database, data directory and in-process township for every test. Returns a getter for it.
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
    const clock = { offsetMs: 0 };
    const township = await startTownship({ db: dbUrl, dataDir, clock: () => new Date(testClock().getTime() + clock.offsetMs) });
    const { app } = township;
    current = {
      app,
      store: township.store,
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
      cleanup: township.stop,
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
