import type { Clock } from '../../../contract/domain/clock.ts';
import { randomBytes } from 'node:crypto';
import type { StaffRecord } from '../../../db/staff/staff-rows.ts';
import type { StationData } from '../../../db/station-data.ts';
import { z } from 'zod';
import { parseOrThrow } from '../../../contract/domain/validate.ts';
import type { AuditLog } from './audit-log.ts';
import { SecurityError, StaffError } from './errors.ts';
import { FieldCipher, fieldAad } from './field-cipher.ts';
import { afterWrongPin, LOCKOUT, lockedUntil, type LockoutPolicy } from './lockout.ts';
import { hashPin, PIN_COST, pinNeedsRehash, verifyPin, type ScryptCost } from './pin.ts';
import type { StationKeys } from './station-keys.ts';

import { ROLES, type Role } from '../../../contract/domain/roles.ts';

/** A signed-in staff member. Only the token matters to the core: the rest is what `resolve` last found for it. */
export interface Session {
  token: string;
  staffId: number;
  role: Role;
  /** ISO instant; every `resolve` pushes it on by the idle time. */
  expiresAt: string;
}

export interface StaffSummary {
  id: number;
  displayName: string;
  role: Role;
  active: boolean;
  /** ISO instant while locked out by wrong PINs, else null. */
  lockedUntil: string | null;
}

export const NewStaff = z.object({
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
  pin: z.string(),
});
export type NewStaff = z.input<typeof NewStaff>;

export interface StaffServiceDeps {
  db: StationData;
  keys: StationKeys;
  audit: AuditLog;
  clock: Clock;
  /** A session ends after this long without use: a window PC is shared and often left unattended. */
  idleMinutes?: number;
  lockout?: LockoutPolicy;
  /** scrypt cost for new PIN hashes; older hashes are raised to it at the next good sign-in. */
  pinCost?: ScryptCost;
}

/** Throws 'staff.forbidden' unless the session holds one of `roles`. */
export function requireRole(session: Session, ...roles: readonly Role[]): void {
  if (!roles.includes(session.role)) {
    throw new StaffError('staff.forbidden', `role ${session.role} may not do this (needs ${roles.join(' or ')})`, {
      role: session.role,
    });
  }
}

/**
 * Staff accounts, PIN sign-in with lockout, and sessions. Sessions live in this process only, keyed by a random
 * token, so a session cannot be made up by whoever calls the contract. Every sign-in, good or bad, is audited.
 */
export class StaffService {
  readonly #db: StationData;
  readonly #keys: StationKeys;
  readonly #cipher: FieldCipher;
  readonly #audit: AuditLog;
  readonly #now: () => Date;
  readonly #idleMs: number;
  readonly #lockout: LockoutPolicy;
  readonly #pinCost: ScryptCost;
  readonly #sessions = new Map<string, Session>();

  constructor(options: StaffServiceDeps) {
    this.#db = options.db;
    this.#keys = options.keys;
    this.#cipher = new FieldCipher(options.keys);
    this.#audit = options.audit;
    this.#now = options.clock;
    this.#idleMs = (options.idleMinutes ?? 15) * 60_000;
    this.#lockout = options.lockout ?? LOCKOUT;
    this.#pinCost = options.pinCost ?? PIN_COST;
  }

