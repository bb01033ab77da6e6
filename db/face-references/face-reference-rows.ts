import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

export interface FaceReferenceRecord {
  sealed: string;
  model: string;
  verifiedAt: string;
}

/** `face_references`: a sealed face descriptor per person (keyed hash of the ID number), from a passed check. */
export class FaceReferenceRows {
  readonly #get: Statement;
  readonly #put: Statement;
  readonly #purge: Statement;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT sealed, model, verified_at FROM face_references WHERE id_hash = ?');
    this.#put = db.prepare(
      'INSERT INTO face_references (id_hash, sealed, model, verified_at) VALUES (?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET sealed = excluded.sealed, model = excluded.model, verified_at = excluded.verified_at',
    );
    this.#purge = db.prepare('DELETE FROM face_references WHERE verified_at < ?');
  }

  get(idHash: string): FaceReferenceRecord | null {
    const row: unknown = this.#get.get(idHash);
    if (row === undefined) return null;
    const r = new RowReader('face_references', row);
    return { sealed: r.text('sealed'), model: r.text('model'), verifiedAt: r.text('verified_at') };
  }

  put(idHash: string, record: FaceReferenceRecord): void {
    this.#put.run(idHash, record.sealed, record.model, record.verifiedAt);
  }

  /** Removes references last verified before `cutoff` (ISO instant); returns how many. */
  purgeBefore(cutoff: string): number {
    return this.#purge.run(cutoff).changes;
  }
}
