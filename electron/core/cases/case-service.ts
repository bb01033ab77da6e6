import type { CaseRecord } from '../../../db/cases/case-rows.ts';
import type { StationData } from '../../../db/station-data.ts';
import {
  STATION_PHOTO_SOURCE,
  MAX_RONGQUE_WORKING_DAYS,
  type Applicant,
  type CaseDetail,
  type CaseEvent,
  type CaseMaterialInput,
  type CaseState,
  type CaseSummary,
  type IntakeInput,
} from '../../../contract/domain/cases.ts';
import type { HandlingLevel, Matter } from '../../../contract/domain/catalog.ts';
import type { Role } from '../../../contract/domain/roles.ts';
import { roleTakes, stationTakes, stepsFor } from '../../../contract/domain/case-steps.ts';
import { eligibilityFailures, type EligibilityFailure } from '../../../contract/domain/eligibility.ts';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { checkForeignPermanentNumber2023, checkIdNumber, ID_NUMBER_PATTERN } from '../../../contract/domain/id-number.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { CountedDay, WorkingCalendar } from '../../../contract/domain/calendar/working-calendar.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { AuditLog } from '../security/audit-log.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';
import type { StationKeys } from '../security/station-keys.ts';
import { BadIdNumberError, BlacklistedError, MaterialError, MaterialsMissingError, NotEligibleError, ProxyNotAllowedError, StaffOnlyError, StepNotRoleError, StepNotStationError, UnknownCaseError } from './case-errors.ts';
import { nextCaseNumber, stationCode } from './case-number.ts';
import { chinaDay, type Clock } from '../../../contract/domain/clock.ts';
import { uuid7 } from '../../../contract/domain/uuid7.ts';
import { validateForm } from './form-validation.ts';
import { PersonStore } from './person-store.ts';
import { allows, CASE_ACTIONS, type CaseAction } from '../../../contract/domain/case-states.ts';
import { nextState } from './state-machine.ts';
import { faceCheckNeeded, type FaceCheckResult } from '../../../contract/domain/face-check.ts';
import { FaceCheckError } from '../face/face-errors.ts';

/** Who acted: a signed-in staff member, or null for a villager's self-service at the kiosk. */
/** Who at the station does it; null for the station itself (a recomputed deadline, the operator's command). */
export type Actor = { staffId: number; role: Role } | null;

export interface IntakeResult {
  caseNo: string;
  dueDate: string;
  /** Counted over a year with no official holiday schedule yet: 预计, and it moves when one is published. */
  dueProvisional: boolean;
  state: CaseState;
  /** False when this request id had already made the case (a double tap): nothing new was written. */
  created: boolean;
}

import type { DeskView } from '../../../contract/domain/desk-views.ts';

/** What is sealed with a case: the answers, the signatures and the fees, none of it searchable. */
interface CaseSecrets {
  form: IntakeInput['form'];
  applicantSignature: string;
  proxy: IntakeInput['proxy'] | null;
}

/** How long after a kiosk application its receipt may be printed there without a clerk. */
const KIOSK_RECEIPT_WINDOW_MS = 15 * 60_000;

/** How many working days ahead counts as "due soon" on the clerk's desk. */
const DUE_SOON_WORKING_DAYS = 3;

/** A matter's time limit in working days; 即办 is 0, the same day. */
const timeLimitDays = (matter: Matter): number => (matter.timeLimit.kind === 'immediate' ? 0 : matter.timeLimit.days);

/** The face check as the case's history and the township keep it: the decision's numbers, not the check's handle. */
const faceDetail = ({ check: _check, ...result }: FaceCheckResult): Record<string, unknown> => result;

function validIdNumber(idNumber: string): boolean {
  const upper = idNumber.toUpperCase();
  return checkIdNumber(upper).valid || checkForeignPermanentNumber2023(upper).valid;
}

