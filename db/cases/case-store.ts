import type { Database, Statement } from 'better-sqlite3';
import { CaseState } from '../../contract/domain/cases.ts';
import { RowReader } from '../rows.ts';
import { caseRecord, materialRecord, progressRecord, type CaseRecord, type MaterialRecord, type ProgressRecord } from './case-rows.ts';

export interface NewCase {
  caseNo: string;
  requestId: string;
  matterCode: string;
  matterName: string;
  personId: number;
  channel: CaseRecord['channel'];
  proxy: boolean;
  receivedAt: string;
  receivedDay: string;
  dueDate: string;
  timeLimitDays: number;
  dueProvisional: boolean;
  firstAskedBy: number | null;
  owed: number;
  owedDue: string | null;
}

export type NewMaterial = MaterialRecord;

/** What a second submission of the same request finds. */
export interface RequestRecord {
  caseNo: string;
  dueDate: string;
  dueProvisional: boolean;
  state: CaseState;
}

/** A page of a desk list. */
export interface Page {
  limit: number;
  offset: number;
}


/**
 * `cases` and `case_materials`: a case's row and what it was handed in with. The open states are written out in the
 * SQL, not bound, so SQLite can use the partial index cases_open_due (same list); tests/db check them against OPEN_STATES.
 */
export class CaseStore {
  readonly #byRequest: Statement;
  readonly #insert: Statement;
  readonly #seal: Statement;
  readonly #insertMaterial: Statement;
  readonly #byNumber: Statement;
  readonly #setState: Statement;
  readonly #supply: Statement;
  readonly #owed: Statement;
  readonly #setOwed: Statement;
  readonly #today: Statement;
  readonly #overdue: Statement;
  readonly #dueSoon: Statement;
  readonly #owedList: Statement;
  readonly #moved: Statement;
  readonly #recent: Statement;
  readonly #provisional: Statement;
  readonly #setDue: Statement;
  readonly #byPerson: Statement;
  readonly #byPersons: Statement;
  readonly #progress: Statement;
  readonly #materials: Statement;
  readonly #purgeable: Statement;
  readonly #personsOf: Statement;
  readonly #hasPerson: Statement;
  readonly #deleteMaterials: Statement;
  readonly #delete: Statement;
  readonly #numbers: Statement;

