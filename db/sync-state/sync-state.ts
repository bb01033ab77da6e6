import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** The row of `sync_link`: this station's enrolment with its township and how sync last went. */
export interface SyncLinkRecord {
  serverUrl: string;
  stationId: string;
  village: string;
  grid: string;
  /** The signing key, sealed (AAD 'sync:1:private_key'). */
  privateKey: string;
  pullCursor: string;
  lastSyncAt: string | null;
  lastError: string | null;
}

export function syncLinkRecord(row: unknown): SyncLinkRecord {
  const r = new RowReader('sync_link', row);
  return {
    serverUrl: r.text('server_url'),
    stationId: r.text('station_id'),
    village: r.text('village'),
    grid: r.text('grid'),
    privateKey: r.text('private_key'),
    pullCursor: r.text('pull_cursor'),
    lastSyncAt: r.textOrNull('last_sync_at'),
    lastError: r.textOrNull('last_error'),
  };
}

export interface NewSyncLink {
  serverUrl: string;
  stationId: string;
  village: string;
  grid: string;
  privateKey: string;
  publicKey: string;
  enrolledAt: string;
}

/** `sync_link` and `sync_conflicts`: the enrolment, the pull cursor, and the events the township refused. */
export class SyncState {
  readonly #link: Statement;
  readonly #enroll: Statement;
  readonly #synced: Statement;
  readonly #failed: Statement;
  readonly #cursor: Statement;
  readonly #conflict: Statement;
  readonly #conflictCount: Statement;
  readonly #dropConflicts: Statement;

  constructor(db: Database) {
    this.#link = db.prepare('SELECT * FROM sync_link WHERE id = 1');
    this.#enroll = db.prepare(
      `INSERT INTO sync_link (id, server_url, station_id, village, grid, private_key, public_key, enrolled_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, station_id = excluded.station_id,
         village = excluded.village, grid = excluded.grid, private_key = excluded.private_key,
         public_key = excluded.public_key, enrolled_at = excluded.enrolled_at, pull_cursor = '0'`,
    );
    this.#synced = db.prepare('UPDATE sync_link SET last_sync_at = ?, last_error = NULL WHERE id = 1');
    this.#failed = db.prepare('UPDATE sync_link SET last_error = ? WHERE id = 1');
    this.#cursor = db.prepare('UPDATE sync_link SET pull_cursor = ? WHERE id = 1');
    this.#conflict = db.prepare(
      'INSERT INTO sync_conflicts (event_id, reason, message, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.#conflictCount = db.prepare('SELECT count(*) AS n FROM sync_conflicts');
    this.#dropConflicts = db.prepare('DELETE FROM sync_conflicts WHERE event_id IN (SELECT value FROM json_each(?))');
  }

  /** The enrolment; null before the station is enrolled. */
  link(): SyncLinkRecord | null {
    const row: unknown = this.#link.get();
    return row === undefined ? null : syncLinkRecord(row);
  }

  /** Enrols, or enrols again (a new key, pulling from the start). */
  enroll(l: NewSyncLink): void {
    this.#enroll.run(l.serverUrl, l.stationId, l.village, l.grid, l.privateKey, l.publicKey, l.enrolledAt);
  }

  synced(at: string): void {
    this.#synced.run(at);
  }

  failed(code: string): void {
    this.#failed.run(code);
  }

  setCursor(cursor: string): void {
    this.#cursor.run(cursor);
  }

  /** Keeps the township's refusal of an event; the first reason stays. */
  recordConflict(eventId: string, reason: string, message: string, at: string): void {
    this.#conflict.run(eventId, reason, message, at);
  }

  conflictCount(): number {
    return new RowReader('sync_conflicts', this.#conflictCount.get()).int('n');
  }

  dropConflicts(eventIds: string[]): void {
    this.#dropConflicts.run(JSON.stringify(eventIds));
  }
}