/**
 * Cases from intake to closing. Every change is one transaction that writes the case, its materials and an
 * append-only event together (the event is also what sync sends), so a crash leaves either all of it or none.
 */
export interface CaseServiceDeps {
  db: StationData;
  keys: StationKeys;
  cipher: FieldCipher;
  catalog: CatalogService;
  calendar: CalendarService;
  attachments: AttachmentStore;
  audit: AuditLog;
  clock: Clock;
  /** The county the station serves as ID-card addresses write it (station.json `county`), for 户籍在本县 checks. */
  county: string | null;
}

/** The core decides 本站采集 from the stored pages' kind, never from what a screen claims. */
function stationTaken(m: CaseMaterialInput, kinds: Map<string, string>): boolean {
  return m.status === 'provided' && m.pages.length > 0 && m.pages.every((p) => kinds.get(p) === 'photo');
}

export class CaseService {
  private readonly db: StationData;
  private readonly cipher: FieldCipher;
  private readonly catalog: CatalogService;
  private readonly calendar: CalendarService;
  private readonly attachments: AttachmentStore;
  private readonly audit: AuditLog;
  private readonly now: Clock;
  private readonly persons: PersonStore;
  private readonly code: string;
  private readonly county: string | null;

  constructor(deps: CaseServiceDeps) {
    this.county = deps.county;
    this.db = deps.db;
    this.cipher = deps.cipher;
    this.catalog = deps.catalog;
    this.calendar = deps.calendar;
    this.attachments = deps.attachments;
    this.audit = deps.audit;
    this.now = deps.clock;
    this.persons = new PersonStore(deps);
    this.code = stationCode(deps.db);
  }

  get station(): string {
    return this.code;
  }

  /** Why this person gets no 容缺, or null. */
  blacklistReason(idNumber: string): string | null {
    return this.db.blacklist.reason(this.persons.idHash(idNumber));
  }

  /**
   * The matter's conditions this person fails, of those the station decides (age from the birth date, household
   * from the card's address where a card was read); empty when the matter is open to them.
   */
  eligibility(matter: Matter, person: { birthDate: string; address: string | null }): EligibilityFailure[] {
    return eligibilityFailures(matter.eligibility ?? [], { ...person, today: chinaDay(this.now()), county: this.county });
  }

  /** The date a matter taken in on `day` is promised for: 即办 that day, else N working days on (maybe 预计). */
  dueDate(matter: Matter, day: string): CountedDay {
    return this.calendar.current.addWorkingDays(day, timeLimitDays(matter));
  }

