/** SQL values: no booleans (SQLite has none) and no Dates (timestamps are ISO-8601 UTC text in both backends). */
export type SqlValue = string | number | null;

/** What each backend runs its statements through inside a transaction; only the store's queries use it. */
export interface SqlTx {
  /** `?` placeholders in both backends. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  lock(name: string): Promise<void>;
}
