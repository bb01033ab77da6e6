import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseCorruptError, DatabaseLockedError, DatabaseTooNewError } from '../../db/errors.ts';
import { loadMigrations } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';
import { migrationsDir } from '../../electron/core/paths.ts';
import { tempDir } from '../helpers/tmp.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates the file in WAL mode with foreign keys on and every migration applied', () => {
    const file = join(tempDir(), 'nested', 'station.db');
    const db = openDatabase(file, { migrationsDir: migrationsDir() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations(migrationsDir()).length);
    db.close();
    // Opening again applies nothing twice.
    const again = openDatabase(file, { migrationsDir: migrationsDir() });
    expect(again.pragma('user_version', { simple: true })).toBe(loadMigrations(migrationsDir()).length);
    again.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001-a.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(migrations, '0002-b.sql'), 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);');
    const file = join(dir, 'x.db');
    expect(() => openDatabase(file, { migrationsDir: migrations })).toThrow(/nowhere/);
    const raw = new BetterSqlite3(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    raw.close();
  });

  it('refuses migration files out of sequence', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001-a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003-c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });

  it('reports a database newer than the program without touching it', () => {
    const file = join(tempDir(), 'new.db');
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file, { migrationsDir: migrationsDir() })).toThrow(DatabaseTooNewError);
    expect(sha(file)).toBe(before);
  });

  it('reports a corrupt file as such and leaves it byte for byte', () => {
    const file = join(tempDir(), 'corrupt.db');
    writeFileSync(file, Buffer.concat([Buffer.from('not a database at all '), Buffer.alloc(8192, 7)]));
    const before = sha(file);
    expect(() => openDatabase(file, { migrationsDir: migrationsDir() })).toThrow(DatabaseCorruptError);
    expect(sha(file)).toBe(before);
  });

  it('reports a damaged page inside a real database as corrupt', () => {
    const dir = tempDir();
    const good = join(dir, 'good.db');
    openDatabase(good, { migrationsDir: migrationsDir() }).close();
    const bad = join(dir, 'bad.db');
    copyFileSync(good, bad);
    const bytes = readFileSync(bad);
    bytes.fill(0xff, 0, 100); // the header page
    writeFileSync(bad, bytes);
    expect(() => openDatabase(bad, { migrationsDir: migrationsDir() })).toThrow(DatabaseCorruptError);
  });

  it('reports a database locked by another process as locked', () => {
    const file = join(tempDir(), 'locked.db');
    const holder = new BetterSqlite3(file);
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      expect(() => openDatabase(file, { migrationsDir: migrationsDir(), busyTimeoutMs: 50 })).toThrow(DatabaseLockedError);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
