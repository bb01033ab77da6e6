import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../../contract/domain/clock.ts';
import { ACCEPTED_AT, type FaceChallenge, type FaceCheckResult, type FaceFailure, type FaceOutcome, type FaceReference } from '../../../contract/domain/face-check.ts';
import type { FaceCheckStarted, FaceFrameAnswer } from '../../../contract/api/face.ts';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import type { AuditLog } from '../security/audit-log.ts';
import { idNumberHash } from '../security/id-number-hash.ts';
import type { StationKeys } from '../security/station-keys.ts';
import { FaceCheckError } from './face-errors.ts';
import type { FaceModelPort } from './face-model.ts';
import type { FaceReferences } from './face-references.ts';
import { FaceSession, type SessionDecision } from './face-session.ts';

/** How long a check may run before it fails for lack of what it waited for. */
export const CHECK_RUN_MS = 30_000;
/** How long a decided check may still carry an intake: the rest of the application (form, signature) comes after it. */
export const RESULT_KEPT_MS = 30 * 60_000;

export type Channel = 'kiosk' | 'window';

interface Check {
  id: string;
  /** The kiosk visit or the window's staff session that started it: only that screen may go on with it. */
  owner: string;
  channel: Channel;
  idNumber: string;
  reference: FaceReference;
  model: string;
  threshold: number;
  challenge: FaceChallenge;
  startedAt: number;
  session: FaceSession | null;
  result: FaceCheckResult | null;
  /** The case this check was taken in with, and the intake request that made it (a second tap is the same case). */
  used: { caseNo: string; requestId: string } | null;
  /** A frame is being looked at: frames of one check are judged in order, one at a time. */
  busy: Promise<unknown>;
}

export interface FaceChecksDeps {
  model: FaceModelPort;
  references: FaceReferences;
  audit: AuditLog;
  keys: StationKeys;
  clock: Clock;
  /** The challenges to pick from at random. */
  challenges: readonly FaceChallenge[];
}

/**
 * Face checks (身份一脸识别) from start to decision, in memory only: frames are judged as they come and dropped,
 * a decision is logged (score, threshold, model, liveness, flags) and kept long enough for the intake it allows.
 */
export class FaceChecks {
  readonly #checks = new Map<string, Check>();
  /** The card the window last read, per staff session, so the check has the card's photo without the page sending it. */
  readonly #windowCards = new Map<string, { card: IdentityCard; at: number }>();

  constructor(private readonly deps: FaceChecksDeps) {}

  /** The window read a card: its photo is the reference of a check that session starts for that card. */
  rememberCard(session: string, card: IdentityCard): void {
    this.#windowCards.set(session, { card, at: this.deps.clock().getTime() });
  }

  windowCard(session: string): IdentityCard | null {
    const seen = this.#windowCards.get(session);
    return seen && this.deps.clock().getTime() - seen.at < RESULT_KEPT_MS ? seen.card : null;
  }

  async start(owner: string, channel: Channel, idNumber: string, card: IdentityCard | null): Promise<FaceCheckStarted> {
    this.#sweep();
    const info = await this.deps.model.faceInfo();
    const model = info.version ?? 'unknown';
    const reference = await this.deps.references.resolve(card, idNumber, model);
    const challenge = this.deps.challenges[randomInt(this.deps.challenges.length)]!;
    const now = this.deps.clock().getTime();
    const check: Check = {
      id: randomBytes(18).toString('base64url'),
      owner,
      channel,
      idNumber: idNumber.toUpperCase(),
      reference: reference.source,
      model,
      threshold: info.threshold ?? 0,
      challenge,
      startedAt: now,
      session: reference.descriptor ? new FaceSession(this.deps.model, reference.descriptor, challenge) : null,
      result: null,
      used: null,
      busy: Promise.resolve(),
    };
    this.#checks.set(check.id, check);
    return { check: check.id, challenge, reference: reference.source, expiresAt: new Date(now + CHECK_RUN_MS).toISOString() };
  }

