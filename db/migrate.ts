import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { DatabaseTooNewError } from './errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})-[a-z0-9-]+\.sql$/;

/** Numbered SQL files, `0001-name.sql`, in order; numbers must run 1, 2, 3 … without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence: expected ${i + 1}`);
  });
  return migrations;
}

/** The database's schema version, if this program knows it; a newer one is refused before anything is written. */
export function assertKnownVersion(db: Database, file: string, latest: number): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(file, current, latest);
  return current;
}

/**
 * Applies what the database has not seen yet, each migration and its `user_version` bump in one transaction,
 * so a crash leaves the database at the previous version, never in between.
 */
export function migrate(db: Database, file: string, migrations: Migration[]): number {
  const current = assertKnownVersion(db, file, migrations.length);
  const latest = migrations.length;
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