  /** Checks everything first (form, materials, 容缺, blacklist), then writes the case in one transaction. */
  intake(input: IntakeInput, actor: Actor, face: FaceCheckResult | null = null): IntakeResult {
    const existing = this.db.cases.byRequest(input.requestId);
    if (existing) return { ...existing, created: false };

    const matter = this.catalog.matter(input.matterCode);
    if (!validIdNumber(input.applicant.idNumber)) throw new BadIdNumberError();
    if (matter.form) {
      const issues = validateForm(matter.form, input.form);
      if (issues.length > 0) throw new ValidationError('form', issues);
    }
    const faceNeeded = faceCheckNeeded(matter, input.form);
    if (faceNeeded && face === null) throw new FaceCheckError('face.check-needed', `${matter.name} needs a face check`, { matter: matter.name });
    // A 即办 village matter that rests on the face check (养老待遇资格认证) is decided by it, here and now.
    const decidedByFace = faceNeeded && matter.timeLimit.kind === 'immediate' && stationTakes(matter.level, 'approve');
    const now = this.now();
    const day = chinaDay(now);
    if (input.proxy && !matter.proxyAllowed) throw new ProxyNotAllowedError(matter.name);
    const ineligible = this.eligibility(matter, { birthDate: input.applicant.birthDate, address: input.applicant.address || null });
    if (ineligible.length > 0) throw new NotEligibleError(matter.name, ineligible[0]!);
    this.checkMaterials(matter, input.materials, input.applicant.idNumber, day, input.channel);
    const attachments = [
      input.applicantSignature,
      ...(input.proxy ? [input.proxy.mandateSignature] : []),
      ...input.materials.flatMap((m) => (m.status === 'provided' ? m.pages : m.status === 'promised' ? [m.promiseSignature] : [])),
    ];
    this.attachments.assertStored(attachments);
    const kinds = this.attachments.kinds(input.materials.flatMap((m) => (m.status === 'provided' ? m.pages : [])));
    const due = this.dueDate(matter, day);
    const promised = input.materials.filter((m) => m.status === 'promised');
    const owedDue = promised.map((m) => m.dueDate).sort()[0] ?? null;

    return this.db.transaction((): IntakeResult => {
      const personId = this.persons.upsert(input.applicant, now);
      const caseNo = nextCaseNumber(this.db, this.code, day);
      const caseId = this.db.cases.insert({
        caseNo, requestId: input.requestId, matterCode: matter.code, matterName: matter.name, personId,
        channel: input.channel, proxy: Boolean(input.proxy), receivedAt: now.toISOString(), receivedDay: day,
        dueDate: due.date, timeLimitDays: timeLimitDays(matter), dueProvisional: due.provisional,
        firstAskedBy: actor?.staffId ?? null, owed: promised.length, owedDue,
      });
      const secrets: CaseSecrets = { form: input.form, applicantSignature: input.applicantSignature, proxy: input.proxy ?? null };
      this.db.cases.setSealed(caseId, this.cipher.sealText(JSON.stringify(secrets), fieldAad('case', caseId, 'data')));
      for (const m of input.materials) {
        this.db.cases.insertMaterial(caseId, {
          materialId: m.materialId,
          name: matter.materials.find((x) => x.id === m.materialId)!.name,
          status: m.status,
          pages: m.status === 'provided' ? m.pages : [],
          exemption: m.status === 'exempt' ? m.exemption : null,
          source: m.status === 'exempt' ? (m.source ?? null) : stationTaken(m, kinds) ? STATION_PHOTO_SOURCE : null,
          dueDate: m.status === 'promised' ? m.dueDate : null,
          promiseSignature: m.status === 'promised' ? m.promiseSignature : null,
        });
      }
      this.appendEvent(caseId, 'received', 'received', actor, now, {
        matterCode: matter.code,
        channel: input.channel,
        proxy: input.proxy !== undefined,
        dueDate: due.date,
        ...(due.provisional && { dueProvisional: true }),
        materials: input.materials.map((m) => ({ id: m.materialId, status: m.status, ...(stationTaken(m, kinds) && { source: STATION_PHOTO_SOURCE }) })),
      }, attachments);
      if (face) this.appendEvent(caseId, 'faceChecked', 'received', actor, now, faceDetail(face));
      let state: CaseState = 'received';
      if (decidedByFace) {
        state = nextState(state, 'approve');
        this.db.cases.setState(caseId, state, null);
        this.appendEvent(caseId, 'approve', state, actor, now, { basis: 'faceCheck' });
      }
      this.audit.record({ staffId: actor?.staffId ?? null, action: 'case.intake', subjectKind: 'case', subjectRef: caseNo });
      return { caseNo, dueDate: due.date, dueProvisional: due.provisional, state, created: true };
    }, 'immediate');
  }