  constructor(db: Database) {
    this.#byRequest = db.prepare('SELECT case_no, due_date, due_provisional, state FROM cases WHERE request_id = ?');
    this.#insert = db.prepare(
      `INSERT INTO cases (case_no, request_id, matter_code, matter_name, person_id, channel, proxy, state,
         received_at, received_day, due_date, time_limit_days, due_provisional, first_asked_by, sealed, owed, owed_due)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    );
    this.#seal = db.prepare('UPDATE cases SET sealed = ? WHERE id = ?');
    this.#insertMaterial = db.prepare(
      `INSERT INTO case_materials (case_id, material_id, name, status, pages, exemption, source, due_date, promise_signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#byNumber = db.prepare('SELECT * FROM cases WHERE case_no = ?');
    this.#setState = db.prepare('UPDATE cases SET state = ?, closed_at = ? WHERE id = ?');
    this.#supply = db.prepare(
      "UPDATE case_materials SET status = 'supplied', pages = ? WHERE case_id = ? AND material_id = ? AND status = 'promised'",
    );
    this.#owed = db.prepare("SELECT count(*) AS n, min(due_date) AS due FROM case_materials WHERE case_id = ? AND status = 'promised'");
    this.#setOwed = db.prepare('UPDATE cases SET owed = ?, owed_due = ? WHERE id = ?');
    this.#today = db.prepare('SELECT * FROM cases WHERE received_day = ? ORDER BY id DESC LIMIT ? OFFSET ?');
    this.#overdue = db.prepare(`SELECT * FROM cases WHERE state IN ('received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested') AND due_date < ? ORDER BY due_date LIMIT ? OFFSET ?`);
    this.#dueSoon = db.prepare(
      `SELECT * FROM cases WHERE state IN ('received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested') AND due_date >= ? AND due_date <= ? ORDER BY due_date LIMIT ? OFFSET ?`,
    );
    this.#owedList = db.prepare('SELECT * FROM cases WHERE owed > 0 ORDER BY owed_due LIMIT ? OFFSET ?');
    this.#moved = db.prepare(`SELECT * FROM cases WHERE due_moved_from IS NOT NULL AND state IN ('received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested') ORDER BY id DESC LIMIT ? OFFSET ?`);
    this.#recent = db.prepare('SELECT * FROM cases ORDER BY id DESC LIMIT ? OFFSET ?');
    this.#provisional = db.prepare(`SELECT * FROM cases WHERE due_provisional = 1 AND time_limit_days IS NOT NULL AND state IN ('received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested')`);
    this.#setDue = db.prepare(
      'UPDATE cases SET due_date = ?, due_provisional = ?, due_moved_from = CASE WHEN ? THEN ? ELSE due_moved_from END WHERE id = ?',
    );
    this.#byPerson = db.prepare('SELECT * FROM cases WHERE person_id = ? ORDER BY id DESC');
    this.#byPersons = db.prepare('SELECT * FROM cases WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC');
    this.#progress = db.prepare(
      'SELECT case_no, matter_name, state, due_date, due_provisional FROM cases WHERE person_id = ? ORDER BY id DESC LIMIT 50',
    );
    this.#materials = db.prepare('SELECT * FROM case_materials WHERE case_id = ? ORDER BY rowid');
    this.#purgeable = db.prepare(
      `SELECT id FROM cases c WHERE state = 'closed' AND closed_at < ?
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.pushed_at IS NULL)`,
    );
    this.#personsOf = db.prepare('SELECT DISTINCT person_id FROM cases WHERE id IN (SELECT value FROM json_each(?))');
    this.#hasPerson = db.prepare('SELECT 1 FROM cases WHERE person_id = ? LIMIT 1');
    this.#deleteMaterials = db.prepare('DELETE FROM case_materials WHERE case_id IN (SELECT value FROM json_each(?))');
    this.#delete = db.prepare('DELETE FROM cases WHERE id IN (SELECT value FROM json_each(?))');
    this.#numbers = db.prepare('SELECT case_no FROM cases ORDER BY id');
  }

  byRequest(requestId: string): RequestRecord | null {
    const row: unknown = this.#byRequest.get(requestId);
    if (row === undefined) return null;
    const r = new RowReader('cases', row);
    return { caseNo: r.text('case_no'), dueDate: r.text('due_date'), dueProvisional: r.flag('due_provisional'), state: r.oneOf('state', CaseState.options) };
  }

  /** A new case in state 'received', its sealed data still empty (it is bound to the id this returns). */
  insert(c: NewCase): number {
    const { lastInsertRowid } = this.#insert.run(c.caseNo, c.requestId, c.matterCode, c.matterName, c.personId, c.channel,
      c.proxy ? 1 : 0, c.receivedAt, c.receivedDay, c.dueDate, c.timeLimitDays, c.dueProvisional ? 1 : 0, c.firstAskedBy,
      c.owed, c.owedDue);
    return Number(lastInsertRowid);
  }

  setSealed(caseId: number, sealed: string): void {
    this.#seal.run(sealed, caseId);
  }

  insertMaterial(caseId: number, m: NewMaterial): void {
    this.#insertMaterial.run(caseId, m.materialId, m.name, m.status, JSON.stringify(m.pages), m.exemption, m.source, m.dueDate,
      m.promiseSignature);
  }

  byNumber(caseNo: string): CaseRecord | null {
    const row: unknown = this.#byNumber.get(caseNo);
    return row === undefined ? null : caseRecord(row);
  }

  setState(caseId: number, state: CaseState, closedAt: string | null): void {
    this.#setState.run(state, closedAt, caseId);
  }

  /** Marks a promised material supplied with its pages; false when the case owes no such material. */
  supplyMaterial(caseId: number, materialId: string, pages: string[]): boolean {
    return this.#supply.run(JSON.stringify(pages), caseId, materialId).changes > 0;
  }

  /** Counts what is still owed from the materials and keeps it on the case row, for the desk's list. */
  refreshOwed(caseId: number): { owed: number; owedDue: string | null } {
    const r = new RowReader('case_materials', this.#owed.get(caseId));
    const owed = { owed: r.int('n'), owedDue: r.textOrNull('due') };
    this.#setOwed.run(owed.owed, owed.owedDue, caseId);
    return owed;
  }

  receivedOn(day: string, page: Page): CaseRecord[] {
    return this.#today.all(day, page.limit, page.offset).map(caseRecord);
  }

  /** Open cases due before `day`, soonest first. */
  overdue(day: string, page: Page): CaseRecord[] {
    return this.#overdue.all(day, page.limit, page.offset).map(caseRecord);
  }

  /** Open cases due from `from` to `to`, soonest first. */
  dueBetween(from: string, to: string, page: Page): CaseRecord[] {
    return this.#dueSoon.all(from, to, page.limit, page.offset).map(caseRecord);
  }

  owingMaterials(page: Page): CaseRecord[] {
    return this.#owedList.all(page.limit, page.offset).map(caseRecord);
  }

  /** Open cases whose due date a calendar moved. */
  dueMoved(page: Page): CaseRecord[] {
    return this.#moved.all(page.limit, page.offset).map(caseRecord);
  }

  recent(page: Page): CaseRecord[] {
    return this.#recent.all(page.limit, page.offset).map(caseRecord);
  }

  /** Open cases whose due date was counted over a year without an official calendar. */
  openProvisional(): CaseRecord[] {
    return this.#provisional.all().map(caseRecord);
  }

  /** A due date counted again; `movedFrom` is kept when the date changed, the one moved before stays otherwise. */
  setDueDate(caseId: number, dueDate: string, provisional: boolean, movedFrom: string | null): void {
    this.#setDue.run(dueDate, provisional ? 1 : 0, movedFrom === null ? 0 : 1, movedFrom, caseId);
  }

  ofPerson(personId: number): CaseRecord[] {
    return this.#byPerson.all(personId).map(caseRecord);
  }

  ofPersons(personIds: number[]): CaseRecord[] {
    return this.#byPersons.all(JSON.stringify(personIds)).map(caseRecord);
  }

  /** A person's latest cases, newest first, as the progress screen shows them. */
  progressOf(personId: number): ProgressRecord[] {
    return this.#progress.all(personId).map(progressRecord);
  }

  materials(caseId: number): MaterialRecord[] {
    return this.#materials.all(caseId).map(materialRecord);
  }

  /** Closed before `cutoff`, with every event acknowledged by the township. */
  purgeable(cutoff: string): number[] {
    return this.#purgeable.all(cutoff).map((row) => new RowReader('cases', row).int('id'));
  }

  personsOf(caseIds: number[]): number[] {
    return this.#personsOf.all(JSON.stringify(caseIds)).map((row) => new RowReader('cases', row).int('person_id'));
  }

  hasPerson(personId: number): boolean {
    return this.#hasPerson.get(personId) !== undefined;
  }

  /** Removes cases and their materials; their events must be gone first. */
  delete(caseIds: number[]): void {
    const ids = JSON.stringify(caseIds);
    this.#deleteMaterials.run(ids);
    this.#delete.run(ids);
  }

  /** Every case number, oldest first. */
  numbers(): string[] {
    return this.#numbers.all().map((row) => new RowReader('cases', row).text('case_no'));
  }
}
