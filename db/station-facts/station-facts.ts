import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** `station_facts`: this station's code and its running counters. */
export class StationFacts {
  readonly #code: Statement;
  readonly #setCode: Statement;
  readonly #next: Statement;

  constructor(db: Database) {
    this.#code = db.prepare("SELECT value FROM station_facts WHERE key = 'station-code'");
    this.#setCode = db.prepare("INSERT INTO station_facts (key, value) VALUES ('station-code', ?) ON CONFLICT DO NOTHING");
    this.#next = db.prepare(
      `INSERT INTO station_facts (key, value) VALUES (?, '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value`,
    );
  }

  code(): string | null {
    const row: unknown = this.#code.get();
    return row === undefined ? null : new RowReader('station_facts', row).text('value');
  }

  /** Keeps `code` unless the station has one already (another process may have made it first). */
  offerCode(code: string): void {
    this.#setCode.run(code);
  }

  /** The next value of a counter, starting at 1; call inside the transaction that uses it. */
  next(counter: string): number {
    const value = new RowReader('station_facts', this.#next.get(counter)).text('value');
    return Number(value);
  }
}
