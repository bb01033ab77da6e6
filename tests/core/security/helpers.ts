import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { openDatabase } from '../../../db/open.ts';
import { migrationsDir } from '../../../electron/core/paths.ts';
import { StationKeys } from '../../../electron/core/security/station-keys.ts';
import { tempDir } from '../../helpers/tmp.ts';

/** A master key that is the same every run, so failures reproduce; a different seed is a different station. */
export const masterKey = (seed: string): Buffer => createHash('sha256').update(`test master key ${seed}`).digest();

export const stationKeys = (seed = 'station A'): StationKeys => new StationKeys(masterKey(seed));

/** A fresh station database with every migration applied, closed when the test ends. */
export function freshDatabase(): Database {
  const db = openDatabase(join(tempDir(), 'station.db'), { migrationsDir: migrationsDir() });
  onTestFinished(() => {
    db.close();
  });
  return db;
}

/** A clock that moves only when told to. */
export class FakeClock {
  #ms: number;
  constructor(iso = '2025-03-01T08:00:00.000Z') {
    this.#ms = Date.parse(iso);
  }
  readonly now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
}
