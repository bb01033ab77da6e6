import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

const idOf = (row: unknown): number => new RowReader('persons', row).int('id');

/** `persons`: sealed data, found by keyed hashes of the ID number and of the name. */
export class PersonRows {
  readonly #byIdHash: Statement;
  readonly #byNameHash: Statement;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #sealed: Statement;
  readonly #delete: Statement;

  constructor(db: Database) {
    this.#byIdHash = db.prepare('SELECT id FROM persons WHERE id_hash = ?');
    this.#byNameHash = db.prepare('SELECT id FROM persons WHERE name_hash = ?');
    this.#insert = db.prepare("INSERT INTO persons (id_hash, name_hash, sealed, updated_at) VALUES (?, ?, '', ?)");
    this.#update = db.prepare('UPDATE persons SET name_hash = ?, sealed = ?, updated_at = ? WHERE id = ?');
    this.#sealed = db.prepare('SELECT sealed FROM persons WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM persons WHERE id = ?');
  }

  byIdHash(idHash: string): number | null {
    const row: unknown = this.#byIdHash.get(idHash);
    return row === undefined ? null : idOf(row);
  }

  byNameHash(nameHash: string): number[] {
    return this.#byNameHash.all(nameHash).map(idOf);
  }

  /** A new person with nothing sealed yet (the seal is bound to the id this returns). */
  insert(idHash: string, nameHash: string, updatedAt: string): number {
    return Number(this.#insert.run(idHash, nameHash, updatedAt).lastInsertRowid);
  }

  update(id: number, nameHash: string, sealed: string, updatedAt: string): void {
    this.#update.run(nameHash, sealed, updatedAt, id);
  }

  /** The sealed data (AAD 'person:<id>:data'); cases point at their person, so a missing one is a damaged file. */
  sealed(id: number): string {
    return new RowReader('persons', this.#sealed.get(id)).text('sealed');
  }

  delete(id: number): void {
    this.#delete.run(id);
  }
}
