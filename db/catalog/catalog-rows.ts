import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** `catalog_versions`: catalogues as published; exactly one is active. */
export class CatalogRows {
  readonly #active: Statement;
  readonly #deactivate: Statement;
  readonly #insert: Statement;

  constructor(db: Database) {
    this.#active = db.prepare('SELECT version, body FROM catalog_versions WHERE active = 1');
    this.#deactivate = db.prepare('UPDATE catalog_versions SET active = 0 WHERE active = 1');
    this.#insert = db.prepare(
      `INSERT INTO catalog_versions (version, published_at, imported_at, source, body, active)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
  }

  /** The active version and its JSON text; null on a fresh database. */
  active(): { version: string; body: string } | null {
    const row: unknown = this.#active.get();
    if (row === undefined) return null;
    const r = new RowReader('catalog_versions', row);
    return { version: r.text('version'), body: r.text('body') };
  }

  /** Makes a new version the active one; call inside a transaction, after `deactivate`. */
  insertActive(version: string, publishedAt: string, importedAt: string, source: string, body: string): void {
    this.#insert.run(version, publishedAt, importedAt, source, body);
  }

  deactivate(): void {
    this.#deactivate.run();
  }
}
