import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** `calendar_versions`: holiday calendars the township published. */
export class CalendarRows {
  readonly #all: Statement;
  readonly #insert: Statement;

  constructor(db: Database) {
    this.#all = db.prepare('SELECT version, body FROM calendar_versions');
    this.#insert = db.prepare('INSERT INTO calendar_versions (version, body, received_at) VALUES (?, ?, ?)');
  }

  /** Every stored version with its JSON text, in no particular order. */
  all(): { version: string; body: string }[] {
    return this.#all.all().map((row) => {
      const r = new RowReader('calendar_versions', row);
      return { version: r.text('version'), body: r.text('body') };
    });
  }

  insert(version: string, body: string, receivedAt: string): void {
    this.#insert.run(version, body, receivedAt);
  }
}