  /** Judges one frame; frames of one check queue behind each other so its phases see them in order. */
  frame(id: string, owner: string, image: Uint8Array): Promise<FaceFrameAnswer> {
    const check = this.#own(id, owner);
    const next = check.busy.then(() => this.#frame(check, image));
    check.busy = next.catch(() => undefined);
    return next;
  }

  async #frame(check: Check, image: Uint8Array): Promise<FaceFrameAnswer> {
    if (check.result) throw new FaceCheckError('face.check-over', 'the check has its decision');
    if (!check.session) throw new FaceCheckError('face.no-reference', 'no reference face to compare with');
    const now = this.deps.clock().getTime();
    if (now - check.startedAt > CHECK_RUN_MS) return { state: 'decided', result: this.#decided(check, check.session.timedOut()) };
    const step = await check.session.frame(image, now - check.startedAt);
    if ('prompt' in step) return { state: 'looking', prompt: step.prompt };
    return { state: 'decided', result: this.#decided(check, step.decided) };
  }

  /** Ends a check without its decision: a camera gone mid-check is a failure on record; a person leaving is nothing. */
  end(id: string, owner: string, reason: 'camera-lost' | 'cancelled'): FaceCheckResult | null {
    const check = this.#own(id, owner);
    if (check.result) return check.result;
    if (reason === 'cancelled' || !check.session) {
      this.#checks.delete(id);
      return null;
    }
    return this.#decided(check, { failure: 'face.camera-lost', distance: null, parallax: null, flags: [], descriptor: null });
  }

  /**
   * A clerk's own decision at the window (the caller checked the PIN): accepting a failed check, or looking at the
   * person against the card when there was no reference face. Both are recorded with the clerk and the reason.
   */
  confirm(id: string, owner: string, kind: 'override' | 'visual', clerk: { staffId: number; reason: string }): FaceCheckResult {
    const check = this.#own(id, owner);
    const allowed =
      check.channel === 'window' &&
      (kind === 'override' ? check.result?.outcome === 'failed' : check.reference === 'none' && check.result === null);
    if (!allowed) throw new FaceCheckError('face.confirm-not-allowed', `a ${kind} is not open for this check`, { kind });
    const base = check.result ?? this.#result(check, 'visual', { failure: null, distance: null, parallax: null, flags: [] });
    const result: FaceCheckResult = { ...base, outcome: kind === 'override' ? 'overridden' : 'visual', clerk, at: this.deps.clock().toISOString() };
    check.result = result;
    this.#log(check, result, clerk.staffId);
    return result;
  }

  /** The decision intake `requestId` for `idNumber` on `channel` may rest on; refuses one that did not pass or is spent. */
  accepted(id: string, owner: string, intake: { requestId: string; idNumber: string; channel: Channel }): FaceCheckResult {
    const { requestId, idNumber, channel } = intake;
    const check = this.#own(id, owner);
    const result = check.result;
    if (!result || check.idNumber !== idNumber.toUpperCase() || !ACCEPTED_AT[channel].includes(result.outcome)) {
      throw new FaceCheckError('face.check-not-accepted', 'the face check did not pass for this applicant');
    }
    if (check.used && check.used.requestId !== requestId) {
      throw new FaceCheckError('face.check-used', `the face check carries case ${check.used.caseNo}`, { caseNo: check.used.caseNo });
    }
    return result;
  }

  /** The intake succeeded: the check is spent on that case. */
  spend(id: string, caseNo: string, requestId: string): void {
    const check = this.#checks.get(id);
    if (check) check.used = { caseNo, requestId };
  }

  #decided(check: Check, decision: SessionDecision): FaceCheckResult {
    const result = this.#result(check, decision.failure ? 'failed' : 'passed', decision);
    check.result = result;
    if (decision.descriptor && check.reference !== 'station') this.deps.references.remember(check.idNumber, decision.descriptor, check.model);
    this.#log(check, result, null);
    return result;
  }

  #result(check: Check, outcome: FaceOutcome, decision: { failure: FaceFailure | null; distance: number | null; parallax: number | null; flags: string[] }): FaceCheckResult {
    return {
      check: check.id,
      outcome,
      failure: decision.failure,
      reference: check.reference,
      distance: decision.distance,
      threshold: check.threshold,
      model: check.model,
      challenge: check.challenge,
      parallax: decision.parallax,
      flags: decision.flags,
      clerk: null,
      at: this.deps.clock().toISOString(),
    };
  }

  /** The decision log: numbers and flags under the person's keyed hash; never a frame or a descriptor. */
  #log(check: Check, result: FaceCheckResult, staffId: number | null): void {
    const { check: _id, clerk, ...numbers } = result;
    this.deps.audit.record({
      staffId,
      action: 'face.check',
      subjectKind: 'person',
      subjectRef: idNumberHash(this.deps.keys, check.idNumber),
      detail: { ...numbers, channel: check.channel, ...(clerk && { reason: clerk.reason }) },
    });
  }

  #own(id: string, owner: string): Check {
    this.#sweep();
    const check = this.#checks.get(id);
    if (!check || check.owner !== owner) throw new FaceCheckError('face.check-unknown', 'no such face check on this screen');
    return check;
  }

  #sweep(): void {
    const now = this.deps.clock().getTime();
    for (const [id, check] of this.#checks) if (now - check.startedAt > RESULT_KEPT_MS) this.#checks.delete(id);
    for (const [session, seen] of this.#windowCards) if (now - seen.at > RESULT_KEPT_MS) this.#windowCards.delete(session);
  }
}
