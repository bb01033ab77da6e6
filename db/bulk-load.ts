import type { Database, Statement } from 'better-sqlite3';

export interface BulkPerson {
  id: number;
  idHash: string;
  nameHash: string;
  sealed: string;
  updatedAt: string;
}

export interface BulkCase {
  id: number;
  caseNo: string;
  requestId: string;
  matterCode: string;
  matterName: string;
  personId: number;
  state: string;
  receivedAt: string;
  receivedDay: string;
  dueDate: string;
  sealed: string;
  owed: number;
  owedDue: string | null;
}

/**
 * Rows written straight into the schema, for the benchmarks that need a million cases: each case at a window with
 * two provided materials and one acknowledged event. Nothing in the station itself writes this way.
 */
export class BulkLoad {
  readonly #db: Database;
  readonly #person: Statement;
  readonly #case: Statement;
  readonly #material: Statement;
  readonly #event: Statement;

  constructor(db: Database) {
    this.#db = db;
    this.#person = db.prepare('INSERT INTO persons (id, id_hash, name_hash, sealed, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.#case = db.prepare(
      `INSERT INTO cases (id, case_no, request_id, matter_code, matter_name, person_id, channel, proxy, state, received_at,
         received_day, due_date, sealed, owed, owed_due) VALUES (?, ?, ?, ?, ?, ?, 'window', 0, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#material = db.prepare(
      "INSERT INTO case_materials (case_id, material_id, name, status, pages) VALUES (?, ?, ?, 'provided', '[]')",
    );
    this.#event = db.prepare(
      "INSERT INTO case_events (id, case_id, seq, type, at, station, state, detail, pushed_at) VALUES (?, ?, 1, 'received', ?, 'BENCH', ?, '{}', ?)",
    );
  }

  /** Runs `fill` without waiting for the disk on each commit, then restores full sync and refreshes the planner's statistics. */
  load(fill: () => void): void {
    this.#db.pragma('synchronous = OFF');
    try {
      fill();
    } finally {
      this.#db.pragma('synchronous = FULL');
    }
    this.#db.exec('ANALYZE');
  }

  person(p: BulkPerson): void {
    this.#person.run(p.id, p.idHash, p.nameHash, p.sealed, p.updatedAt);
  }

  /** A case, its materials ('id-card' and 'form') and its 'received' event, acknowledged at intake. */
  case(c: BulkCase, eventId: string): void {
    this.#case.run(c.id, c.caseNo, c.requestId, c.matterCode, c.matterName, c.personId, c.state, c.receivedAt, c.receivedDay,
      c.dueDate, c.sealed, c.owed, c.owedDue);
    this.#material.run(c.id, 'id-card', '居民身份证');
    this.#material.run(c.id, 'form', '申请表');
    this.#event.run(eventId, c.id, c.receivedAt, c.state, c.receivedAt);
  }
}