  /**
   * Adds an account. An admin or technician adds it, and only a technician adds a technician; 'bootstrap' adds the
   * first account (an admin or technician) and works only while there is none.
   */
  async create(input: NewStaff, actor: Session | 'bootstrap'): Promise<number> {
    const { displayName, role, pin } = parseOrThrow(NewStaff, input, 'staff');
    this.#authorise(actor, role);
    const pinHash = await hashPin(this.#keys, pin, this.#pinCost);
    return this.#db.transaction(() => {
      // Again, under the write lock: the actor or the empty table may have changed while scrypt ran.
      const by = this.#authorise(actor, role);
      // The id is chosen first because the sealed name is bound to it.
      const id = this.#db.staff.nextId();
      const name = this.#cipher.sealText(displayName, fieldAad('staff', id, 'display_name'));
      this.#db.staff.insert(id, name, role, pinHash, this.#now().toISOString());
      this.#audit.record({ staffId: by, action: 'staff.create', ...staffSubject(id), detail: { role } });
      return id;
    }, 'immediate');
  }

  /** Everyone, names decrypted, for the sign-in screen and the admin's list. */
  list(): StaffSummary[] {
    const now = this.#now();
    return this.#db.staff.all().map((row) => ({
      id: row.id,
      displayName: this.#cipher.openText(row.displayName, fieldAad('staff', row.id, 'display_name')),
      role: row.role,
      active: row.active,
      lockedUntil: lockedUntil(row, now)?.toISOString() ?? null,
    }));
  }

  /**
   * Signs in with a PIN. Fails with 'staff.unknown', 'staff.inactive', 'staff.locked' (with `minutes` to wait) or
   * 'staff.wrong-pin' (with `attemptsLeft`); the wrong PIN that uses up the last try locks the account at once.
   */
  async login(staffId: number, pin: string): Promise<Session> {
    return this.#withPin(staffId, pin, (row, now) => {
      this.#audit.record({ staffId, action: 'staff.login', ...staffSubject(staffId) });
      const token = randomBytes(32).toString('base64url');
      const session: Session = { token, staffId, role: row.role, expiresAt: this.#expiry(now) };
      this.#sessions.set(session.token, session);
      return { ...session };
    });
  }

  /**
   * A signed-in member confirms an act of their own with their PIN again (overriding a failed face check): the
   * same checks, lockout and audit as a sign-in, without a new session.
   */
  async confirmPin(staffId: number, pin: string, action: string): Promise<void> {
    await this.#withPin(staffId, pin, () => {
      this.#audit.record({ staffId, action: 'staff.pin-confirmed', ...staffSubject(staffId), detail: { for: action } });
    });
  }

  /**
   * A PIN checked as a sign-in checks it: the account admitted, scrypt run outside the write lock, the account
   * admitted again under it; a wrong PIN counts towards the lock. `onGood` runs in that transaction.
   */
  async #withPin<T>(staffId: number, pin: string, onGood: (row: StaffRecord, now: Date) => T): Promise<T> {
    const admitted = this.#admit(staffId, this.#now());
    if (admitted instanceof StaffError) throw admitted;
    const good = await verifyPin(this.#keys, pin, admitted.pinHash);
    const stale = good && pinNeedsRehash(this.#keys, admitted.pinHash, this.#pinCost);
    const upgraded = stale ? await this.#rehash(pin) : null;
    const outcome = this.#db.transaction((): { value: T } | StaffError => {
      const now = this.#now();
      // Again: another window may have locked or deactivated the account while scrypt ran.
      const row = this.#admit(staffId, now);
      if (row instanceof StaffError) return row;
      if (!good) return this.#wrongPin(row, now);
      this.#db.staff.signedIn(staffId, upgraded);
      return { value: onGood(row, now) };
    }, 'immediate');
    // Thrown only now, so the failed attempt and its audit entry are committed rather than rolled back.
    if (outcome instanceof StaffError) throw outcome;
    return outcome.value;
  }

  /** The session for `token`, its idle time restarted; 'staff.session-expired' once it has run out or ended. */
  resolve(token: string): Session {
    const session = this.#sessions.get(token);
    const now = this.#now();
    if (!session || new Date(session.expiresAt).getTime() <= now.getTime()) {
      this.#sessions.delete(token);
      throw new StaffError('staff.session-expired', 'the session has ended; sign in again');
    }
    session.expiresAt = this.#expiry(now);
    return { ...session };
  }

  logout(token: string): void {
    const session = this.#sessions.get(token);
    if (!session) return;
    this.#sessions.delete(token);
    this.#audit.record({ staffId: session.staffId, action: 'staff.logout', ...staffSubject(session.staffId) });
  }

  /** Stops an account from signing in and ends its sessions; the row stays for the audit log and its cases. */
  deactivate(staffId: number, actor: Session): void {
    this.#db.transaction(() => {
      const by = this.#authorise(actor, this.#existing(staffId).role);
      this.#db.staff.deactivate(staffId);
      this.#audit.record({ staffId: by, action: 'staff.deactivate', ...staffSubject(staffId) });
    }, 'immediate');
    for (const [token, session] of this.#sessions) if (session.staffId === staffId) this.#sessions.delete(token);
  }

  /** Sets a new PIN for someone who forgot theirs, which also lifts a lockout. */
  async resetPin(staffId: number, pin: string, actor: Session): Promise<void> {
    this.#authorise(actor, this.#existing(staffId).role);
    const pinHash = await hashPin(this.#keys, pin, this.#pinCost);
    this.#db.transaction(() => {
      const by = this.#authorise(actor, this.#existing(staffId).role);
      this.#db.staff.setPin(staffId, pinHash);
      this.#audit.record({ staffId: by, action: 'staff.reset-pin', ...staffSubject(staffId) });
    }, 'immediate');
  }

  /** Who is acting: the session's staff id, or null while bootstrapping an empty station. */
  #authorise(actor: Session | 'bootstrap', targetRole: Role): number | null {
    if (actor === 'bootstrap') {
      if (this.#db.staff.count() > 0 || (targetRole !== 'admin' && targetRole !== 'technician')) {
        const why = 'bootstrap adds only the first admin or technician';
        throw new StaffError('staff.forbidden', why, { role: 'bootstrap' });
      }
      return null;
    }
    const session = this.resolve(actor.token);
    requireRole(session, 'admin', 'technician');
    if (targetRole === 'technician') requireRole(session, 'technician');
    return session.staffId;
  }

  /** The account if it may try a PIN now; otherwise the reason, already audited. */
  #admit(staffId: number, now: Date): StaffRecord | StaffError {
    const row = this.#row(staffId);
    if (!row) return this.#refuse(null, staffId, unknownStaff(staffId));
    if (!row.active) {
      const inactive = new StaffError('staff.inactive', `staff member ${staffId} is inactive`, { staffId });
      return this.#refuse(staffId, staffId, inactive);
    }
    const until = lockedUntil(row, now);
    return until ? this.#refuse(staffId, staffId, this.#locked(until, now)) : row;
  }

  #wrongPin(row: StaffRecord, now: Date): StaffError {
    const { state, attemptsLeft } = afterWrongPin(row, now, this.#lockout);
    this.#db.staff.setAttempts(row.id, state.failedAttempts, state.lockedUntil);
    const until = lockedUntil(state, now);
    const error = until
      ? this.#locked(until, now)
      : new StaffError('staff.wrong-pin', `wrong PIN for staff member ${row.id}`, { attemptsLeft });
    return this.#refuse(row.id, row.id, error, 'staff.wrong-pin');
  }

  /** Audits a failed sign-in (staffId null when the account does not exist) and hands the error back. */
  #refuse(staffId: number | null, subject: number, error: StaffError, reason: string = error.code): StaffError {
    const detail = { reason, ...error.params };
    this.#audit.record({ staffId, action: 'staff.login-failed', ...staffSubject(subject), detail });
    return error;
  }

  #locked(until: Date, now: Date): StaffError {
    const minutes = Math.ceil((until.getTime() - now.getTime()) / 60_000);
    return new StaffError('staff.locked', `locked after too many wrong PINs until ${until.toISOString()}`, {
      until: until.toISOString(),
      minutes,
    });
  }

  /** A PIN that predates the current key or cost is hashed again at sign-in; one the rules now refuse is kept. */
  async #rehash(pin: string): Promise<string | null> {
    try {
      return await hashPin(this.#keys, pin, this.#pinCost);
    } catch (error) {
      if (error instanceof SecurityError && error.code === 'security.weak-pin') return null;
      throw error;
    }
  }

  #expiry(now: Date): string {
    return new Date(now.getTime() + this.#idleMs).toISOString();
  }

  #existing(staffId: number): StaffRecord {
    const row = this.#row(staffId);
    if (!row) throw unknownStaff(staffId);
    return row;
  }

  #row(staffId: number): StaffRecord | null {
    return this.#db.staff.get(staffId);
  }
}

const staffSubject = (staffId: number) => ({ subjectKind: 'staff', subjectRef: String(staffId) });

const unknownStaff = (staffId: number) => new StaffError('staff.unknown', `no staff member ${staffId}`, { staffId });

