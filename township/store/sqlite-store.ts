import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { migrations } from './migrations.ts';
import type { SqlTx, SqlValue } from './sql.ts';
import { storeTx } from './store-tx.ts';
import type { Store, StoreTx } from './store.ts';

/**
 * SQLite, the default: one file, one command. better-sqlite3 is synchronous, so transactions are queued here and
 * never interleave between awaits; BEGIN IMMEDIATE and a busy timeout let the admin CLI write beside the server.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
  }

  async migrate(): Promise<void> {
    for (const m of migrations('sqlite')) {
      this.#db
        .transaction(() => {
          // Read inside the write transaction, so two processes starting at once cannot both apply a migration.
          if ((this.#db.pragma('user_version', { simple: true }) as number) >= m.version) return;
          this.#db.exec(m.sql);
          this.#db.pragma(`user_version = ${m.version}`);
        })
        .immediate();
    }
  }

  #statement(sql: string): Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  readonly #sql: SqlTx = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => this.#statement(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => this.#statement(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => {
      const s = this.#statement(sql);
      return s.reader ? s.all(...params).length : s.run(...params).changes;
    },
    lock: async () => {},
  };

  readonly #tx: StoreTx = storeTx(this.#sql, this.backend);

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.#tx);
        this.#db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw err;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.#queue;
    this.#db.close();
  }
}
