import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { classifySqliteError } from './errors.ts';
import { assertKnownVersion, loadMigrations, migrate } from './migrate.ts';

/** The open handle, for the data layer and for tests that look at what is stored; no layer above db/ runs SQL on it. */
export type { Database };

export interface OpenOptions {
  /** Where the numbered migrations are (db/migrations of the app). */
  migrationsDir: string;
  /** How long to wait for another process's lock before giving up, in ms. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the station database: WAL, foreign keys on, full sync for case data, then migrates.
 * A locked or corrupt file becomes a typed error and is left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions): Database {
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { timeout: options.busyTimeoutMs ?? 2000, readonly: options.readonly ?? false });
    // Reading the schema first surfaces "not a database" (and a too-new schema) before any write touches the file.
    db.pragma('schema_version', { simple: true });
    const migrations = loadMigrations(options.migrationsDir);
    assertKnownVersion(db, file, migrations.length);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      migrate(db, file, migrations);
      // Personal data: the owner alone may read it (SQLite gives its -wal and -shm files the same mode).
      chmodSync(file, 0o600);
    }
    return db;
  } catch (error) {
    db?.close();
    throw classifySqliteError(file, error);
  }
}
