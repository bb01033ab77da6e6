import type { Database } from 'better-sqlite3';
import { AttachmentRows } from './attachments/attachment-rows.ts';
import { AuditRows } from './audit/audit-rows.ts';
import { BlacklistStore } from './blacklist/blacklist-store.ts';
import { BulkLoad } from './bulk-load.ts';
import { CalendarRows } from './calendar/calendar-rows.ts';
import { CaseEvents } from './cases/case-events.ts';
import { CaseStore } from './cases/case-store.ts';
import { CatalogRows } from './catalog/catalog-rows.ts';
import { FaceReferenceRows } from './face-references/face-reference-rows.ts';
import { PersonRows } from './persons/person-rows.ts';
import { StaffRows } from './staff/staff-rows.ts';
import { StationFacts } from './station-facts/station-facts.ts';
import { SyncState } from './sync-state/sync-state.ts';

/** Whether a transaction takes the write lock at once (for read-then-write) or at its first write. */
export type TransactionMode = 'deferred' | 'immediate';

/**
 * The station's data layer: one typed module per aggregate, each the only code that touches its tables, over one
 * migrated database handle (statements are prepared once, here). Services keep the rules and call these.
 */
export class StationData {
  readonly attachments: AttachmentRows;
  readonly audit: AuditRows;
  readonly blacklist: BlacklistStore;
  /** Only for the benchmarks' millions of rows. */
  readonly bulk: BulkLoad;
  readonly calendar: CalendarRows;
  readonly cases: CaseStore;
  readonly events: CaseEvents;
  readonly catalog: CatalogRows;
  readonly facts: StationFacts;
  readonly faceReferences: FaceReferenceRows;
  readonly persons: PersonRows;
  readonly staff: StaffRows;
  readonly sync: SyncState;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.attachments = new AttachmentRows(db);
    this.audit = new AuditRows(db);
    this.blacklist = new BlacklistStore(db);
    this.bulk = new BulkLoad(db);
    this.calendar = new CalendarRows(db);
    this.cases = new CaseStore(db);
    this.events = new CaseEvents(db);
    this.catalog = new CatalogRows(db);
    this.facts = new StationFacts(db);
    this.faceReferences = new FaceReferenceRows(db);
    this.persons = new PersonRows(db);
    this.staff = new StaffRows(db);
    this.sync = new SyncState(db);
  }

  /**
   * Runs `fn` in one transaction: committed when it returns, rolled back when it throws. Inside another transaction
   * it is a savepoint of that one, so a service's step commits or rolls back with its caller's.
   */
  transaction<T>(fn: () => T, mode: TransactionMode = 'deferred'): T {
    const tx = this.#db.transaction(fn);
    return mode === 'immediate' ? tx.immediate() : tx();
  }
}