  private checkMaterials(matter: Matter, materials: CaseMaterialInput[], idNumber: string, day: string, channel: IntakeInput['channel']): void {
    const given = new Map(materials.map((m) => [m.materialId, m]));
    for (const m of materials) {
      const spec = matter.materials.find((x) => x.id === m.materialId);
      if (!spec) throw new MaterialError('cases.unknown-material', m.materialId);
      if (m.status === 'exempt' && !spec.exemptions.some((e) => e.kind === m.exemption)) {
        throw new MaterialError('cases.exemption-not-allowed', spec.name);
      }
      if (m.status === 'promised') {
        if (!matter.rongque) throw new MaterialError('cases.rongque-not-allowed', spec.name);
        // 容缺 is a clerk's decision on a secondary material, on the applicant's written promise; never at the kiosk.
        if (spec.requirement === 'required') throw new MaterialError('cases.rongque-required-material', spec.name);
        if (channel === 'kiosk') throw new MaterialError('cases.rongque-at-kiosk', spec.name);
        const latest = this.calendar.current.addWorkingDays(day, MAX_RONGQUE_WORKING_DAYS).date;
        if (m.dueDate < day || m.dueDate > latest) {
          throw new MaterialError('cases.bad-due-date', spec.name, { latest, days: MAX_RONGQUE_WORKING_DAYS });
        }
      }
    }
    const missing = matter.materials.filter((spec) => spec.requirement === 'required' && !given.has(spec.id));
    if (missing.length > 0) throw new MaterialsMissingError(missing.map((m) => ({ id: m.id, name: m.name })));
    if (materials.some((m) => m.status === 'promised')) {
      const reason = this.blacklistReason(idNumber);
      if (reason !== null) throw new BlacklistedError(reason);
    }
  }

  private appendEvent(
    caseId: number,
    type: string,
    state: CaseState,
    actor: Actor,
    at: Date,
    detail: Record<string, unknown>,
    attachments: string[] = [],
  ): void {
    this.db.events.append({
      id: uuid7(at), caseId, type, at: at.toISOString(), station: this.code, actor: actor?.staffId ?? null, state, detail,
      attachments, pushedAt: null,
    });
  }

  private row(caseNo: string): CaseRecord {
    const row = this.db.cases.byNumber(caseNo);
    if (!row) throw new UnknownCaseError(caseNo);
    return row;
  }

  /** Moves a case on (forward, approve, deliver …) with one event; the state machine refuses what cannot happen. */
  transition(caseNo: string, action: CaseAction, actor: Actor, detail: Record<string, string> = {}): CaseSummary {
    return this.db.transaction(() => {
      const row = this.row(caseNo);
      if (!stationTakes(this.levelOf(row.matterCode), action)) throw new StepNotStationError(row.matterName, action);
      if (actor && !roleTakes(actor.role, action)) throw new StepNotRoleError(actor.role, action);
      const state = nextState(row.state, action);
      const now = this.now();
      this.db.cases.setState(row.id, state, state === 'closed' ? now.toISOString() : null);
      this.appendEvent(row.id, action, state, actor, now, detail);
      return this.summary({ ...row, state });
    }, 'immediate');
  }

  /** A 容缺 material handed in after intake: its pages are kept, and it is no longer owed. */
  supplyMaterial(caseNo: string, materialId: string, pages: string[], actor: Actor): CaseSummary {
    this.attachments.assertStored(pages);
    return this.db.transaction(() => {
      const row = this.row(caseNo);
      if (!this.db.cases.supplyMaterial(row.id, materialId, pages)) throw new MaterialError('cases.unknown-material', materialId);
      const owed = this.db.cases.refreshOwed(row.id);
      this.appendEvent(row.id, 'materialSupplied', row.state, actor, this.now(), { materialId, pages: pages.length }, pages);
      return this.summary({ ...row, ...owed });
    }, 'immediate');
  }

  private summary(row: CaseRecord, applicantName?: string): CaseSummary {
    return {
      caseNo: row.caseNo,
      matterCode: row.matterCode,
      matterName: row.matterName,
      applicantName: applicantName ?? this.persons.get(row.personId).name,
      state: row.state,
      channel: row.channel,
      proxy: row.proxy,
      receivedAt: row.receivedAt,
      dueDate: row.dueDate,
      dueProvisional: row.dueProvisional,
      dueMovedFrom: row.dueMovedFrom,
      owed: row.owed,
      owedDue: row.owedDue,
    };
  }

