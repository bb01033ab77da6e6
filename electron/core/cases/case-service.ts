import type { Database } from 'better-sqlite3';
import {
  MAX_RONGQUE_WORKING_DAYS,
  type Applicant,
  type CaseDetail,
  type CaseEvent,
  type CaseMaterialInput,
  type CaseState,
  type CaseSummary,
  type IntakeInput,
} from '../../../contract/domain/cases.ts';
import type { Matter } from '../../../contract/domain/catalog.ts';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { checkForeignPermanentNumber2023, checkIdNumber, ID_NUMBER_PATTERN } from '../../../contract/domain/id-number.ts';
import { UnknownAttachmentError } from '../attachments/attachment-store.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { CountedDay, WorkingCalendar } from '../../../contract/domain/calendar/working-calendar.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { AuditLog } from '../security/audit-log.ts';
import { fieldAad, type FieldCipher } from '../security/field-cipher.ts';
import type { StationKeys } from '../security/station-keys.ts';
import { BadIdNumberError, BlacklistedError, MaterialError, MaterialsMissingError, ProxyNotAllowedError, StaffOnlyError, UnknownCaseError } from './case-errors.ts';
import { nextCaseNumber, stationCode } from './case-number.ts';
import { chinaDay, type Clock } from '../../../contract/domain/clock.ts';
import { uuid7 } from '../../../contract/domain/uuid7.ts';
import { validateForm } from './form-validation.ts';
import { PersonStore } from './person-store.ts';
import { OPEN_STATES, type CaseAction } from '../../../contract/domain/case-states.ts';
import { nextState } from './state-machine.ts';

/** Who acted: a signed-in staff member, or null for a villager's self-service at the kiosk. */
export type Actor = { staffId: number } | null;

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

interface CaseRow {
  id: number;
  case_no: string;
  matter_code: string;
  matter_name: string;
  person_id: number;
  channel: 'window' | 'kiosk';
  proxy: number;
  state: CaseState;
  received_at: string;
  received_day: string;
  due_date: string;
  time_limit_days: number | null;
  due_provisional: 0 | 1;
  due_moved_from: string | null;
  first_asked_by: number | null;
  sealed: string;
  owed: number;
  owed_due: string | null;
}

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

function validIdNumber(idNumber: string): boolean {
  const upper = idNumber.toUpperCase();
  return checkIdNumber(upper).valid || checkForeignPermanentNumber2023(upper).valid;
}

/**
 * Cases from intake to closing. Every change is one transaction that writes the case, its materials and an
 * append-only event together (the event is also what sync sends), so a crash leaves either all of it or none.
 */
export class CaseService {
  private readonly persons: PersonStore;
  private readonly code: string;

  constructor(
    private readonly db: Database,
    keys: StationKeys,
    private readonly cipher: FieldCipher,
    private readonly catalog: CatalogService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditLog,
    private readonly now: Clock,
  ) {
    this.persons = new PersonStore(db, keys, cipher);
    this.code = stationCode(db);
  }

  get station(): string {
    return this.code;
  }

  /** Why this person gets no 容缺, or null. */
  blacklistReason(idNumber: string): string | null {
    const row = this.db.prepare('SELECT reason FROM blacklist WHERE id_hash = ?').get(this.persons.idHash(idNumber)) as
      | { reason: string }
      | undefined;
    return row?.reason ?? null;
  }

  /** The date a matter taken in on `day` is promised for: 即办 that day, else N working days on (maybe 预计). */
  dueDate(matter: Matter, day: string): CountedDay {
    return this.calendar.current.addWorkingDays(day, timeLimitDays(matter));
  }

