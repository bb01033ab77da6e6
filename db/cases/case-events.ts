import type { Database, Statement } from 'better-sqlite3';
import { RowReader } from '../rows.ts';
import { caseEventRecord, pendingEventRecord, type CaseEventRecord, type PendingEventRecord } from './case-rows.ts';

/** An event to append: its seq is chosen here, and it names its case by id. */
export type NewCaseEvent = Omit<CaseEventRecord, 'caseNo' | 'seq'> & {
  caseId: number;
  /** Set for an event that arrives already acknowledged (the township's own); null for one still to be sent. */
  pushedAt: string | null;
};

/**
 * `case_events`: every change to a case, append-only, numbered 1, 2, 3 … per case. This is the one place that numbers
 * them: intake, transitions and the township's decisions all append here, so two writers never pick the same seq.
 * The events are also sync's outbox: pushed_at stays null until the township has acknowledged one.
 */
export class CaseEvents {
  readonly #append: Statement;
  readonly #exists: Statement;
  readonly #history: Statement;
  readonly #outbox: Statement;
  readonly #ack: Statement;
  readonly #pendingCount: Statement;
  readonly #pending: Statement;
  readonly #idsOf: Statement;
  readonly #attachmentsOf: Statement;
  readonly #referenced: Statement;
  readonly #delete: Statement;

  constructor(db: Database) {
    // The seq is taken in the same statement that inserts, inside the caller's write transaction.
    this.#append = db.prepare(
      `INSERT INTO case_events (id, case_id, seq, type, at, station, actor, state, detail, attachments, pushed_at)
       SELECT @id, @caseId, coalesce(max(seq), 0) + 1, @type, @at, @station, @actor, @state, @detail, @attachments, @pushedAt
       FROM case_events WHERE case_id = @caseId
       RETURNING seq`,
    );
    this.#exists = db.prepare('SELECT 1 FROM case_events WHERE id = ?');
    this.#history = db.prepare(
      `SELECT e.*, c.case_no FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.case_id = ? ORDER BY e.seq`,
    );
    this.#outbox = db.prepare(
      `SELECT e.*, c.case_no FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE e.pushed_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_conflicts k WHERE k.event_id = e.id)
       ORDER BY e.rowid LIMIT ?`,
    );
    this.#ack = db.prepare('UPDATE case_events SET pushed_at = ? WHERE id = ? AND pushed_at IS NULL');
    this.#pendingCount = db.prepare('SELECT count(*) AS n FROM case_events WHERE pushed_at IS NULL');
    this.#pending = db.prepare(
      `SELECT e.id, c.case_no, e.type, e.at, coalesce(k.reason, 'sync.not-sent') AS reason
       FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN sync_conflicts k ON k.event_id = e.id
       WHERE e.pushed_at IS NULL ORDER BY e.rowid LIMIT ?`,
    );
    this.#idsOf = db.prepare('SELECT id FROM case_events WHERE case_id IN (SELECT value FROM json_each(?))');
    this.#attachmentsOf = db.prepare(
      'SELECT DISTINCT j.value AS sha FROM case_events e, json_each(e.attachments) j WHERE e.case_id IN (SELECT value FROM json_each(?))',
    );
    this.#referenced = db.prepare('SELECT 1 FROM case_events e, json_each(e.attachments) j WHERE j.value = ? LIMIT 1');
    this.#delete = db.prepare('DELETE FROM case_events WHERE case_id IN (SELECT value FROM json_each(?))');
  }

  /** Appends an event as the next of its case and returns its seq. */
  append(e: NewCaseEvent): number {
    const row: unknown = this.#append.get({
      id: e.id,
      caseId: e.caseId,
      type: e.type,
      at: e.at,
      station: e.station,
      actor: e.actor,
      state: e.state,
      pushedAt: e.pushedAt,
      detail: JSON.stringify(e.detail),
      attachments: JSON.stringify([...new Set(e.attachments)]),
    });
    return new RowReader('case_events', row).int('seq');
  }

  has(eventId: string): boolean {
    return this.#exists.get(eventId) !== undefined;
  }

  history(caseId: number): CaseEventRecord[] {
    return this.#history.all(caseId).map(caseEventRecord);
  }

  /** Events to send, in commit order, leaving out those the township refused (they wait for a person). */
  outbox(limit: number): CaseEventRecord[] {
    return this.#outbox.all(limit).map(caseEventRecord);
  }

  markPushed(eventIds: string[], at: string): void {
    for (const id of eventIds) this.#ack.run(at, id);
  }

  pendingCount(): number {
    return new RowReader('case_events', this.#pendingCount.get()).int('n');
  }

  /** What is not acknowledged yet, in commit order, with the township's reason where it refused one. */
  pending(limit: number): PendingEventRecord[] {
    return this.#pending.all(limit).map(pendingEventRecord);
  }

  idsOf(caseIds: number[]): string[] {
    return this.#idsOf.all(JSON.stringify(caseIds)).map((row) => new RowReader('case_events', row).text('id'));
  }

  /** The attachments the events of these cases refer to. */
  attachmentsOf(caseIds: number[]): string[] {
    return this.#attachmentsOf.all(JSON.stringify(caseIds)).map((row) => new RowReader('case_events', row).text('sha'));
  }

  /** Whether any event still refers to this attachment. */
  refersTo(sha256: string): boolean {
    return this.#referenced.get(sha256) !== undefined;
  }

  /** Removes the events of purged cases; the append-only trigger guards updates, not this. */
  deleteOf(caseIds: number[]): void {
    this.#delete.run(JSON.stringify(caseIds));
  }
}