  /** The clerk's desk lists, a page at a time, by the day in China. */
  list(view: DeskView, page = 0, pageSize = 20): CaseSummary[] {
    const day = chinaDay(this.now());
    const at = { limit: pageSize, offset: page * pageSize };
    const rows = {
      today: () => this.db.cases.receivedOn(day, at),
      overdue: () => this.db.cases.overdue(day, at),
      'due-soon': () => this.db.cases.dueBetween(day, this.soon(day), at),
      owed: () => this.db.cases.owingMaterials(at),
      moved: () => this.db.cases.dueMoved(at),
      recent: () => this.db.cases.recent(at),
    } satisfies Record<DeskView, () => CaseRecord[]>;
    return rows[view]().map((r) => this.summary(r));
  }

  private soon(day: string): string {
    return this.calendar.current.addWorkingDays(day, DUE_SOON_WORKING_DAYS).date;
  }

  /**
   * With a newly installed official calendar: every open case whose due date was provisional is counted again from
   * its intake day. A date that changes is recorded as an event (from, to, why) that syncs like any other and shows
   * on the clerk's desk. The official date governs even when a receipt printed the provisional one: the receipt
   * said "以国务院公布的节假日安排为准", and the desk's 期限变更 list tells the clerk whom to tell.
   */
  recomputeProvisionalDueDates(calendar: WorkingCalendar): number {
    const rows = this.db.cases.openProvisional();
    let moved = 0;
    return this.db.transaction(() => {
      const now = this.now();
      for (const row of rows) {
        const due = calendar.addWorkingDays(row.receivedDay, row.timeLimitDays!);
        if (due.date === row.dueDate && due.provisional) continue;
        const changed = due.date !== row.dueDate;
        this.db.cases.setDueDate(row.id, due.date, due.provisional, changed ? row.dueDate : null);
        this.appendEvent(row.id, 'dueDateChanged', row.state, null, now, {
          from: row.dueDate,
          to: due.date,
          provisional: due.provisional,
          reason: 'calendar',
          calendarVersion: calendar.version,
        });
        if (changed) moved++;
      }
      return moved;
    });
  }

  /** Cases of a person by ID number or full name, or one case by its number; every lookup is audited. */
  find(query: string, actor: Actor): CaseSummary[] {
    const q = query.trim();
    let rows: CaseRecord[];
    if (ID_NUMBER_PATTERN.test(q)) {
      const person = this.persons.findByIdNumber(q);
      rows = person === null ? [] : this.db.cases.ofPerson(person);
    } else if (/^[A-Z0-9]{5}-\d{8}-\d{4,}$/.test(q)) {
      const one = this.db.cases.byNumber(q);
      rows = one ? [one] : [];
    } else {
      const people = this.persons.findByName(q);
      rows = people.length === 0 ? [] : this.db.cases.ofPersons(people);
    }
    this.audit.record({ staffId: actor?.staffId ?? null, action: 'case.search', detail: { results: rows.length } });
    return rows.map((r) => this.summary(r));
  }

  /** Where a matter is decided; a matter the catalogue no longer lists is taken as decided above the station. */
  private levelOf(matterCode: string): HandlingLevel {
    return this.catalog.findMatter(matterCode)?.level ?? 'county';
  }

  /** The steps `actor` may take on the case now: what the state allows, the matter's level and the role. */
  private stepsNow(state: CaseState, matterCode: string, actor: Actor): CaseAction[] {
    const level = this.levelOf(matterCode);
    const possible = CASE_ACTIONS.filter((a) => allows(state, a));
    return actor ? stepsFor(level, actor.role, possible) : possible.filter((a) => stationTakes(level, a));
  }

