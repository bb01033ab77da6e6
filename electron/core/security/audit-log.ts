import type { Clock } from '../../../contract/domain/clock.ts';
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SecurityError } from './errors.ts';
import type { StationKeys, SubKeys } from './station-keys.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  /** null for the kiosk's self-service, where no staff member is signed in. */
  staffId: number | null;
  /** What happened, e.g. 'staff.login' or 'person.view'. */
  action: string;
  subjectKind?: string | null;
  /** An opaque row id or a keyed hash (idNumberHash) — never a name, ID number, phone number or address. */
  subjectRef?: string | null;
  detail?: { [key: string]: JsonValue };
}

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

export type ChainCheck =
  | { ok: true; entries: number }
  /** `entries` is how many verified before `brokenAt`, the first id that does not follow from the one before it. */
  | { ok: false; entries: number; brokenAt: number; reason: 'hash-mismatch' | 'unknown-key' };

/**
 * The audit trail: who saw or changed whose data, and every sign-in. Each entry's hash chains it to the one before
 * under the station's audit key, so editing, inserting or deleting an entry (other than the newest ones, which need
 * a copy held elsewhere to vouch for them) shows up in verify().
 */
export class AuditLog {
  readonly #db: Database;
  readonly #keys: StationKeys;
  readonly #now: () => Date;

  constructor(db: Database, keys: StationKeys, now: Clock) {
    this.#db = db;
    this.#keys = keys;
    this.#now = now;
  }

  /**
   * Appends an entry. Inside the caller's transaction it commits or rolls back with the change it records;
   * alone it takes the write lock first, so two processes can never both extend the chain from the same entry.
   */
  record(entry: AuditEntry): AuditRecord {
    const append = this.#db.transaction((): AuditRecord => {
      const last = this.#db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
        | { id: number; hash: string }
        | undefined;
      const fields = {
        id: (last?.id ?? 0) + 1,
        at: this.#now().toISOString(),
        staffId: entry.staffId,
        action: entry.action,
        subjectKind: entry.subjectKind ?? null,
        subjectRef: entry.subjectRef ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      };
      const record = { ...fields, hash: chainHash(this.#keys.current, last?.hash ?? '', fields) };
      this.#db
        .prepare(
          `INSERT INTO audit_log (id, at, staff_id, action, subject_kind, subject_ref, detail, hash)
           VALUES (@id, @at, @staffId, @action, @subjectKind, @subjectRef, @detail, @hash)`,
        )
        .run(record);
      return record;
    });
    return this.#db.inTransaction ? append() : append.immediate();
  }

  verify(): ChainCheck {
    return verifyAuditChain(this.#db, this.#keys);
  }
}

/** Recomputes the whole chain from the first entry. */
export function verifyAuditChain(db: Database, keys: StationKeys): ChainCheck {
  const rows = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, action, subject_kind AS subjectKind, subject_ref AS subjectRef, detail, hash
       FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<AuditRecord>;
  let previous = '';
  let entries = 0;
  for (const row of rows) {
    let sub: SubKeys;
    try {
      sub = keys.byId(row.hash.split(':')[0]!);
    } catch (error) {
      if (!(error instanceof SecurityError)) throw error;
      return { ok: false, entries, brokenAt: row.id, reason: 'unknown-key' };
    }
    if (chainHash(sub, previous, row) !== row.hash) {
      return { ok: false, entries, brokenAt: row.id, reason: 'hash-mismatch' };
    }
    previous = row.hash;
    entries += 1;
  }
  return { ok: true, entries };
}

/** `<keyId>:` HMAC-SHA256 over the previous hash and the entry, as one JSON array so no two entries encode alike. */
function chainHash(keys: SubKeys, previous: string, e: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([previous, e.id, e.at, e.staffId, e.action, e.subjectKind, e.subjectRef, e.detail]);
  return `${keys.keyId}:${createHmac('sha256', keys.audit).update(canonical).digest('base64url')}`;
}
