import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';

/** A row of `audit_log`. */
export interface AuditRecord {
  id: number;
  at: string;
  staffId: number | null;
  action: string;
  subjectKind: string | null;
  subjectRef: string | null;
  /** The detail as stored: JSON text, exactly what the hash covers. */
  detail: string;
  hash: string;
}

export function auditRecord(row: unknown): AuditRecord {
  const r = new RowReader('audit_log', row);
  return {
    id: r.int('id'),
    at: r.text('at'),
    staffId: r.intOrNull('staff_id'),
    action: r.text('action'),
    subjectKind: r.textOrNull('subject_kind'),
    subjectRef: r.textOrNull('subject_ref'),
    detail: r.text('detail'),
    hash: r.text('hash'),
  };
}

/** `audit_log`: append-only (triggers refuse updates and deletes); the hash chain is the service's. */
export class AuditRows {
  readonly #last: Statement;
  readonly #insert: Statement;
  readonly #all: Statement;

  constructor(db: Database) {
    this.#last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.#insert = db.prepare(
      `INSERT INTO audit_log (id, at, staff_id, action, subject_kind, subject_ref, detail, hash)
       VALUES (@id, @at, @staffId, @action, @subjectKind, @subjectRef, @detail, @hash)`,
    );
    this.#all = db.prepare('SELECT * FROM audit_log ORDER BY id');
  }

  /** The newest entry's id and hash, which the next one chains to. */
  last(): { id: number; hash: string } | null {
    const row: unknown = this.#last.get();
    if (row === undefined) return null;
    const r = new RowReader('audit_log', row);
    return { id: r.int('id'), hash: r.text('hash') };
  }

  insert(record: AuditRecord): void {
    this.#insert.run(record);
  }

  /** Every entry from the first, read one at a time (the log only grows). */
  *all(): Generator<AuditRecord> {
    for (const row of this.#all.iterate()) yield auditRecord(row);
  }
}