  /** Everything about one case, for the clerk; the view is audited. */
  get(caseNo: string, actor: Actor): CaseDetail {
    const row = this.row(caseNo);
    const secrets = JSON.parse(this.cipher.openText(row.sealed, fieldAad('case', row.id, 'data'))) as CaseSecrets;
    const applicant: Applicant = this.persons.get(row.personId);
    const materials = this.db.cases.materials(row.id);
    const history = this.db.events.history(row.id).map((e): CaseEvent => ({
      id: e.id, seq: e.seq, type: e.type, at: e.at, station: e.station,
      actor: e.actor === null ? null : String(e.actor), state: e.state, detail: e.detail,
    }));
    this.audit.record({ staffId: actor?.staffId ?? null, action: 'person.view', subjectKind: 'case', subjectRef: caseNo });
    return {
      summary: this.summary(row, applicant.name),
      applicant,
      form: secrets.form,
      materials,
      advancedFees: secrets.proxy?.advancedFees ?? [],
      applicantSignature: secrets.applicantSignature,
      mandateSignature: secrets.proxy?.mandateSignature ?? null,
      firstAskedBy: row.firstAskedBy === null ? null : String(row.firstAskedBy),
      history,
      steps: this.stepsNow(row.state, row.matterCode, actor),
    };
  }

  /**
   * Least data kept: closed cases whose every event the township has acknowledged are removed after the retention
   * period, with their people (when no other case points at them) and the files only they referred to.
   */
  purge(retentionDays: number): number {
    const cutoff = new Date(this.now().getTime() - retentionDays * 86_400_000).toISOString();
    return this.db.transaction(() => {
      const ids = this.db.cases.purgeable(cutoff);
      if (ids.length === 0) return 0;
      const files = this.db.events.attachmentsOf(ids);
      const people = this.db.cases.personsOf(ids);
      this.db.sync.dropConflicts(this.db.events.idsOf(ids));
      this.db.events.deleteOf(ids);
      this.db.cases.delete(ids);
      for (const person of people) if (!this.db.cases.hasPerson(person)) this.db.persons.delete(person);
      for (const sha of files) if (!this.db.events.refersTo(sha)) this.db.attachments.delete(sha);
      this.audit.record({ staffId: null, action: 'cases.purged', detail: { cases: ids.length, retentionDays } });
      return ids.length;
    }, 'immediate');
  }

  /**
   * The kiosk may print a receipt without a clerk only for a self-service case taken in moments ago: a stranger at
   * the kiosk cannot reprint anyone else's papers by their number.
   */
  assertFreshKioskReceipt(caseNo: string, document: string, now: Date): void {
    const row = this.row(caseNo);
    const fresh = now.getTime() - Date.parse(row.receivedAt) < KIOSK_RECEIPT_WINDOW_MS;
    if (document !== 'receipt' || row.channel !== 'kiosk' || !fresh) throw new StaffOnlyError();
  }

  /** Numbers a 一次性告知单 (given instead of a case when materials are missing) and records that it was given. */
  registerNotice(matterCode: string, missing: string[], actor: Actor): string {
    const matter = this.catalog.matter(matterCode);
    for (const id of missing) if (!matter.materials.some((m) => m.id === id)) throw new MaterialError('cases.unknown-material', id);
    return this.db.transaction(() => {
      const noticeNo = nextCaseNumber(this.db, this.code, chinaDay(this.now()), 'notice');
      this.audit.record({ staffId: actor?.staffId ?? null, action: 'notice.issued', subjectKind: 'notice', subjectRef: noticeNo, detail: { matterCode, missing } });
      return noticeNo;
    }, 'immediate');
  }

  /** A villager's own cases by the card on the reader (查进度): only what the progress screen shows. */
  progress(idNumber: string): { caseNo: string; matterName: string; state: CaseState; dueDate: string; dueProvisional: boolean }[] {
    const person = this.persons.findByIdNumber(idNumber);
    if (person === null) return [];
    const rows = this.db.cases.progressOf(person);
    this.audit.record({ staffId: null, action: 'case.progress', subjectKind: 'person', subjectRef: this.persons.idHash(idNumber) });
    return rows;
  }
}
