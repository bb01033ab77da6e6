import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

const KINDS = ['scan', 'signature', 'photo', 'document'] as const;

/** A row of `attachments`. */
export interface AttachmentRecord {
  sha256: string;
  kind: (typeof KINDS)[number];
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  /** The bytes, sealed (AAD 'attachment:<sha256>:bytes'). */
  sealed: Buffer;
}

export function attachmentRecord(row: unknown): AttachmentRecord {
  const r = new RowReader('attachments', row);
  return {
    sha256: r.text('sha256'),
    kind: r.oneOf('kind', KINDS),
    mime: r.text('mime'),
    size: r.int('size'),
    width: r.intOrNull('width'),
    height: r.intOrNull('height'),
    sealed: r.blob('sealed'),
  };
}

/** `attachments`: sealed files addressed by the sha256 of their bytes. */
export class AttachmentRows {
  readonly #insert: Statement;
  readonly #get: Statement;
  readonly #has: Statement;
  readonly #delete: Statement;

  constructor(db: Database) {
    this.#insert = db.prepare(
      `INSERT INTO attachments (sha256, kind, mime, size, width, height, sealed, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
    );
    this.#get = db.prepare('SELECT sha256, kind, mime, size, width, height, sealed FROM attachments WHERE sha256 = ?');
    this.#has = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
    this.#delete = db.prepare('DELETE FROM attachments WHERE sha256 = ?');
  }

  /** Stores a file once per content: the same bytes again change nothing. */
  insert(a: AttachmentRecord, createdAt: string): void {
    this.#insert.run(a.sha256, a.kind, a.mime, a.size, a.width, a.height, a.sealed, createdAt);
  }

  get(sha256: string): AttachmentRecord | null {
    const row: unknown = this.#get.get(sha256);
    return row === undefined ? null : attachmentRecord(row);
  }

  has(sha256: string): boolean {
    return this.#has.get(sha256) !== undefined;
  }

  delete(sha256: string): void {
    this.#delete.run(sha256);
  }
}
