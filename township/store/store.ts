import type { AttachmentQueries } from './queries/attachments.ts';
import type { BlacklistQueries } from './queries/blacklist.ts';
import type { CaseQueries } from './queries/cases.ts';
import type { EnrolmentCodeQueries } from './queries/enrolment-codes.ts';
import type { EventQueries } from './queries/events.ts';
import type { FeedQueries } from './queries/feed.ts';
import type { MatterLevelQueries } from './queries/matter-levels.ts';
import type { NonceQueries } from './queries/nonces.ts';
import type { PendingEventQueries } from './queries/pending-events.ts';
import type { PublicationQueries } from './queries/publications.ts';
import type { StationQueries } from './queries/stations.ts';

/**
 * The township's storage, one interface over SQLite and PostgreSQL: transactions of typed queries, table by table.
 * The sync and admin rules are written once against it (township/sync, township/admin); all SQL is under here.
 */

/** A lock held until the transaction ends. */
export type LockName = 'feed' | `station:${string}`;

export interface StoreTx {
  stations: StationQueries;
  enrolmentCodes: EnrolmentCodeQueries;
  nonces: NonceQueries;
  cases: CaseQueries;
  events: EventQueries;
  pendingEvents: PendingEventQueries;
  attachments: AttachmentQueries;
  feed: FeedQueries;
  publications: PublicationQueries;
  blacklist: BlacklistQueries;
  matterLevels: MatterLevelQueries;
  /**
   * PostgreSQL needs it where read-then-write must not interleave (a station's pushes, the feed's order); SQLite
   * already runs one write transaction at a time.
   */
  lock(name: LockName): Promise<void>;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgresql';
  /** Applies the backend's numbered migrations not applied yet, each in one transaction. */
  migrate(): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
