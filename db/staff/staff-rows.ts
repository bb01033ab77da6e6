import type { Database, Statement } from 'better-sqlite3';
import { ROLES, type Role } from '../../contract/domain/roles.ts';
import { RowReader } from '../rows.ts';

/** A row of `staff`. */
export interface StaffRecord {
  id: number;
  /** Sealed (AAD 'staff:<id>:display_name'). */
  displayName: string;
  role: Role;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  active: boolean;
}

export function staffRecord(row: unknown): StaffRecord {
  const r = new RowReader('staff', row);
  return {
    id: r.int('id'),
    displayName: r.text('display_name'),
    role: r.oneOf('role', ROLES),
    pinHash: r.text('pin_hash'),
    failedAttempts: r.int('failed_attempts'),
    lockedUntil: r.textOrNull('locked_until'),
    active: r.flag('active'),
  };
}

/** `staff`: accounts, their PIN hashes and wrong-PIN counts. Nobody is deleted; leaving staff are made inactive. */
export class StaffRows {
  readonly #nextId: Statement;
  readonly #insert: Statement;
  readonly #get: Statement;
  readonly #all: Statement;
  readonly #count: Statement;
  readonly #signedIn: Statement;
  readonly #wrongPin: Statement;
  readonly #deactivate: Statement;
  readonly #setPin: Statement;

  constructor(db: Database) {
    this.#nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM staff');
    this.#insert = db.prepare('INSERT INTO staff (id, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)');
    this.#get = db.prepare('SELECT * FROM staff WHERE id = ?');
    this.#all = db.prepare('SELECT * FROM staff ORDER BY id');
    this.#count = db.prepare('SELECT count(*) AS n FROM staff');
    this.#signedIn = db.prepare(
      'UPDATE staff SET failed_attempts = 0, locked_until = NULL, pin_hash = coalesce(?, pin_hash) WHERE id = ?',
    );
    this.#wrongPin = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
    this.#deactivate = db.prepare('UPDATE staff SET active = 0 WHERE id = ?');
    this.#setPin = db.prepare('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  }

  /** The id the next account gets; chosen before inserting because the sealed name is bound to it. */
  nextId(): number {
    return new RowReader('staff', this.#nextId.get()).int('id');
  }

  insert(id: number, sealedName: string, role: Role, pinHash: string, createdAt: string): void {
    this.#insert.run(id, sealedName, role, pinHash, createdAt);
  }

  get(id: number): StaffRecord | null {
    const row: unknown = this.#get.get(id);
    return row === undefined ? null : staffRecord(row);
  }

  all(): StaffRecord[] {
    return this.#all.all().map(staffRecord);
  }

  count(): number {
    return new RowReader('staff', this.#count.get()).int('n');
  }

  /** A good PIN: the wrong-PIN count and lockout are cleared, and the hash replaced when `newPinHash` is given. */
  signedIn(id: number, newPinHash: string | null): void {
    this.#signedIn.run(newPinHash, id);
  }

  setAttempts(id: number, failedAttempts: number, lockedUntil: string | null): void {
    this.#wrongPin.run(failedAttempts, lockedUntil, id);
  }

  deactivate(id: number): void {
    this.#deactivate.run(id);
  }

  /** A new PIN, which also lifts a lockout. */
  setPin(id: number, pinHash: string): void {
    this.#setPin.run(pinHash, id);
  }
}
