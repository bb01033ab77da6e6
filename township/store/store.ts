/**
 * The township's storage, one interface over SQLite and PostgreSQL: transactions of portable SQL. The sync and
 * admin logic is written once against it (township/sync, township/admin); each backend keeps its own migrations.
 */

/** SQL values: no booleans (SQLite has none) and no Dates (timestamps are ISO-8601 UTC text in both backends). */
export type SqlValue = string | number | null;

export interface Tx {
  /** `?` placeholders in both backends. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Holds a named lock until the transaction ends. PostgreSQL needs it where read-then-write must not interleave
   * (a station's pushes, the feed's order); SQLite already runs one write transaction at a time.
   */
  lock(name: string): Promise<void>;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgresql';
  /** Applies the backend's numbered migrations not applied yet, each in one transaction. */
  migrate(): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
