import { randomBytes } from 'node:crypto';
import type { Clock } from '../../contract/domain/clock.ts';
import { StationError } from '../../contract/domain/errors.ts';
import type { IdentityCard } from '../../contract/domain/identity.ts';

export class KioskVisitError extends StationError {
  constructor(code: 'kiosk.card-needed' | 'kiosk.card-mismatch' | 'kiosk.not-this-visit') {
    super(code, code, { kind: 'input' });
  }
}

interface Visit {
  card: IdentityCard;
  /** Pages and signatures taken in this visit: the only ones its screen may preview. */
  attachments: Set<string>;
  /** Cases taken in this visit: the only ones whose receipt it may print. */
  cases: Set<string>;
  expiresAt: number;
}

/**
 * A villager's visit to the kiosk, from the card the core itself read to the screen going back to rest. Whatever
 * the kiosk files, looks up or shows about a person is bound to that card, never to an identity the page sends.
 * Visits live in memory only and end after the idle time without use: a restart or a walk-away ends them.
 */
export class KioskVisits {
  readonly #visits = new Map<string, Visit>();

  constructor(
    private readonly clock: Clock,
    /** How long a visit lasts without a call: the kiosk's idle time and a margin for the screen's countdown. */
    private readonly idleMs: number,
  ) {}

  /** A new visit for the card just read; its token goes with the kiosk's later calls. */
  start(card: IdentityCard): string {
    this.#sweep();
    const token = randomBytes(18).toString('base64url');
    this.#visits.set(token, { card, attachments: new Set(), cases: new Set(), expiresAt: this.clock().getTime() + this.idleMs });
    return token;
  }

  /** The visit's card; 'kiosk.card-needed' without a live visit. */
  card(token: string | null): IdentityCard {
    return this.#visit(token).card;
  }

  /** The card, which must be the one `idNumber` names: the page may not swap in someone else. */
  cardFor(token: string | null, idNumber: string): IdentityCard {
    const { card } = this.#visit(token);
    if (card.idNumber.toUpperCase() !== idNumber.toUpperCase()) throw new KioskVisitError('kiosk.card-mismatch');
    return card;
  }

  /** Notes what the visit made (a page, a signature, a case), if there is a visit at all. */
  note(token: string | null, what: { attachment?: string; caseNo?: string }): void {
    const visit = token === null ? undefined : this.#live(token);
    if (!visit) return;
    if (what.attachment) visit.attachments.add(what.attachment);
    if (what.caseNo) visit.cases.add(what.caseNo);
  }

  /** Throws 'kiosk.not-this-visit' unless the visit made this attachment or case. */
  assertOwn(token: string | null, what: { attachment?: string; caseNo?: string }): void {
    const visit = this.#visit(token);
    const own = (what.attachment === undefined || visit.attachments.has(what.attachment)) && (what.caseNo === undefined || visit.cases.has(what.caseNo));
    if (!own) throw new KioskVisitError('kiosk.not-this-visit');
  }

  end(token: string | null): void {
    if (token !== null) this.#visits.delete(token);
  }

  #visit(token: string | null): Visit {
    const visit = token === null ? undefined : this.#live(token);
    if (!visit) throw new KioskVisitError('kiosk.card-needed');
    return visit;
  }

  #live(token: string): Visit | undefined {
    const visit = this.#visits.get(token);
    const now = this.clock().getTime();
    if (!visit || visit.expiresAt <= now) {
      this.#visits.delete(token);
      return undefined;
    }
    visit.expiresAt = now + this.idleMs;
    return visit;
  }

  #sweep(): void {
    const now = this.clock().getTime();
    for (const [token, visit] of this.#visits) if (visit.expiresAt <= now) this.#visits.delete(token);
  }
}
