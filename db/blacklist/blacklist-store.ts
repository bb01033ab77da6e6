import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** `blacklist`: the township's integrity blacklist, by keyed hash of the ID number. */
export class BlacklistStore {
  readonly #reason: Statement;
  readonly #add: Statement;
  readonly #remove: Statement;

  constructor(db: Database) {
    this.#reason = db.prepare('SELECT reason FROM blacklist WHERE id_hash = ?');
    this.#add = db.prepare(
      'INSERT INTO blacklist (id_hash, reason, listed_at, source) VALUES (?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET reason = excluded.reason',
    );
    this.#remove = db.prepare('DELETE FROM blacklist WHERE id_hash = ?');
  }

  /** Why this person is listed, or null. */
  reason(idHash: string): string | null {
    const row: unknown = this.#reason.get(idHash);
    return row === undefined ? null : new RowReader('blacklist', row).text('reason');
  }

  /** Lists a person, or updates the reason of one listed already. */
  add(idHash: string, reason: string, listedAt: string, source: string): void {
    this.#add.run(idHash, reason, listedAt, source);
  }

  remove(idHash: string): void {
    this.#remove.run(idHash);
  }
}
