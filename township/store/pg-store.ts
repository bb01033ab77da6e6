import pg from 'pg';
import { migrations } from './migrations.ts';
import type { SqlTx, SqlValue } from './sql.ts';
import { storeTx } from './store-tx.ts';
import type { Store, StoreTx } from './store.ts';

const INT8_OID = 20;

/** `?` → `$1, $2 …`. Our SQL has no `?` in literals and uses no jsonb `?` operator, so a plain scan is enough. */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** PostgreSQL, for a county or city with hundreds to thousands of stations. */
export class PgStore implements Store {
  readonly backend = 'postgresql' as const;
  readonly #pool: pg.Pool;

  constructor(connectionString: string) {
    this.#pool = new pg.Pool({
      connectionString,
      max: 10,
      // Counts, sizes and feed positions are bigint; they stay far below 2^53, so numbers are safe and simpler.
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser },
    });
  }

  async migrate(): Promise<void> {
    await this.#transaction(async (tx) => {
      // One migrator at a time when several servers start together.
      await tx.lock('township-migrations');
      await tx.run(`CREATE TABLE IF NOT EXISTS township_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await tx.all<{ version: number }>('SELECT version FROM township_migrations')).map((r) => r.version));
      for (const m of migrations('pg')) {
        if (done.has(m.version)) continue;
        await tx.run(m.sql);
        await tx.run('INSERT INTO township_migrations (version, name) VALUES (?, ?)', [m.version, m.name]);
      }
    });
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.#transaction((sql) => fn(storeTx(sql, this.backend)));
  }

  async #transaction<T>(fn: (sql: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const query = async (sql: string, params: readonly SqlValue[] = []) =>
      client.query(params.length === 0 ? sql : numberPlaceholders(sql), params as SqlValue[]);
    const tx: SqlTx = {
      all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as T[],
      get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
      run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
      lock: async (name: string) => {
        await query('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
