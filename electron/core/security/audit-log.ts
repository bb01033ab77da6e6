import type { Clock } from '../../../contract/domain/clock.ts';
import { createHmac } from 'node:crypto';
import type { AuditRecord } from '../../../db/audit/audit-rows.ts';
import type { StationData } from '../../../db/station-data.ts';
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
  readonly #db: StationData;
  readonly #keys: StationKeys;
  readonly #now: Clock;

  constructor(deps: { db: StationData; keys: StationKeys; clock: Clock }) {
    this.#db = deps.db;
    this.#keys = deps.keys;
    this.#now = deps.clock;
  }

  /**
   * Appends an entry. Inside the caller's transaction it commits or rolls back with the change it records;
   * alone it takes the write lock first, so two processes can never both extend the chain from the same entry.
   */
  record(entry: AuditEntry): AuditRecord {
    return this.#db.transaction((): AuditRecord => {
      const last = this.#db.audit.last();
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
      this.#db.audit.insert(record);
      return record;
    }, 'immediate');
  }

  verify(): ChainCheck {
    return verifyAuditChain(this.#db, this.#keys);
  }
}

/** Recomputes the whole chain from the first entry. */
export function verifyAuditChain(db: StationData, keys: StationKeys): ChainCheck {
  let previous = '';
  let entries = 0;
  for (const row of db.audit.all()) {
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