  /** Checks everything first (form, materials, 容缺, blacklist), then writes the case in one transaction. */
  intake(input: IntakeInput, actor: Actor): IntakeResult {
    const existing = this.db.prepare('SELECT case_no, due_date, due_provisional, state FROM cases WHERE request_id = ?').get(input.requestId) as
      | { case_no: string; due_date: string; due_provisional: 0 | 1; state: CaseState }
      | undefined;
    if (existing) {
      return { caseNo: existing.case_no, dueDate: existing.due_date, dueProvisional: existing.due_provisional === 1, state: existing.state, created: false };
    }

    const matter = this.catalog.matter(input.matterCode);
    if (!validIdNumber(input.applicant.idNumber)) throw new BadIdNumberError();
    if (matter.form) {
      const issues = validateForm(matter.form, input.form);
      if (issues.length > 0) throw new ValidationError('form', issues);
    }
    const now = this.now();
    const day = chinaDay(now);
    if (input.proxy && !matter.proxyAllowed) throw new ProxyNotAllowedError(matter.name);
    this.checkMaterials(matter, input.materials, input.applicant.idNumber, day, input.channel);
    const attachments = [
      input.applicantSignature,
      ...(input.proxy ? [input.proxy.mandateSignature] : []),
      ...input.materials.flatMap((m) => (m.status === 'provided' ? m.pages : m.status === 'promised' ? [m.promiseSignature] : [])),
    ];
    this.checkAttachments(attachments);
    const due = this.dueDate(matter, day);
    const promised = input.materials.filter((m) => m.status === 'promised');
    const owedDue = promised.map((m) => m.dueDate).sort()[0] ?? null;

    return this.db.transaction((): IntakeResult => {
      const personId = this.persons.upsert(input.applicant, now);
      const caseNo = nextCaseNumber(this.db, this.code, day);
      const caseId = Number(
        this.db
          .prepare(
            `INSERT INTO cases (case_no, request_id, matter_code, matter_name, person_id, channel, proxy, state,
               received_at, received_day, due_date, time_limit_days, due_provisional, first_asked_by, sealed, owed, owed_due)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, '', ?, ?)`,
          )
          .run(caseNo, input.requestId, matter.code, matter.name, personId, input.channel, input.proxy ? 1 : 0,
            now.toISOString(), day, due.date, timeLimitDays(matter), due.provisional ? 1 : 0, actor?.staffId ?? null,
            promised.length, owedDue).lastInsertRowid,
      );
      const secrets: CaseSecrets = { form: input.form, applicantSignature: input.applicantSignature, proxy: input.proxy ?? null };
      this.db.prepare('UPDATE cases SET sealed = ? WHERE id = ?').run(this.cipher.sealText(JSON.stringify(secrets), fieldAad('case', caseId, 'data')), caseId);
      const insertMaterial = this.db.prepare(
        `INSERT INTO case_materials (case_id, material_id, name, status, pages, exemption, source, due_date, promise_signature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of input.materials) {
        const name = matter.materials.find((x) => x.id === m.materialId)!.name;
        insertMaterial.run(caseId, m.materialId, name, m.status,
          JSON.stringify(m.status === 'provided' ? m.pages : []),
          m.status === 'exempt' ? m.exemption : null,
          m.status === 'exempt' ? (m.source ?? null) : null,
          m.status === 'promised' ? m.dueDate : null,
          m.status === 'promised' ? m.promiseSignature : null);
      }
      this.appendEvent(caseId, 1, 'received', 'received', actor, now, {
        matterCode: matter.code,
        channel: input.channel,
        proxy: input.proxy !== undefined,
        dueDate: due.date,
        ...(due.provisional && { dueProvisional: true }),
        materials: input.materials.map((m) => ({ id: m.materialId, status: m.status })),
      }, attachments);
      this.audit.record({ staffId: actor?.staffId ?? null, action: 'case.intake', subjectKind: 'case', subjectRef: caseNo });
      return { caseNo, dueDate: due.date, dueProvisional: due.provisional, state: 'received', created: true };
    }).immediate();
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

  /** Every page and signature the case points at must already be stored: a case never refers to nothing. */
  private checkAttachments(shas: string[]): void {
    const has = this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
    const missing = shas.find((sha) => has.get(sha) === undefined);
    if (missing) throw new UnknownAttachmentError(missing);
  }

  private appendEvent(
    caseId: number,
    seq: number,
    type: string,
    state: CaseState,
    actor: Actor,
    at: Date,
    detail: Record<string, unknown>,
    attachments: string[] = [],
  ): void {
    this.db
      .prepare('INSERT INTO case_events (id, case_id, seq, type, at, station, actor, state, detail, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uuid7(at), caseId, seq, type, at.toISOString(), this.code, actor?.staffId ?? null, state, JSON.stringify(detail), JSON.stringify([...new Set(attachments)]));
  }

  private row(caseNo: string): CaseRow {
    const row = this.db.prepare('SELECT * FROM cases WHERE case_no = ?').get(caseNo) as CaseRow | undefined;
    if (!row) throw new UnknownCaseError(caseNo);
    return row;
  }

  /** Moves a case on (forward, approve, deliver …) with one event; the state machine refuses what cannot happen. */
  transition(caseNo: string, action: CaseAction, actor: Actor, detail: Record<string, string> = {}): CaseSummary {
    return this.db.transaction(() => {
      const row = this.row(caseNo);
      const state = nextState(row.state, action);
      const now = this.now();
      this.db
        .prepare('UPDATE cases SET state = ?, closed_at = ? WHERE id = ?')
        .run(state, state === 'closed' ? now.toISOString() : null, row.id);
      this.appendEvent(row.id, this.nextSeq(row.id), action, state, actor, now, detail);
      return this.summary({ ...row, state });
    }).immediate();
  }

  /** A 容缺 material handed in after intake: its pages are kept, and it is no longer owed. */
  supplyMaterial(caseNo: string, materialId: string, pages: string[], actor: Actor): CaseSummary {
    this.checkAttachments(pages);
    return this.db.transaction(() => {
      const row = this.row(caseNo);
      const changed = this.db
        .prepare("UPDATE case_materials SET status = 'supplied', pages = ? WHERE case_id = ? AND material_id = ? AND status = 'promised'")
        .run(JSON.stringify(pages), row.id, materialId).changes;
      if (changed === 0) throw new MaterialError('cases.unknown-material', materialId);
      const owed = this.db
        .prepare("SELECT count(*) AS n, min(due_date) AS due FROM case_materials WHERE case_id = ? AND status = 'promised'")
        .get(row.id) as { n: number; due: string | null };
      this.db.prepare('UPDATE cases SET owed = ?, owed_due = ? WHERE id = ?').run(owed.n, owed.due, row.id);
      this.appendEvent(row.id, this.nextSeq(row.id), 'materialSupplied', row.state, actor, this.now(), { materialId, pages: pages.length }, pages);
      return this.summary({ ...row, owed: owed.n, owed_due: owed.due });
    }).immediate();
  }

  private nextSeq(caseId: number): number {
    return (this.db.prepare('SELECT max(seq) AS s FROM case_events WHERE case_id = ?').get(caseId) as { s: number }).s + 1;
  }

  private summary(row: CaseRow, applicantName?: string): CaseSummary {
    return {
      caseNo: row.case_no,
      matterCode: row.matter_code,
      matterName: row.matter_name,
      applicantName: applicantName ?? this.persons.get(row.person_id).name,
      state: row.state,
      channel: row.channel,
      proxy: row.proxy === 1,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      dueProvisional: row.due_provisional === 1,
      dueMovedFrom: row.due_moved_from,
      owed: row.owed,
      owedDue: row.owed_due,
    };
  }

  /** The clerk's desk lists, a page at a time, by the day in China. */
  list(view: DeskView, page = 0, pageSize = 20): CaseSummary[] {
    const day = chinaDay(this.now());
    const open = OPEN_STATES.map((s) => `'${s}'`).join(', ');
    const limit = `LIMIT ${pageSize} OFFSET ${page * pageSize}`;
    const queries: Record<DeskView, [string, unknown[]]> = {
      today: [`SELECT * FROM cases WHERE received_day = ? ORDER BY id DESC ${limit}`, [day]],
      overdue: [`SELECT * FROM cases WHERE state IN (${open}) AND due_date < ? ORDER BY due_date ${limit}`, [day]],
      'due-soon': [
        `SELECT * FROM cases WHERE state IN (${open}) AND due_date >= ? AND due_date <= ? ORDER BY due_date ${limit}`,
        [day, this.soon(day)],
      ],
      owed: [`SELECT * FROM cases WHERE owed > 0 ORDER BY owed_due ${limit}`, []],
      moved: [`SELECT * FROM cases WHERE due_moved_from IS NOT NULL AND state IN (${open}) ORDER BY id DESC ${limit}`, []],
      recent: [`SELECT * FROM cases ORDER BY id DESC ${limit}`, []],
    };
    const [sql, params] = queries[view];
    return (this.db.prepare(sql).all(...params) as CaseRow[]).map((r) => this.summary(r));
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
    const rows = this.db
      .prepare(`SELECT * FROM cases WHERE due_provisional = 1 AND time_limit_days IS NOT NULL AND state IN (${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`)
      .all() as CaseRow[];
    let moved = 0;
    return this.db.transaction(() => {
      const now = this.now();
      for (const row of rows) {
        const due = calendar.addWorkingDays(row.received_day, row.time_limit_days!);
        if (due.date === row.due_date && due.provisional) continue;
        const changed = due.date !== row.due_date;
        this.db
          .prepare('UPDATE cases SET due_date = ?, due_provisional = ?, due_moved_from = CASE WHEN ? THEN ? ELSE due_moved_from END WHERE id = ?')
          .run(due.date, due.provisional ? 1 : 0, changed ? 1 : 0, row.due_date, row.id);
        this.appendEvent(row.id, this.nextSeq(row.id), 'dueDateChanged', row.state, null, now, {
          from: row.due_date,
          to: due.date,
          provisional: due.provisional,
          reason: 'calendar',
          calendarVersion: calendar.version,
        });
        if (changed) moved++;
      }
      return moved;
    })();
  }

  /** Cases of a person by ID number or full name, or one case by its number; every lookup is audited. */
  find(query: string, actor: Actor): CaseSummary[] {
    const q = query.trim();
    let rows: CaseRow[];
    if (ID_NUMBER_PATTERN.test(q)) {
      const person = this.persons.findByIdNumber(q);
      rows = person === null ? [] : (this.db.prepare('SELECT * FROM cases WHERE person_id = ? ORDER BY id DESC').all(person) as CaseRow[]);
    } else if (/^[A-Z0-9]{5}-\d{8}-\d{4,}$/.test(q)) {
      rows = this.db.prepare('SELECT * FROM cases WHERE case_no = ?').all(q) as CaseRow[];
    } else {
      const people = this.persons.findByName(q);
      rows = people.length === 0 ? [] : (this.db.prepare(`SELECT * FROM cases WHERE person_id IN (${people.map(() => '?').join(',')}) ORDER BY id DESC`).all(...people) as CaseRow[]);
    }
    this.audit.record({ staffId: actor?.staffId ?? null, action: 'case.search', detail: { results: rows.length } });
    return rows.map((r) => this.summary(r));
  }

  /** Everything about one case, for the clerk; the view is audited. */
  get(caseNo: string, actor: Actor): CaseDetail {
    const row = this.row(caseNo);
    const secrets = JSON.parse(this.cipher.openText(row.sealed, fieldAad('case', row.id, 'data'))) as CaseSecrets;
    const applicant: Applicant = this.persons.get(row.person_id);
    const materials = (this.db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY rowid').all(row.id) as {
      material_id: string; name: string; status: 'provided' | 'exempt' | 'promised' | 'supplied'; pages: string;
      exemption: CaseDetail['materials'][number]['exemption']; source: string | null; due_date: string | null;
      promise_signature: string | null;
    }[]).map((m) => ({
      materialId: m.material_id,
      name: m.name,
      status: m.status,
      pages: JSON.parse(m.pages) as string[],
      exemption: m.exemption,
      source: m.source,
      dueDate: m.due_date,
      promiseSignature: m.promise_signature,
    }));
    const history = (this.db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY seq').all(row.id) as {
      id: string; seq: number; type: string; at: string; station: string; actor: number | null; state: CaseState; detail: string;
    }[]).map((e): CaseEvent => ({
      id: e.id, seq: e.seq, type: e.type, at: e.at, station: e.station,
      actor: e.actor === null ? null : String(e.actor), state: e.state, detail: JSON.parse(e.detail) as Record<string, unknown>,
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
      firstAskedBy: row.first_asked_by === null ? null : String(row.first_asked_by),
      history,
    };
  }

  /**
   * Least data kept: closed cases whose every event the township has acknowledged are removed after the retention
   * period, with their people (when no other case points at them) and the files only they referred to.
   */
  purge(retentionDays: number): number {
    const cutoff = new Date(this.now().getTime() - retentionDays * 86_400_000).toISOString();
    return this.db.transaction(() => {
      const ids = (this.db
        .prepare(
          `SELECT id FROM cases c WHERE state = 'closed' AND closed_at < ?
             AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.pushed_at IS NULL)`,
        )
        .all(cutoff) as { id: number }[]).map((r) => r.id);
      if (ids.length === 0) return 0;
      const list = ids.join(',');
      const files = (this.db
        .prepare(`SELECT DISTINCT j.value AS sha FROM case_events e, json_each(e.attachments) j WHERE e.case_id IN (${list})`)
        .all() as { sha: string }[]).map((r) => r.sha);
      this.db.exec(`DELETE FROM case_materials WHERE case_id IN (${list}); DELETE FROM sync_conflicts WHERE event_id IN
        (SELECT id FROM case_events WHERE case_id IN (${list})); DELETE FROM case_events WHERE case_id IN (${list});
        DELETE FROM cases WHERE id IN (${list}); DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM cases);`);
      const stillUsed = this.db.prepare('SELECT 1 FROM case_events e, json_each(e.attachments) j WHERE j.value = ? LIMIT 1');
      const drop = this.db.prepare('DELETE FROM attachments WHERE sha256 = ?');
      for (const sha of files) if (stillUsed.get(sha) === undefined) drop.run(sha);
      this.audit.record({ staffId: null, action: 'cases.purged', detail: { cases: ids.length, retentionDays } });
      return ids.length;
    }).immediate();
  }

  /**
   * The kiosk may print a receipt without a clerk only for a self-service case taken in moments ago: a stranger at
   * the kiosk cannot reprint anyone else's papers by their number.
   */
  assertFreshKioskReceipt(caseNo: string, document: string, now: Date): void {
    const row = this.row(caseNo);
    const fresh = now.getTime() - Date.parse(row.received_at) < KIOSK_RECEIPT_WINDOW_MS;
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
    }).immediate();
  }

  /** A villager's own cases by the card on the reader (查进度): only what the progress screen shows. */
  progress(idNumber: string): { caseNo: string; matterName: string; state: CaseState; dueDate: string; dueProvisional: boolean }[] {
    const person = this.persons.findByIdNumber(idNumber);
    if (person === null) return [];
    const rows = this.db.prepare('SELECT case_no, matter_name, state, due_date, due_provisional FROM cases WHERE person_id = ? ORDER BY id DESC LIMIT 50').all(person) as
      { case_no: string; matter_name: string; state: CaseState; due_date: string; due_provisional: 0 | 1 }[];
    this.audit.record({ staffId: null, action: 'case.progress', subjectKind: 'person', subjectRef: this.persons.idHash(idNumber) });
    return rows.map((r) => ({ caseNo: r.case_no, matterName: r.matter_name, state: r.state, dueDate: r.due_date, dueProvisional: r.due_provisional === 1 }));
  }
}
